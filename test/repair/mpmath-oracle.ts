import { spawnSync } from 'node:child_process';

/** mpmath (the independent oracle): value and every partial derivative of a Python-mpmath lambda at each point. */
const SCRIPT = `
import json, sys
import mpmath as mp
mp.mp.dps = 300
job = json.load(sys.stdin)
f = eval('lambda ' + ', '.join(job['vars']) + ': ' + job['expr'], {k: getattr(mp, k) for k in dir(mp) if not k.startswith('_')})
out = []
for p in job['points']:
    # at a removable singularity (0 here), next to it: 1e-30 changes neither value nor derivative in any float
    args = [mp.mpf(repr(v)) if v != 0 or not job['singularAtZero'] else mp.mpf('1e-30') for v in p]
    n = len(args)
    value = f(*args)
    grads = [mp.diff(lambda *a: f(*a), args, tuple(1 if j == i else 0 for j in range(n))) for i in range(n)]
    out.append([mp.nstr(value, 40), *[mp.nstr(g, 40) for g in grads]])
print(json.dumps(out))
`;

export const hasMpmath = spawnSync('/usr/bin/python3', ['-c', 'import mpmath'], { encoding: 'utf8' }).status === 0;

/** [value, d/dvar...] per point, as doubles (the 40-digit decimals parsed, so correctly rounded). */
export function mpmathAt(expr: string, vars: string[], points: number[][], singularAtZero = false): number[][] {
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT], { input: JSON.stringify({ expr, vars, points, singularAtZero }), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`mpmath failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as string[][]).map((row) => row.map(Number));
}
