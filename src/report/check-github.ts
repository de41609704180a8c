import { type CheckRun, isFailing } from '../check/types.js';
import { fixSuggestion, rootCauseText, violationSummary } from './check-common.js';
import { hazardInfo } from './hazards.js';

// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One `::error` workflow command per failing finding, on the characters of the root cause (in the
 * expression file, or inside the config's expr string); known baseline findings are not annotated.
 */
export function formatCheckGithub(run: CheckRun): string {
  const lines = run.checks.flatMap((check) =>
    check.violations.filter(isFailing).map((v) => {
      const loc = v.location ?? check.exprLocation;
      // GitHub's endColumn is inclusive; ours is exclusive.
      const endColumn = loc.endLine === loc.startLine ? Math.max(loc.startColumn, loc.endColumn - 1) : Math.max(1, loc.endColumn - 1);
      const props = [
        `file=${loc.file}`, `line=${loc.startLine}`, `col=${loc.startColumn}`, `endLine=${loc.endLine}`, `endColumn=${endColumn}`,
        `title=f-diagnose ${check.name}: ${v.precision} ${v.target}`,
      ].map((p) => { const eq = p.indexOf('='); return `${p.slice(0, eq)}=${escapeProperty(p.slice(eq + 1))}`; });
      const cause = rootCauseText({ ...v, location: null });
      // the proved fix when there is one, else the hazard class's advice
      const fix = (check.fix?.expr ? fixSuggestion(check) : null) ?? (v.region?.hazard ? `fix: ${hazardInfo(v.region.hazard).fix}` : '');
      const baseline = v.baseline?.status === 'worse' ? `\nworse than the baseline: ${v.baseline.detail}` : v.baseline?.status === 'new' ? '\nnew since the baseline' : '';
      const message = `${violationSummary(v)}${cause === null ? '' : `; root cause: ${cause}`}${fix === '' ? '' : `\n${fix}`}${baseline}`;
      return `::error ${props.join(',')}::${escapeData(message)}`;
    }),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
