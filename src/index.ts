/** The library API, for people who import instead of shelling out. */
export { diagnose, diagnose as scan, diagnoseParallel, defaultScanOptions, type FormSpec, type ScanRuntime, type BackendChoice } from './core/diagnose.js';
export { evaluatePoints, type PointResult, type PrecisionResult } from './core/evaluate-points.js';
export { compile } from './graph/compile.js';
export { evaluateFloat } from './backends/float.js';
export { groundTruth } from './backends/truth/index.js';
export { loadTfjs, type TfjsRuntime } from './backends/tfjs/load.js';
export { parseProgram } from './parse/index.js';
export { formatUserError, formatUserError as formatParseError } from './base/excerpt.js';
export { UserError, UserError as ParseError } from './base/user-error.js';
export { STORY_FORMS, STORY_REFERENCE } from './core/story.js';
export { formatScanText } from './report/text.js';
export { formatScanJson } from './report/json.js';
export type { Graph, GraphNode, Target } from './graph/graph.js';
export type { HazardKind } from './vocab/hazards.js';
export type { OpName } from './vocab/ops.js';
export type { FloatFormat } from './base/float-format.js';
export type { Truth, PointTruth } from './backends/truth.js';
export type * from './core/types.js';
