/**
 * How parse messages quote the user's text. A message is one line: it never holds more than QUOTE_LIMIT characters of
 * the input, and never a raw control byte or an invisible character (those would garble a terminal or hide the
 * problem); the excerpt under the message shows the place itself.
 */
export const QUOTE_LIMIT = 40;

/** Characters that print as themselves: letters, digits, punctuation and symbols (not controls, marks, spaces, unassigned). */
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/** 'U+0001' for a code point. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One unexpected character: '$' for printable ASCII, 'é' (U+00E9) for another visible one, U+0001 for the rest. */
export function describeCharacter(ch: string): string {
  if (/^[\x21-\x7e]$/.test(ch)) return `'${ch}'`;
  return VISIBLE.test(ch) ? `'${ch}' (${codePoint(ch)})` : codePoint(ch);
}

/**
 * A piece of the input as a message shows it (without quotes): whitespace runs become one space, other invisible
 * characters become U+XXXX, and a text longer than limit is cut in the middle with '...'.
 */
export function shown(text: string, limit = QUOTE_LIMIT): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/gu, (ch) => (VISIBLE.test(ch) ? ch : `<${codePoint(ch)}>`));
  const chars = Array.from(flat);
  if (chars.length <= limit) return flat;
  const head = Math.ceil((limit - 3) / 2);
  return `${chars.slice(0, head).join('')}...${chars.slice(chars.length - (limit - 3 - head)).join('')}`;
}

/** shown(text) in single quotes. */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  return `'${shown(text, limit)}'`;
}
