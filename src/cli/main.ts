import { Command, CommanderError } from 'commander';
import { EXIT } from '../report/exit-code.js';
import { VERSION } from '../base/version.js';
import { describeError } from './errors.js';
import { registerCheck } from './check.js';
import { registerEval } from './eval.js';
import { registerFix } from './fix.js';
import { registerScan } from './scan.js';

/** Parses argv, runs one command, returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const run = async (work: () => number | Promise<number>) => {
    try {
      code = await work();
    } catch (e) {
      const { text, code: c } = describeError(e);
      process.stderr.write(`f-diagnose: ${text}\n`);
      code = c;
    }
  };
  const program = new Command('f-diagnose')
    .description('find where a loss and its gradient go NaN, inf or inaccurate in float32/float64, and why')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `f-diagnose: ${withHint(s)}` : s) })
    .showSuggestionAfterError(true);
  registerScan(program, run);
  registerEval(program, run);
  registerCheck(program, run);
  registerFix(program, run);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { text, code: c } = describeError(e);
    process.stderr.write(`f-diagnose: ${text}\n`);
    return c;
  }
  return code;
}

/** An expression that starts with a minus sign reads as an option: say how to pass it. */
function withHint(message: string): string {
  const m = /unknown option '(-[^']*)'/.exec(message);
  if (!m || /^--?[A-Za-z][\w-]*(=.*)?$/.test(m[1]!)) return message;
  return `${message.trimEnd()}; an expression that starts with '-' goes after --, e.g. f-diagnose scan -- '${m[1]}'\n`;
}
