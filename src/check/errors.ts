import { UsageError as CliUsageError } from '../cli/errors.js';

/**
 * A mistake of the user's (bad option, bad config, unreadable file, bad expression): the message is
 * printed as it is, with no stack trace, and the exit code is 2. It extends the CLI's UsageError so
 * the CLI's error handler treats errors thrown here (e.g. by parseFailOn) the same way.
 */
export class UsageError extends CliUsageError {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
