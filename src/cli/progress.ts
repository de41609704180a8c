import cliProgress from 'cli-progress';

/** What a command tells its progress display: how far (0 to 1) and doing what. */
export interface Progress {
  update: (fraction: number, stage: string) => void;
  stop: () => void;
}

const STEPS = 1000;

/** The stream a progress bar may draw on: a terminal's stderr, or a stand-in for one in tests. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * A bar with percentage and ETA on stderr (cli-progress), only on a terminal and only for a report meant for people:
 * nothing at all when stderr is not a TTY (CI logs, pipes) or the report is JSON (a program reads it). The bar clears
 * itself when done, so the report starts on a clean line.
 */
export function progressBar(stream: ProgressStream, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'f-diagnose {bar} {percentage}% | ETA {eta_formatted} | {stage}',
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 10,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (fraction, stage) => {
      const value = Math.round(Math.max(0, Math.min(1, fraction)) * STEPS);
      const text = stage.length > 40 ? `${stage.slice(0, 37)}...` : stage;
      if (!started) {
        bar.start(STEPS, value, { stage: text });
        started = true;
      } else bar.update(value, { stage: text });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
