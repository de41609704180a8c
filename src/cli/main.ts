import { Command, CommanderError } from 'commander';
import { EXIT } from '../report/exit-code.js';
import { VERSION } from '../base/version.js';
import { describeError } from './errors.js';

type Register = (program: Command, run: (work: () => Promise<number>) => Promise<void>) => void;

/** Each command's module (loaded on demand: a command's run loads only its own code, ~40% of the whole). */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  scan: async () => (await import('./scan.js')).registerScan,
  eval: async () => (await import('./eval.js')).registerEval,
  check: async () => (await import('./check.js')).registerCheck,
  fix: async () => (await import('./fix.js')).registerFix,
};

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
  // the named command alone; without one (help, a typo to suggest for), every command, in this order
  const named = Object.hasOwn(COMMANDS, argv[2] ?? '') ? [argv[2]!] : Object.keys(COMMANDS);
  for (const register of await Promise.all(named.map((c) => COMMANDS[c]!()))) register(program, run);
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
