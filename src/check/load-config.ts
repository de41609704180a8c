import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Config, ConfigSchema } from './config.js';
import { formatConfigIssues } from './config-issues.js';
import { UsageError } from './errors.js';
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

/** Parses and validates config text; every problem is a UsageError naming FILE:LINE:COL and the field's path. */
export function parseConfig(text: string, label: string, path = label): LoadedConfig {
  const json = parseJsonText(text, label);
  const result = ConfigSchema.safeParse(json.value);
  if (!result.success) throw new UsageError(formatConfigIssues(result.error.issues, json, label).join('\n'));
  return { label, path: resolve(path), dir: dirname(resolve(path)), json, config: result.data };
}

export function loadConfig(path: string, label = path): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new UsageError(`${label}: cannot read the config file: ${why}`);
  }
  return parseConfig(text, label, path);
}
