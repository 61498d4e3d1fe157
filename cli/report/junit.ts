// The JUnit XML report: a testsuite per rule, a testcase per (rule, resource); FAIL fails, ERROR errs, the rest skip.
import type { Result, ResultCounts, Rule } from '../../core';
import { isoDate, resultRow, type Report } from './rows';
import { xmlEscape as x } from './xml';

interface Tally {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export const junitReport: Report = function* (output) {
  const set = output.results;
  // Every enabled rule is a suite, with no test when it checked nothing; a rule the results add comes after.
  const runsOf = set.runsByRule();
  const counts = set.byRule();
  const suites: Rule[] = output.rulebook.rules.filter((rule) => rule.enabled);
  const inSuites = new Set(suites);
  for (const rule of runsOf.keys()) if (!inSuites.has(rule)) suites.push(rule);
  const timestamp = isoDate(output.runAt).replace(/\.\d{3}Z$/, '');
  // The totals open the document, so every suite is tallied (from the counts) before the first is written.
  const total: Tally = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const tallies = new Map<Rule, Tally>();
  for (const rule of suites) {
    const tally = tallyOf(counts.get(rule));
    tallies.set(rule, tally);
    total.tests += tally.tests;
    total.failures += tally.failures;
    total.errors += tally.errors;
    total.skipped += tally.skipped;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="rulesheet" ${attrs(total)} time="0">\n`;
  for (const rule of suites) {
    yield `  <testsuite name="${x(rule.title ? `${rule.id}: ${rule.title}` : rule.id)}" ${attrs(tallies.get(rule) as Tally)} time="0" timestamp="${timestamp}">\n`;
    yield (
      `    <properties><property name="severity" value="${x(rule.severity)}"/>` +
      `<property name="owner" value="${x(rule.owner)}"/><property name="framework" value="${x(rule.framework)}"/></properties>\n`
    );
    for (const r of set.inRuns(runsOf.get(rule) ?? [])) yield `${testcase(r)}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
};

function tallyOf(c: ResultCounts | undefined): Tally {
  if (c === undefined) return { tests: 0, failures: 0, errors: 0, skipped: 0 };
  return {
    tests: c.passing + c.failing + c.waived + c.errors + c.notApplicable,
    failures: c.failing,
    errors: c.errors,
    skipped: c.waived + c.notApplicable,
  };
}

function attrs(t: Tally): string {
  return `tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}"`;
}

function testcase(r: Result): string {
  const row = resultRow(r);
  const name = r.resource ? `${row.resourceType}/${row.resourceId}` : '(rule)';
  const open = `    <testcase classname="${x(row.ruleId)}" name="${x(name)}" time="0"`;
  const detail = [
    row.field && `Field: ${row.field}`,
    row.expected && `Expected: ${row.expected}`,
    row.actual && `Actual: ${row.actual}`,
    row.fixOwner && `Fix owner: ${row.fixOwner}`,
    row.due && `Due: ${row.due.slice(0, 10)}${row.overdue ? ' (overdue)' : ''}`,
  ]
    .filter(Boolean)
    .join('\n');
  switch (r.status) {
    case 'FAIL':
      return `${open}>\n      <failure message="${x(row.message)}" type="${x(row.severity)}">${x(detail)}</failure>\n    </testcase>`;
    case 'ERROR':
      return `${open}>\n      <error message="${x(row.message)}" type="rule error">${x(detail)}</error>\n    </testcase>`;
    case 'WAIVED':
      return `${open}>\n      <skipped message="${x(`waived: ${r.waiver?.reason ?? ''}`.trim())}"/>\n    </testcase>`;
    case 'NOT_APPLICABLE':
      return `${open}>\n      <skipped message="not applicable"/>\n    </testcase>`;
    default:
      return `${open}/>`;
  }
}
