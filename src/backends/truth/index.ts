export { groundTruth, exactOp } from './ground-truth.js';
