import fc from 'fast-check';
import { looseProgram, render } from './programs.js';

/** Pieces of the language and of other languages, stray characters and control bytes, to assemble broken text from. */
const PIECES = [
  '(', ')', '((', '))', ',', ' ', '\n', '\t', '\r\n', ';', '#', '\\\n', '\\', '=', '==', '+', '-', '*', '/', '**', '^', '<', '<=', '>', '!=',
  '&', '|', '~', '&&', '||', '//', '!', '%', '.', '..', 'e', 'E', '1e', '1e+', '.5', '5.', '0', '1', '9'.repeat(30), 'x', 'y',
  'exp', 'exp(', 'where(', 'clip(', 'f(x)', 'f(x) = ', 't = ', 'np.', 'tf.math.', 'np.pi', 'pi', 'not ', ' and ', ' or ', 'lambda', 'def',
  'return', 'if', 'inf', 'nan', 'min=', '__proto__', 'constructor', 'toString', '\u0000', '\u0001', '\u001b[31m', '\u007f', '\u0085',
  '\u00a0', '\u200b', '\u202e', '\ufeff', '\ud800', '\u2212', '\u00d7', '\u00e9', '\u{1f600}', '\u0301',
];

const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const validText = looseProgram.map((p) => render(p, false).text);

/** An edit of a valid program: delete, insert or replace a few characters. */
const editedText = fc
  .tuple(validText, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) =>
    edits.reduce((t, [at, drop, insert]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + insert + t.slice(i + drop);
    }, text));

const truncatedText = fc.tuple(validText, fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1)));

/** Long tokens, deep nesting and wide calls, to probe limits. */
const extremeText = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.nat(9))
  .map(([size, kind]) => {
    switch (kind) {
      case 0: return 'a'.repeat(size);
      case 1: return `exp(${'9'.repeat(size)}e${'9'.repeat(size % 40)})`;
      case 2: return '('.repeat(size);
      case 3: return `${'('.repeat(size)}x${')'.repeat(size)}`;
      case 4: return `${'-'.repeat(size)}x`;
      case 5: return `${'~'.repeat(size)}x`;
      case 6: return `exp(${Array(Math.min(size, 5_000)).fill('x').join(', ')})`;
      case 7: return Array(Math.min(size, 5_000)).fill('x').join(' + ');
      case 8: return `${'exp('.repeat(Math.min(size, 5_000))}x`;
      default: return `np.${'a.'.repeat(Math.min(size, 5_000))}exp(x)`;
    }
  });

/** Text of every kind of brokenness (and, by chance, sometimes valid). */
export const brokenText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  piecesText,
  editedText,
  truncatedText,
  extremeText,
);
