/**
 * Loads TensorFlow.js: the native `tensorflow` backend of @tensorflow/tfjs-node when it is
 * installed and loads, else the pure-JS `cpu` backend of @tensorflow/tfjs, saying why.
 * TF.js's console banner ("Hi, looks like you are running TensorFlow.js in Node.js...") and
 * kernel-registration warnings are swallowed while loading; nothing else is changed.
 */
import type * as Tf from '@tensorflow/tfjs';

export type TfModule = typeof Tf;
export type TfjsBackendName = 'tensorflow' | 'cpu';

export interface TfjsRuntime {
  tf: TfModule;
  backend: TfjsBackendName;
  versions: { tfjs: string; tfjsNode?: string };
  /** Why the native backend is not the one running (absent when it is, or when cpu was asked for). */
  fallbackReason?: string;
}

export type TfjsPreference = 'auto' | 'cpu';

// A variable specifier: tfjs-node is optional, so the type checker must not resolve it.
const TFJS_NODE = '@tensorflow/tfjs-node';

export async function loadTfjs(prefer: TfjsPreference = 'auto'): Promise<TfjsRuntime> {
  let fallbackReason: string | undefined;
  if (prefer === 'auto') {
    const native = await loadNative();
    if ('runtime' in native) return native.runtime;
    fallbackReason = native.reason;
  }
  const tf = await quietly(async () => {
    const tf: TfModule = await import('@tensorflow/tfjs');
    if (!(await tf.setBackend('cpu'))) throw new Error('TensorFlow.js could not initialise its cpu backend');
    await tf.ready();
    touchBackend(tf);
    return tf;
  });
  return {
    tf,
    backend: 'cpu',
    versions: { tfjs: tf.version.tfjs ?? tf.version_core },
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
  };
}

async function loadNative(): Promise<{ runtime: TfjsRuntime } | { reason: string }> {
  // libtensorflow's own C++ logging (CPU feature notices) goes straight to fd 2; this is its documented switch.
  process.env['TF_CPP_MIN_LOG_LEVEL'] ??= '2';
  try {
    const tf = await quietly(async () => {
      const mod = (await import(TFJS_NODE)) as TfModule & { default?: TfModule };
      const tf = (mod.setBackend === undefined && mod.default !== undefined ? mod.default : mod) as TfModule;
      if (!(await tf.setBackend('tensorflow'))) throw new Error('the tensorflow backend did not initialise');
      await tf.ready();
      touchBackend(tf);
      return tf;
    });
    const versions = tf.version as Record<string, string | undefined>;
    return {
      runtime: {
        tf,
        backend: 'tensorflow',
        versions: { tfjs: versions['tfjs'] ?? tf.version_core, tfjsNode: versions['tfjs-node'] ?? 'unknown' },
      },
    };
  } catch (error) {
    return { reason: nativeFailure(error) };
  }
}

function nativeFailure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = String(e?.message ?? error);
  if ((e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && message.includes(`'${TFJS_NODE}'`)) {
    return `${TFJS_NODE} is not installed`;
  }
  return `${TFJS_NODE} failed to load: ${message.split('\n')[0]}`;
}

/** The cpu backend prints its banner on its first tensor write: make that write happen while muted. */
function touchBackend(tf: TfModule): void {
  tf.tidy(() => {
    tf.scalar(0).dataSync();
  });
}

/** Runs fn with console.log/info/warn muted, restoring them afterwards (also on failure). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, warn: console.warn };
  const mute = (): void => {};
  console.log = mute;
  console.info = mute;
  console.warn = mute;
  try {
    return await fn();
  } finally {
    console.log = saved.log;
    console.info = saved.info;
    console.warn = saved.warn;
  }
}
