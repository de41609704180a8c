import { UserError } from '../base/user-error.js';
import type { CheckRun } from '../check/types.js';
import type { PointResult } from '../core/evaluate-points.js';
import type { ScanReport } from '../core/types.js';

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

/** What each command reports. */
interface Reports { scan: ScanReport; eval: EvalReport; check: CheckRun }

export type Command = keyof Reports;

/** A format's renderer for one command's report: pure (report, options) => string; one writer does the I/O. */
export type Renderer<C extends Command> = (report: Reports[C], opts: TextOptions) => string;

/**
 * One output format: which commands offer it, and each one's renderer, loaded when the format is chosen (the HTML
 * writer alone takes a third of a scan's start-up to load).
 */
export type OutputFormat = { name: string; description: string } & { [C in Command]?: () => Promise<Renderer<C>> };

/** THE list of output formats, shared by scan, eval and check: a new format is one entry here. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    name: 'text', description: 'for people: tables, regions with their root causes and carets, verdicts',
    scan: async () => (await import('./text.js')).formatScanText,
    eval: async () => {
      const { formatEvalText } = await import('./eval-text.js');
      return (r, o) => formatEvalText(r, o.color);
    },
    check: async () => (await import('./check-text.js')).formatCheckText,
  },
  {
    name: 'json', description: 'for programs: the whole report (valid for jq; non-finite numbers as strings)',
    scan: async () => {
      const { formatScanJson } = await import('./json.js');
      return (r) => formatScanJson(r);
    },
    eval: async () => {
      const { formatEvalJson } = await import('./eval-json.js');
      return (r) => formatEvalJson(r.source, r.results);
    },
    check: async () => {
      const { formatCheckJson } = await import('./check-json.js');
      return (r) => formatCheckJson(r);
    },
  },
  {
    name: 'html', description: 'one self-contained HTML file (plots, hazards with carets, root causes; nothing fetched): use with -o',
    scan: async () => {
      const { formatScanHtml } = await import('./html.js');
      return (r) => formatScanHtml(r);
    },
    eval: async () => {
      const { formatEvalHtml } = await import('./eval-html.js');
      return (r) => formatEvalHtml(r);
    },
  },
  {
    name: 'github', description: 'GitHub Actions annotations on the offending characters',
    check: async () => {
      const { formatCheckGithub } = await import('./check-github.js');
      return (r) => formatCheckGithub(r);
    },
  },
  {
    name: 'sarif', description: 'SARIF 2.1.0 for code scanning',
    check: async () => {
      const { formatCheckSarif } = await import('./check-sarif.js');
      return (r) => formatCheckSarif(r);
    },
  },
  {
    name: 'junit', description: 'JUnit XML, one testcase per check',
    check: async () => {
      const { formatCheckJunit } = await import('./check-junit.js');
      return (r) => formatCheckJunit(r);
    },
  },
];

export function formatNames(command: Command): string[] {
  return OUTPUT_FORMATS.filter((f) => f[command] !== undefined).map((f) => f.name);
}

/** The format a command was asked for, its renderer loaded, or a UserError naming the ones it offers. */
export async function formatFor<C extends Command>(command: C, name: string): Promise<{ name: string; render: Renderer<C> }> {
  const found = OUTPUT_FORMATS.find((f) => f.name === name && f[command] !== undefined);
  if (!found) {
    const names = formatNames(command);
    throw new UserError(`--format '${name}': expected ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);
  }
  return { name: found.name, render: await (found[command] as () => Promise<Renderer<C>>)() };
}
