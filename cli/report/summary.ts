// The short text summary validate prints: counts, pass rate, severities, top failing rules, problems.
import { formatProblem, runHeadline, type RunOutput } from '../../core';
import { failingRules } from './order';

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 50;

export function summaryText(output: RunOutput): string {
  const s = output.summary;
  const lines = [
    runHeadline(s),
    `  PASS ${s.passing}  FAIL ${s.failing}  WAIVED ${s.waived}  ERROR ${s.errors}  NOT_APPLICABLE ${s.notApplicable}`,
  ];
  const bySeverity = s.bySeverity
    .filter((c) => c.failing + c.errors > 0)
    .map((c) => `${c.name} ${c.failing}${c.errors ? ` (+${c.errors} errors)` : ''}`);
  if (bySeverity.length) lines.push(`  Failing by severity: ${bySeverity.join(', ')}`);
  if (s.newFailures || s.fixed)
    lines.push(`  Since the last run: ${s.newFailures} new failures, ${s.fixed} fixed`);
  const top = failingRules(output.results.open());
  if (top.length) {
    lines.push('  Top failing rules:');
    for (const r of top.slice(0, 5)) {
      lines.push(`    ${r.ruleId} (${r.severity}) ${r.title}: ${r.failing} failing`);
    }
  }
  if (output.problems.length) {
    lines.push(`  ${plural(output.problems.length, 'problem')}:`);
    for (const p of output.problems.slice(0, MAX_PROBLEMS)) lines.push(`    ${formatProblem(p)}`);
    if (output.problems.length > MAX_PROBLEMS) {
      lines.push(`    … and ${output.problems.length - MAX_PROBLEMS} more (see the Problems column)`);
    }
  }
  return lines.join('\n');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
