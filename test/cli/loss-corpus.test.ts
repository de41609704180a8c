/**
 * The loss corpus (fixtures/losses/*.py) with each function's expected findings, derived by hand in the function's
 * docstring (not from f-diagnose's output): a small scan must find every expected NaN/inf with its cause, and a
 * function expected clean must have none, in value and gradients, in float32 and float64.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

type Outcome = 'nan' | 'inf';
interface Finding { precision: 'float32' | 'float64'; target: string; outcome: Outcome; hazard: string; op: string }
/** The framework the file imports (given explicitly: scan does not take it from the imports yet); tf otherwise. */
interface Case { framework?: 'torch' | 'jax'; form: string; vars: string[]; clean?: true; finds?: Finding[] }

const both = (f: Omit<Finding, 'precision'>): Finding[] => [{ ...f, precision: 'float32' }, { ...f, precision: 'float64' }];

const CASES: Case[] = [
  { framework: 'torch', form: 'tversky.py::tversky_loss', vars: ['p=0:1', 'y=0:1'], clean: true },
  // sqrt's rule at a = 0: 1 / (2 sqrt(0)) = inf, times a = 0 from a * a: NaN
  { framework: 'torch', form: 'triplet.py::triplet_sqrt', vars: ['a=-2:2'], finds: both({ target: 'grad:a', outcome: 'nan', hazard: 'division-by-zero', op: 'div' }) },
  { form: 'quantile.py::pinball', vars: ['y_true=-10:10', 'y_pred=-10:10'], clean: true },
  { form: 'cosine_similarity.py::cosine_2d', vars: ['x=-10:10', 'y=-10:10'], clean: true },
  { form: 'keras_poisson.py::poisson', vars: ['y_true=0:10', 'y_pred=0:10'], clean: true },
  { form: 'keras_msle.py::msle', vars: ['y_true=-10:10', 'y_pred=-10:10'], clean: true },
  { form: 'keras_mape.py::mape', vars: ['y_true=-10:10', 'y_pred=-10:10'], clean: true },
  { form: 'keras_hinge.py::squared_hinge', vars: ['y_true=-10:10', 'y_pred=-10:10'], clean: true },
  // clamp selects 0 below -100, log's rule divides it by p = 0
  { framework: 'torch', form: 'torch_bce.py::binary_cross_entropy', vars: ['p=0:1'], finds: both({ target: 'grad:p', outcome: 'nan', hazard: 'zero-div-zero', op: 'div' }) },
  { framework: 'torch', form: 'torch_bce_logits.py::bce_with_logits', vars: ['x=-100:100'], clean: true },
  { framework: 'torch', form: 'torch_smooth_l1.py::smooth_l1', vars: ['x=-10:10', 'y=-10:10'], clean: true },
  { framework: 'torch', form: 'soft_margin_naive.py::soft_margin', vars: ['x=-1000:1000'], finds: both({ target: 'value', outcome: 'inf', hazard: 'overflow', op: 'exp' }) },
  { framework: 'jax', form: 'probit_nll.py::probit_nll', vars: ['x=-50:50'], finds: both({ target: 'value', outcome: 'inf', hazard: 'log-zero', op: 'log' }) },
  { framework: 'torch', form: 'log_sigmoid_bce.py::bce_log_sigmoid', vars: ['x=-100:100'], clean: true },
  { framework: 'jax', form: 'xlogy_kl.py::kl_term', vars: ['p=0:1', 'q=0:1'], finds: both({ target: 'value', outcome: 'inf', hazard: 'log-zero', op: 'xlogy' }) },
  { form: 'naive_nll.py::nll', vars: ['p=0:1'], finds: both({ target: 'value', outcome: 'inf', hazard: 'log-zero', op: 'log' }) },
  // 0 * log(0): the -inf is born at log, the NaN at the multiply
  { form: 'entropy.py::entropy_term', vars: ['p=0:1'], finds: both({ target: 'value', outcome: 'nan', hazard: 'log-zero', op: 'log' }) },
  { framework: 'torch', form: 'gaussian_nll_var.py::gaussian_nll', vars: ['mu=-1:1', 'var=0:2'], finds: both({ target: 'value', outcome: 'nan', hazard: 'log-zero', op: 'log' }) },
  { framework: 'torch', form: 'swish_margin.py::swish_margin', vars: ['x=-100:100'], clean: true },
  // built-in losses by name (issue 11, part 2): torch's backward d/dy = -logit(p) is log(0) or log(inf) at p in {0, 1}
  { framework: 'torch', form: 'builtin_torch_bce.py::bce_builtin', vars: ['p=0:1', 'y=0:1'], finds: both({ target: 'grad:y', outcome: 'inf', hazard: 'log-zero', op: 'log' }) },
  { form: 'builtin_keras_bce.py::bce_builtin', vars: ['y_true=0:1', 'y_pred=0:1'], clean: true },
  { form: 'builtin_bce_logits.py::bce_logits', vars: ['z=-1000:1000', 'y=0:1'], clean: true },
  { form: 'builtin_log_cosh.py::log_cosh_builtin', vars: ['y_true=-500:500', 'y_pred=-500:500'], clean: true },
  { form: 'builtin_log_cosh.py::log_cosh_naive', vars: ['x=-1000:1000'], finds: both({ target: 'value', outcome: 'inf', hazard: 'overflow', op: 'cosh' }) },
  { framework: 'torch', form: 'builtin_poisson_nll.py::poisson_nll', vars: ['log_rate=-1000:1000', 'target=0:10'], finds: both({ target: 'value', outcome: 'inf', hazard: 'overflow', op: 'exp' }) },
  { form: 'builtin_kl.py::kl_keras', vars: ['y_true=0:1', 'y_pred=0:1'], clean: true },
  // xlogy's other partial x / y is unmasked in torch: 0 / 0 at p = 0
  { framework: 'torch', form: 'builtin_kl.py::kl_torch', vars: ['log_q=-10:0', 'p=0:1'], finds: both({ target: 'grad:p', outcome: 'nan', hazard: 'zero-div-zero', op: 'div' }) },
];

