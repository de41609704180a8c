import { type CheckRun, isFailing } from '../check/types.js';
import { fixSuggestion, violationLine } from './check-common.js';

/** XML 1.0 text: the five entities escaped, characters XML cannot carry dropped. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** JUnit XML: one testsuite per config, one testcase per check, a failure element per failing check. */
export function formatCheckJunit(run: CheckRun): string {
  const failures = run.checks.filter((c) => !c.passed).length;
  const cases = run.checks.map((check) => {
    const open = `    <testcase name="${xml(check.name)}" classname="f-diagnose.check" time="${seconds(check.elapsedMs)}"`;
    const failing = check.violations.filter(isFailing);
    if (failing.length === 0) return `${open}/>`;
    const first = failing[0]!;
    const suggestion = fixSuggestion(check);
    const body = [...failing.map((v) => violationLine(v)), ...(suggestion === null ? [] : [suggestion])].join('\n');
    return `${open}>\n      <failure message="${xml(violationLine(first))}" type="${first.kind}">${xml(body)}</failure>\n    </testcase>`;
  });
  const counts = `tests="${run.checks.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="f-diagnose check" ${counts} time="${seconds(run.elapsedMs)}">`,
    `  <testsuite name="${xml(run.config)}" ${counts} skipped="0" time="${seconds(run.elapsedMs)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
