import type { Log, ReportingDescriptor, Result } from 'sarif';
import { type CheckRun, isFailing, type Violation } from '../check/types.js';
import { fixSuggestion, rootCauseText, violationSummary } from './check-common.js';
import { allHazards, hazardInfo } from './hazards.js';

/** Rules for findings with no root-cause hazard: the outcome itself is the rule. */
const OUTCOME_RULES: ReportingDescriptor[] = [
  {
    id: 'nan-result',
    name: 'NanResult',
    shortDescription: { text: 'NaN result' },
    fullDescription: { text: 'The value or gradient is NaN on part of the declared input range, and no single op was found to blame.' },
    help: { text: 'Evaluate the expression at the reported point with `f-diagnose eval` to see every op\'s value.' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'inf-result',
    name: 'InfResult',
    shortDescription: { text: 'infinite result' },
    fullDescription: { text: 'The value or gradient is infinite on part of the declared input range, and no single op was found to blame.' },
    help: { text: 'Evaluate the expression at the reported point with `f-diagnose eval` to see every op\'s value.' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'ulp-error',
    name: 'UlpError',
    shortDescription: { text: 'error above the allowed ULPs' },
    fullDescription: { text: 'A finite result is further from the exact result than the check allows (thresholds.maxUlps).' },
    help: { text: 'Find the cancelling subtraction or the approximate branch near the reported point, or raise the limit if the error is acceptable.' },
    defaultConfiguration: { level: 'error' },
  },
];

const pascal = (id: string): string => id.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/** One rule per hazard class, with the detector's description and fix as help text. */
export function sarifRules(): ReportingDescriptor[] {
  const hazards = allHazards().map<ReportingDescriptor>((h) => ({
    id: h.id,
    name: pascal(h.id),
    shortDescription: { text: h.title },
    fullDescription: { text: h.description },
    help: { text: `${h.description}. How to fix: ${h.fix}`, markdown: `**${h.title}**: ${h.description}.\n\n**How to fix:** ${h.fix}` },
    defaultConfiguration: { level: 'error' },
  }));
  return [...hazards, ...OUTCOME_RULES];
}

function ruleId(v: Violation): string {
  if (v.region?.hazard) return v.region.hazard;
  return v.kind === 'nan' ? 'nan-result' : v.kind === 'inf' ? 'inf-result' : 'ulp-error';
}

const BASELINE_STATE = { new: 'new', worse: 'updated', known: 'unchanged' } as const;

/** SARIF 2.1.0: one result per finding, located at the root cause's characters. */
export function formatCheckSarif(run: CheckRun): string {
  const rules = sarifRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = run.checks.flatMap((check) =>
    check.violations.map((v): Result => {
      const loc = v.location ?? check.exprLocation;
      const id = ruleId(v);
      const cause = rootCauseText({ ...v, location: null });
      const proved = check.fix?.expr ? fixSuggestion(check) : null;
      const fix = proved !== null ? ` Suggested ${proved}.` : v.region?.hazard ? ` How to fix: ${hazardInfo(v.region.hazard).fix}.` : '';
      const result: Result = {
        ruleId: id,
        ruleIndex: index.get(id)!,
        level: isFailing(v) ? 'error' : 'note',
        message: { text: `${check.name}: ${v.precision} ${v.target}: ${violationSummary(v)}${cause === null ? '' : `; root cause: ${cause}`}.${fix}` },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: loc.file },
            region: { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn },
          },
        }],
        properties: {
          check: check.name,
          framework: `${check.framework.name} ${check.framework.version}`,
          precision: v.precision,
          target: v.target,
          kind: v.kind,
          count: v.count,
          samples: v.samples,
          ...(v.region === null ? {} : { region: { var: v.region.var, lo: v.region.lo, hi: v.region.hi, exact: v.region.exact } }),
          ...(v.ulps === undefined ? {} : { ulps: Number.isFinite(v.ulps) ? v.ulps : String(v.ulps), limit: v.limit }),
        },
      };
      if (v.baseline !== undefined) result.baselineState = BASELINE_STATE[v.baseline.status];
      return result;
    }),
  );
  const log: Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: run.tool.name, version: run.tool.version, rules } },
      invocations: [{ executionSuccessful: true, commandLine: `f-diagnose check --config ${run.config}` }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
