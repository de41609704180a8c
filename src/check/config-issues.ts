import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import { KNOWN_FIELDS, RANGE_MESSAGE } from './config.js';
import { didYouMean } from './did-you-mean.js';
import type { JsonText } from './json-text.js';
import { lineColumn } from '../base/span.js';

type Path = (string | number)[];

/** checks[1].vars.x, or checks[0].vars["1x"] for a key that is not an identifier. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

const EXPECTED: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: RANGE_MESSAGE,
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

function knownFields(path: readonly PropertyKey[]): readonly string[] {
  const holder = [...path].reverse().find((k) => typeof k === 'string') ?? '';
  return KNOWN_FIELDS[holder as keyof typeof KNOWN_FIELDS] ?? [];
}

/** Where to point for an issue: [path shown, message, path of the JSON node to point at, point at the key]. */
function explain(issue: z.core.$ZodIssue, value: unknown): Array<{ path: Path; message: string; at: Path; key: boolean }> {
  const path = issue.path as Path;
  const got = valueAt(value, path);
  const inVars = path.length >= 4 && path[0] === 'checks' && path[2] === 'vars';
  if (inVars && issue.code === 'invalid_key') {
    return [{ path, message: 'a variable name is letters, digits and _, not starting with a digit', at: path, key: true }];
  }
  if (inVars) {
    const varPath = path.slice(0, 4);
    return [{ path: varPath, message: RANGE_MESSAGE, at: varPath, key: false }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const guess = didYouMean(key, knownFields(path));
        const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
        return { path: [...path, key], message: `unknown field${hint}`, at: [...path, key], key: true };
      });
    case 'invalid_type': {
      if (got === undefined) return [{ path, message: 'missing (required)', at: path.slice(0, -1), key: false }];
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return [{ path, message: `expected ${expected}, got ${describe(got)}`, at: path, key: false }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const list = options.length <= 2 ? options.join(' or ') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
      return [{ path, message: `expected ${list}, got ${describe(got)}`, at: path, key: false }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const cmp = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : (issue.inclusive ? '<=' : '<');
      const what =
        issue.origin === 'array' ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound} item${bound === '1' ? '' : 's'}`
        : issue.origin === 'string' ? (bound === '1' && issue.code === 'too_small' ? 'a non-empty string' : `a string of length ${cmp} ${bound}`)
        : `a number ${cmp} ${bound}`;
      return [{ path, message: `expected ${what}, got ${describe(got)}`, at: path, key: false }];
    }
    default:
      return [{ path, message: issue.message, at: path, key: false }];
  }
}

function nodeOffset(tree: Node, at: Path, key: boolean): number {
  for (let n = at.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, at.slice(0, n));
    if (node === undefined) continue;
    const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key && n === at.length && keyNode !== undefined ? keyNode.offset : node.offset;
  }
  return 0;
}

/** One line per problem, sorted by position: "FILE:LINE:COL: PATH: MESSAGE". */
export function formatConfigIssues(issues: readonly z.core.$ZodIssue[], json: JsonText, label: string): string[] {
  const rows = issues.flatMap((issue) => explain(issue, json.value)).map((row) => ({ ...row, offset: nodeOffset(json.tree, row.at, row.key) }));
  const seen = new Set<string>();
  const lines = rows
    .sort((a, b) => a.offset - b.offset)
    .map((row) => {
      const { line, column } = lineColumn(json.text, row.offset);
      const where = row.path.length === 0 ? '' : `${formatPath(row.path)}: `;
      return `${label}:${line}:${column}: ${where}${row.message}`;
    })
    .filter((line) => !seen.has(line) && (seen.add(line), true));
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `${label}: ... and ${lines.length - MAX_LINES} more problems`] : lines;
}

/** A config with a thousand mistakes gets the first few, then a count. */
const MAX_LINES = 20;
