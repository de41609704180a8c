import { Chalk } from 'chalk';
import type { EvalReport } from './formats.js';
import { HAZARDS } from './hazards.js';
import { formatFloat, formatUlps } from './numbers.js';
import { excerpt } from '../base/excerpt.js';
import { position } from './numbers.js';

export function formatEvalText(report: EvalReport, color: boolean): string {
  const { source, results, framework: fw } = report;
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [c.dim(`float results as ${fw.name} ${fw.version} computes them on CPU (--framework ${fw.id})`)];
  if (report.skipped) out.push(c.dim(report.skipped));
  for (const r of results) {
    out.push(c.bold(Object.entries(r.point).map(([k, v]) => `${k} = ${v}`).join(', ')));
    out.push(`  exact     value ${r.exact.value}${Object.entries(r.exact.grad).map(([k, v]) => `   d/d${k} ${v}`).join('')}`);
    for (const format of ['float32', 'float64'] as const) {
      const p = r[format];
      const val = (x: number, t: string) => {
        const u = p.ulps[t]!;
        const s = `${formatFloat(x, format)} (${formatUlps(u)} ULP)`;
        return Number.isFinite(x) ? (u > 16 ? c.yellow(s) : s) : c.red(s);
      };
      out.push(`  ${format}   value ${val(p.value, 'value')}${Object.entries(p.grad).map(([k, v]) => `   d/d${k} ${val(v, `grad:${k}`)}`).join('')}`);
      for (const h of p.hazards.filter((e) => HAZARDS[e.hazard].severity === 'error' || e.hazard === 'cancellation')) {
        const [line, caret] = excerpt(source, h.span);
        const discarded = h.onPath ? '' : h.discardedBy === 'unused' ? ' (unused: folded into a constant)' : ' (discarded by where: reaches no result)';
        out.push(c.dim(`            ${HAZARDS[h.hazard].title} (${h.pass}) at ${position(source, h.span)}: ${h.detail}${discarded}`));
        out.push(c.dim(`              ${line}`), c.magenta(`              ${caret}`));
      }
    }
    if (r.tfjs) {
      const t = r.tfjs;
      out.push(c.dim(`  tfjs      value ${formatFloat(t.value, 'float32')}${Object.entries(t.grad).map(([k, v]) => `   d/d${k} ${formatFloat(v, 'float32')}`).join('')}   (TF.js ${t.backend} backend)`));
    }
    out.push('');
  }
  return out.join('\n');
}
