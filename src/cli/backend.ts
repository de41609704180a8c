import { UserError } from '../base/user-error.js';
import { loadTfjs } from '../backends/tfjs/load.js';
import type { BackendChoice, ScanRuntime } from '../core/diagnose.js';
import { FRAMEWORK_IDS, isFrameworkId, type FrameworkId } from '../graph/frameworks/index.js';

/** --framework: whose gradient rules and CPU kernels (default tf). */
export function parseFramework(text: string): FrameworkId {
  if (!isFrameworkId(text)) throw new UserError(`--framework '${text}': expected ${FRAMEWORK_IDS.join(', ')}`);
  return text;
}

export const FRAMEWORK_HELP = 'whose gradient rules and CPU kernels: tf (TensorFlow/Keras), torch, jax or tfjs';

const CHOICES: readonly BackendChoice[] = ['emulated', 'tfjs', 'both'];

/**
 * --backend: TF.js is loaded for tfjs and both. The fallback is said on stderr, never silently: tfjs-node missing
 * (cpu backend instead) is a note; TF.js failing to load at all drops 'both' to the emulator, and fails 'tfjs'.
 */
export async function loadBackend(choice: string, framework: FrameworkId): Promise<ScanRuntime> {
  if (!CHOICES.includes(choice as BackendChoice)) throw new UserError(`--backend '${choice}': expected emulated, tfjs or both`);
  const backend = choice as BackendChoice;
  if (backend === 'emulated') return { backend };
  // TF.js is compared with the tfjs model only: not loaded for the others, whose results stay emulated (the report
  // says in one line that the cross-check was skipped)
  if (framework !== 'tfjs') return { backend };
  try {
    // a missing tfjs-node is stated in the report itself (backend, fallbackReason), not on stderr at every run
    return { backend, tfjs: await loadTfjs() };
  } catch (e) {
    if (backend === 'tfjs') throw new UserError(`--backend tfjs: TensorFlow.js failed to load: ${(e as Error).message}`);
    process.stderr.write(`f-diagnose: note: TensorFlow.js failed to load (${(e as Error).message}); float32 results are not cross-checked\n`);
    return { backend: 'emulated' };
  }
}
