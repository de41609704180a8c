import { analyseShared } from './diagnose.js';
import { restoreCache } from './sample-truths.js';
import { taker, type SharedAnalysis } from './share-forms.js';
import type { FormResult } from './types.js';

/** A pool thread's share of an analysis (shareForms): the emulator's floats, the sent truths continued here. */
export function analyseSharedTask(input: SharedAnalysis): [number, FormResult][] {
  const runtime = { backend: 'emulated' as const, truthCache: restoreCache(input.truths), ...(input.keepSeries ? { keepSeries: true } : {}) };
  return analyseShared(input.forms, input.options, runtime, taker(input.claims));
}