interface Region { outcome: string; hazard?: string; op?: string }
interface Result { precision: string; target: string; nan: number; inf: number; regions: Region[] }

for (const c of CASES) {
  const what = c.clean ? 'no NaN or inf anywhere' : c.finds!.map((f) => `${f.precision} ${f.target} ${f.outcome} (${f.hazard} at ${f.op})`).join(', ');
  test(`loss corpus: ${c.form} on ${c.vars.join(' ')}: ${what}`, () => {
    const r = runCli(['scan', `fixtures/losses/${c.form}`, ...c.vars.flatMap((v) => ['--var', v]), '-n', '48', '--backend', 'emulated', '--format', 'json', '--framework', c.framework ?? 'tf']);
    assert.equal(r.code, 0, r.stderr);
    const results = (JSON.parse(r.stdout) as { forms: { results: Result[] }[] }).forms[0]!.results;
    if (c.clean) {
      const dirty = results.filter((x) => x.nan > 0 || x.inf > 0).map((x) => `${x.precision} ${x.target}: ${x.nan} NaN, ${x.inf} inf`);
      assert.deepEqual(dirty, []);
      return;
    }
    for (const f of c.finds!) {
      const res = results.find((x) => x.precision === f.precision && x.target === f.target);
      assert.ok(res, `no ${f.precision} ${f.target} result`);
      const hit = res.regions.some((g) => g.outcome.replace('-', '') === f.outcome && g.hazard === f.hazard && g.op === f.op);
      assert.ok(hit, `${f.precision} ${f.target}: regions ${JSON.stringify(res.regions.map((g) => [g.outcome, g.hazard, g.op]))}`);
    }
  });
}
