import type { Span } from './span.js';

/**
 * A mistake of the user's that they can fix: a malformed expression or Python file, an unknown function, a bad range,
 * a broken config or points file, an unreadable input or unwritable output. The one class every stage throws for bad
 * input; the CLI prints it as one clear line (with an excerpt and a caret when it has a span and the source), no stack
 * trace, and exits 2.
 */
export class UserError extends Error {
  /** The text the span points into and its file name; attached by whoever knows them (compile() for expressions). */
  source?: string;
  file?: string;

  constructor(message: string, readonly span?: Span, readonly hint?: string) {
    super(message);
    this.name = 'UserError';
  }

  /** The same error pointing into a source, unless it already points somewhere. */
  withSource(source: string, file: string | undefined): this {
    if (this.source === undefined) {
      this.source = source;
      this.file = file;
    }
    return this;
  }
}
