import { writeTextFile } from '../base/read-file.js';

/** The one place that writes a report: to a file, or to stdout. */
export function writeReport(text: string, file?: string): void {
  if (file) writeTextFile(file, text);
  else process.stdout.write(text);
}

export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
