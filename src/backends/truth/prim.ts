/** Primitive real operations of the exact semantics (a graph's ops are lowered to these). */
export type PrimOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'abs' | 'sqrt' | 'square' | 'reciprocal'
  | 'exp' | 'expm1' | 'log' | 'log1p' | 'sin' | 'cos' | 'tan' | 'sinh' | 'cosh' | 'tanh'
  | 'asin' | 'acos' | 'atan' | 'atan2' | 'pow' | 'sigmoid' | 'softplus'
  | 'erf' | 'erfc' | 'asinh' | 'acosh' | 'atanh' | 'hypot' | 'log2' | 'log10';
