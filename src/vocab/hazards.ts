/** Every kind of hazard a finding can name (the detectors' ids and the blame kinds of inaccuracy). */
export type HazardKind =
  | 'overflow' | 'division-by-zero' | 'zero-div-zero' | 'inf-div-inf' | 'inf-minus-inf'
  | 'zero-times-inf' | 'domain' | 'log-zero' | 'underflow' | 'cancellation' | 'where-trap'
  | 'nan-input' | 'approximation' | 'rounding' | 'kink';
