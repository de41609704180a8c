/**
 * A Python form travels through the pipeline (and to the truth workers) as its source text and a label, so the label
 * says which function and which defaulted parameters are sampled: `losses.py::focal_loss` or
 * `losses.py::focal_loss[gamma]` (pytest's FILE::NAME).
 */
export interface PyLabel {
  file: string;
  /** The function; undefined for the whole file (which must then define exactly one). */
  function?: string;
  /** Parameters with a default that are sampled as variables instead of taking it. */
  sampled: string[];
}

const LABEL = /^(.*\.py)(?:::([A-Za-z_]\w*)(?:\[([\w,]*)\])?)?$/;

export function isPythonLabel(label: string | undefined): label is string {
  return label !== undefined && LABEL.test(label);
}

export function parseLabel(label: string): PyLabel | undefined {
  const m = LABEL.exec(label);
  if (!m) return undefined;
  const out: PyLabel = { file: m[1]!, sampled: m[3] ? m[3].split(',').filter(Boolean) : [] };
  if (m[2] !== undefined) out.function = m[2];
  return out;
}

export function formatLabel(l: PyLabel): string {
  if (l.function === undefined) return l.file;
  return `${l.file}::${l.function}${l.sampled.length ? `[${l.sampled.join(',')}]` : ''}`;
}
