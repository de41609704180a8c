import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FloatFormat } from '../../src/base/float-format.js';

/** fixtures/mpmath/reference.json, written by fixtures/mpmath/generate.py (mpmath, the independent oracle). */
export const REFERENCE_PATH = fileURLToPath(new URL('../../../fixtures/mpmath/reference.json', import.meta.url));

/**
 * One quantity (the value or one partial derivative) at one point.
 * - finite: decimal holds 40 significant digits of the exact result ('0' when it is exactly zero),
 *   rounded the nearest float of the row's format ('inf' when beyond the format's range).
 * - infinite: the exact result is an infinity of the sign of rounded.
 * - undefined: the exact result does not exist.
 * - unchecked: the answer depends on a convention (a kink, a one-sided pole); not asserted.
 */
export type RefQuantity =
  | { kind: 'finite'; decimal: string; rounded: string; limit?: boolean }
  | { kind: 'infinite'; rounded: 'inf' | '-inf' }
  | { kind: 'undefined'; reason: string }
  | { kind: 'unchecked'; reason: string };

export interface RefCase {
  expr: string;
  source: string;
  format: FloatFormat;
  regime: 'tiny' | 'small' | 'medium' | 'large' | 'threshold' | 'special';
  /** The point, each coordinate a decimal that parses to the exact float of the format. */
  at: Record<string, string>;
  value: RefQuantity;
  grad: Record<string, RefQuantity>;
  /** A row of the user story's function or one of its where/stable forms. */
  story?: boolean;
}

export interface Reference {
  generator: string;
  command: string;
  mpmathVersion: string;
  dps: number;
  checkDps: number;
  note: string;
  expressions: Record<string, { source: string; vars: string[]; note?: string }>;
  cases: RefCase[];
}

export function loadReference(path = REFERENCE_PATH): Reference {
  return JSON.parse(readFileSync(path, 'utf8')) as Reference;
}

/** Parses the generator's float text: Python repr, 'inf', '-inf', '-0.0'. */
export function parseFloatText(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  const v = Number(text);
  if (Number.isNaN(v)) throw new Error(`not a float: ${text}`);
  return v;
}

export function pointOf(row: RefCase): Record<string, number> {
  return Object.fromEntries(Object.entries(row.at).map(([k, v]) => [k, parseFloatText(v)]));
}

/** e.g. "x=-88.72283935546875, y=2" */
export function pointLabel(row: RefCase): string {
  return Object.entries(row.at).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** A decimal string as sign, mantissa in [1, 10) (17 digits) and a BigInt exponent; null for zero, undefined when not digits. */
function scientific(text: string): { mantissa: number; exponent: bigint } | null | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return undefined;
  const int = m[2] ?? '';
  const all = int + (m[3] ?? '');
  const lead = all.search(/[1-9]/);
  if (lead < 0) return null;
  const digits = all.slice(lead, lead + 17);
  const exponent = BigInt(m[4] ?? '0') + BigInt(int.length - lead - 1);
  const mantissa = Number(`${digits[0]}.${digits.slice(1) || '0'}`) * (m[1] === '-' ? -1 : 1);
  return { mantissa, exponent };
}

/**
 * Whether two decimal strings (any exponent, even beyond double range) agree to about `digits`
 * significant digits; undefined when either is not plain digits (e.g. "beyond 1e+9e15").
 */
export function leadingDigitsAgree(a: string, b: string, digits = 14): boolean | undefined {
  const x = scientific(a);
  const y = scientific(b);
  if (x === undefined || y === undefined) return undefined;
  if (x === null || y === null) return x === y;
  const shift = Number(x.exponent - y.exponent);
  if (Math.abs(shift) > 1) return false;
  const ym = y.mantissa / 10 ** shift;
  return Math.abs(x.mantissa - ym) <= 10 ** (1 - digits) * Math.abs(x.mantissa);
}
