import { UserError } from '../base/user-error.js';
import type { CheckRun } from '../check/types.js';
import type { PointResult } from '../core/evaluate-points.js';
import type { ScanReport } from '../core/types.js';
import { formatCheckGithub } from './check-github.js';
import { formatCheckJson } from './check-json.js';
import { formatCheckJunit } from './check-junit.js';
import { formatCheckSarif } from './check-sarif.js';
import { formatCheckText } from './check-text.js';
import { formatEvalJson } from './eval-json.js';
import { formatEvalText } from './eval-text.js';
import { formatScanJson } from './json.js';
import { formatScanText } from './text.js';
import { formatScanHtml } from './html.js';
import { formatEvalHtml } from './eval-html.js';

/** What every formatter may be told: pure functions (report, options) => string; one writer does the I/O. */
export interface TextOptions {
  color: boolean;
  /** scan: regions shown per result. */
  maxRegions?: number;
  /** scan: only the summary (a line per form, a line per precision and target). */
  brief?: boolean;
  /** scan: the full detail (tables, every region, hazards, TF.js agreement, verdict sentences), lines not fitted. */
  verbose?: boolean;
  /** scan: pictures of outcomes and bits of error against x (needs the report's series). */
  plot?: boolean;
  /** Columns to fit (80 when not a terminal). */
  width?: number;
}

/** An evaluation of explicit points, with the source its spans point into. */
export interface EvalReport {
  source: string;
  results: PointResult[];
  /** Whose rules and kernels (text header); each JSON line carries it too. */
  framework: { id: string; name: string; version: string };
  /** Why TF.js's results are absent (it is compared with the tfjs model only). */
  skipped?: string;
}

/** One output format: which commands offer it, and how it renders each one's report. */
export interface OutputFormat {
  name: string;
  description: string;
  scan?: (report: ScanReport, opts: TextOptions) => string;
  eval?: (report: EvalReport, opts: TextOptions) => string;
  check?: (run: CheckRun, opts: TextOptions) => string;
}

export type Command = 'scan' | 'eval' | 'check';

/** THE list of output formats, shared by scan, eval and check: a new format is one entry here. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    name: 'text', description: 'for people: tables, regions with their root causes and carets, verdicts',
    scan: formatScanText, eval: (r, o) => formatEvalText(r, o.color), check: formatCheckText,
  },
  {
    name: 'json', description: 'for programs: the whole report (valid for jq; non-finite numbers as strings)',
    scan: (r) => formatScanJson(r), eval: (r) => formatEvalJson(r.source, r.results), check: (r) => formatCheckJson(r),
  },
  {
    name: 'html', description: 'one self-contained HTML file (plots, hazards with carets, root causes; nothing fetched): use with -o',
    scan: (r) => formatScanHtml(r), eval: (r) => formatEvalHtml(r),
  },
  { name: 'github', description: 'GitHub Actions annotations on the offending characters', check: (r) => formatCheckGithub(r) },
  { name: 'sarif', description: 'SARIF 2.1.0 for code scanning', check: (r) => formatCheckSarif(r) },
  { name: 'junit', description: 'JUnit XML, one testcase per check', check: (r) => formatCheckJunit(r) },
];

export function formatNames(command: Command): string[] {
  return OUTPUT_FORMATS.filter((f) => f[command] !== undefined).map((f) => f.name);
}

/** The format a command was asked for, or a UserError naming the ones it offers. */
export function formatFor<C extends Command>(command: C, name: string): OutputFormat & Required<Pick<OutputFormat, C>> {
  const found = OUTPUT_FORMATS.find((f) => f.name === name && f[command] !== undefined);
  if (!found) {
    const names = formatNames(command);
    throw new UserError(`--format '${name}': expected ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);
  }
  return found as OutputFormat & Required<Pick<OutputFormat, C>>;
}
