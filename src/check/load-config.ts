import { UserError } from '../base/user-error.js';
import { readTextFile } from '../base/read-file.js';
import { dirname, resolve } from 'node:path';
import { type Config, ConfigSchema } from './config.js';
import { formatConfigIssues } from './config-issues.js';
import { type JsonText, parseJsonText } from './json-text.js';

export interface LoadedConfig {
  /** As shown in messages (the path as given, or the default file name). */
  label: string;
  path: string;
  /** Expression files are relative to this directory. */
  dir: string;
  json: JsonText;
  config: Config;
}

/** Parses and validates config text; every problem is a UserError naming FILE:LINE:COL and the field's path. */
export function parseConfig(text: string, label: string, path = label): LoadedConfig {
  const json = parseJsonText(text, label);
  const result = ConfigSchema.safeParse(json.value);
  if (!result.success) throw new UserError(formatConfigIssues(result.error.issues, json, label).join('\n'));
  return { label, path: resolve(path), dir: dirname(resolve(path)), json, config: result.data };
}

export function loadConfig(path: string, label = path): LoadedConfig {
  const text = readTextFile(path, { label, what: 'the config file' });
  return parseConfig(text, label, path);
}
