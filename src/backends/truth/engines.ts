import type { Arith } from './arith.js';
import { EXACT_ONLY } from './exact-arith.js';
import { BIG } from './big-arith.js';
import { FAST } from './fast-arith.js';

/** The ball libraries, fastest first: each quantity goes to the next only when the previous could not certify it. */
export const ARITHMETICS: readonly Arith<unknown>[] = [EXACT_ONLY, FAST as Arith<unknown>, BIG as Arith<unknown>];
