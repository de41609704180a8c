export { groundTruth, exactOp } from './ground-truth.js';
export { roundDecimal, exactDecimal } from './exact.js';
