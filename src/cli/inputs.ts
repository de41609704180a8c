import { UserError } from '../base/user-error.js';
import { readTextFile } from '../base/read-file.js';

export interface Source { source: string; file?: string }

/** The expression from the argument, or from -f FILE ("-" for stdin). */
export function readSource(expr: string | undefined, file: string | undefined): Source | undefined {
  if (expr !== undefined && file !== undefined) throw new UserError('give an expression or -f FILE, not both');
  if (file !== undefined) return { source: readText(file), file: file === '-' ? '<stdin>' : file };
  if (expr !== undefined) return { source: expr };
  return undefined;
}

export function readText(file: string): string {
  return readTextFile(file, { label: file === '-' ? '<stdin>' : file });
}

export function parseInteger(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new UserError(`${name} '${text}': expected a whole number`);
  const v = Number(text);
  if (v < min || v > max) throw new UserError(`${name} ${v}: must be between ${min} and ${max}`);
  return v;
}

/**
 * --atol: "auto" (half an ULP of 1 per precision, core/diagnose.ts DEFAULT_ATOL) or one absolute tolerance >= 0 for
 * every precision; undefined for auto.
 */
export function parseAtol(text: string): number | undefined {
  if (text.trim() === 'auto') return undefined;
  const v = /^\s*[0-9.]+(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(v) || v < 0) throw new UserError(`--atol '${text}': expected auto or a number >= 0, e.g. 1e-6`);
  return v;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** --reference: absent, or a non-empty expression (an empty one is a mistake, not "no reference"). */
export function referenceOf(text: string | undefined): { source: string } | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UserError('--reference is empty', undefined, 'give the reference expression, or leave the option out');
  return { source: text };
}

/** The flags scan and fix share, as commander gives them (strings, parsed where they are used). */
export interface SamplingFlags {
  file?: string;
  var: string[];
  samples: string;
  seed: string;
  precision: string;
  format: string;
  ulps: string;
  output?: string;
  backend: string;
}
