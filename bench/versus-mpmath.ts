import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The truth engine against mpmath on the same points (bench/truth.ts, bench/truth-vs-mpmath.py), each in a fresh
 * process (a first pass, as a scan's truths are): points/s and the ratio, wall and per CPU-second. Undefined when
 * Debian's python3-mpmath is not there.
 */
export function versusMpmath(): string[][] | undefined {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return undefined;
  try {
    execFileSync(python, ['-c', 'import mpmath'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const here = new URL('.', import.meta.url);
  const truthJs = new URL('truth.js', here).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'f-diagnose-bench-'));
  try {
    const points = join(dir, 'points.json');
    writeFileSync(points, execFileSync(process.execPath, [truthJs, '--points']));
    const ours = rates(execFileSync(process.execPath, [truthJs], { encoding: 'utf8' }), 'truth');
    const theirs = rates(execFileSync(python, [new URL('../../bench/truth-vs-mpmath.py', here).pathname, points], { encoding: 'utf8' }), 'mpmath');
    return [...ours.keys()].map((key) => {
      const a = ours.get(key)!;
      const b = theirs.get(key)!;
      return [`truth vs mpmath, ${key}: points/s ours, mpmath; ratio wall, per CPU-s`, `${a.wall.toFixed(0)} ${b.wall.toFixed(0)}`, `${(a.wall / b.wall).toFixed(1)}x`, `${(a.cpu / b.cpu).toFixed(1)}x`];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "<who> story float64: 4096 points in 0.20 s = 20520 points/s (cpu 0.36 s = 11534 points/s)" lines, by form and format. */
function rates(text: string, who: string): Map<string, { wall: number; cpu: number }> {
  const out = new Map<string, { wall: number; cpu: number }>();
  for (const m of text.matchAll(new RegExp(`^${who} (\\w+ \\w+): .*?= (\\d+) points/s \\(cpu .*?= (\\d+) points/s\\)`, 'gm'))) {
    out.set(m[1]!, { wall: Number(m[2]), cpu: Number(m[3]) });
  }
  return out;
}
