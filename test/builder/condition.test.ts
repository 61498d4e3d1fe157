// core/builder with a Condition: checked as typed, previewed like a row-form rule, written into the Condition column.
import * as path from 'path';
import { applyCellsPatches, planRuleWrite, validate, type Grid } from '../../core';
import { CONDITION_EXAMPLES, checkCondition, previewRule, type RuleCandidate } from '../../core/builder';
import { readCsvFolder } from '../../cli/io/csv';

const NOW = new Date('2026-03-01T00:00:00Z');
const acme = (): Grid[] => readCsvFolder(path.join(__dirname, '..', '..', 'examples', 'acme')).grids;

const candidate = (condition: string, over: Partial<RuleCandidate> = {}): RuleCandidate => ({
  ruleId: 'K8S-900',
  title: 'Images are pinned',
  resourceType: 'k8s:Deployment',
  condition,
  field: '',
  operator: '',
  expected: '',
  ...over,
});

describe('checkCondition', () => {
  it.each<[string, string, string]>([
    ['a check', 'versioning.status = "Enabled"', 'versioning.status equals "Enabled"'],
    ['a quantifier with where', 'count(a[*] where b = 1) = 0', 'count(a[*] where b equals 1) equals 0'],
  ])('reads %s', (_name, text, readsAs) => {
    expect(checkCondition(text)).toEqual({ readsAs, problems: [] });
  });

  it('has nothing to say about blank text', () => {
    expect(checkCondition('  \n ')).toEqual({ readsAs: '', problems: [] });
  });

  it.each<[string, string, string, number, number, RegExp]>([
    ['a dangling and', 'name exists and', 'expression_syntax', 1, 16, /expected a condition after "and"/],
    ['on the second line', 'name exists and\n  tags.team equal "x"', 'unknown_operator', 2, 13, /equal/],
    ['an unclosed quantifier', 'all(a[*], b = 1', 'expression_syntax', 1, 16, /./],
  ])('gives the place and message of %s, as data', (_name, text, code, line, column, message) => {
    const check = checkCondition(text);
    expect(check.readsAs).toBe('');
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ code, severity: 'error', line, column });
    expect(check.problems[0].message).toMatch(message);
  });
});

describe('the examples the builder offers', () => {
  it.each(CONDITION_EXAMPLES.map((e) => [e.feature, e.text]))('%s parses: %s', (_feature, text) => {
    const check = checkCondition(text);
    expect(check.problems).toEqual([]);
    expect(check.readsAs).not.toBe('');
  });

  it.each(CONDITION_EXAMPLES.map((e) => [e.feature, e.text]))(
    // Warnings (a field or type the acme workbook lacks) are about the data, not the example.
    '%s compiles as a rule without errors',
    (_feature, text) => {
      const { problems } = previewRule(acme(), candidate(text), NOW);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    },
  );

  it('covers every feature the issue names, once', () => {
    const all = CONDITION_EXAMPLES.map((e) => e.text).join('\n');
    for (const word of [
      'entries(',
      ' where ',
      'count(',
      'resource.',
      'outer.',
      ' - ',
      'Mi',
      'lookup(',
      'others(',
      ' selects ',
      'after(',
      'tag(',
      'matching case',
    ])
      expect(all).toContain(word);
    expect(new Set(CONDITION_EXAMPLES.map((e) => e.label)).size).toBe(CONDITION_EXAMPLES.length);
  });
});

/** The rule's counts in a real run of the workbook after Add rule's patches. */
function countsAfterWrite(grids: Grid[], c: RuleCandidate) {
  const write = planRuleWrite(grids, c);
  expect(write.refusal).toBeUndefined();
  const results = validate(applyCellsPatches(grids, write.patches), { now: NOW })
    .results.toArray()
    .filter((r) => r.rule.id === c.ruleId);
  const n = (s: string) => results.filter((r) => r.status === s).length;
  return { passing: n('PASS'), failing: n('FAIL'), errors: n('ERROR'), notApplicable: n('NOT_APPLICABLE') };
}

describe('preview and write of a Condition rule', () => {
  const text = 'all(podSpec.containers[*], image does not end with ":latest" and image contains ":")';

  it('previews exactly what a real run gives once written', () => {
    const view = previewRule(acme(), candidate(text), NOW);
    expect(view.problems).toEqual([]);
    expect(view.readsAs).toContain('all(podSpec.containers[*]');
    expect(view.passing + view.failing).toBeGreaterThan(0);
    const counts = countsAfterWrite(acme(), candidate(text));
    expect(view).toMatchObject(counts);
  });

  it("shows a bad condition as the candidate's problem at the Condition column", () => {
    const view = previewRule(acme(), candidate('image equal "x"'), NOW);
    expect(view.problems).toMatchObject([{ code: 'unknown_operator', severity: 'error', cell: 'D2' }]);
  });

  const rulesWith = (header: string[]): Grid => ({
    name: 'Rules',
    rows: [header, ['R-1', 'One', 'aws_s3_bucket', 'name', 'exists', null]],
  });

  it.each<[string, string[], string[][]]>([
    [
      'fills the Condition column, leaving Field and Operator blank',
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Condition'],
      [['R-2', 'Two', 'k8s:Pod', null, null, 'name exists'] as unknown as string[]],
    ],
    [
      'adds a Condition header after the last header when the sheet lacks it',
      ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Reads As', null as unknown as string],
      [['R-2', 'Two', 'k8s:Pod', null, null, null, 'name exists'] as unknown as string[]],
    ],
  ])('%s', (_name, header, rows) => {
    const grids = [rulesWith(header)];
    const write = planRuleWrite(
      grids,
      candidate('name exists', {
        ruleId: 'R-2',
        title: 'Two',
        resourceType: 'k8s:Pod',
        field: 'ignored',
        operator: 'equals',
      }),
    );
    expect(write.refusal).toBeUndefined();
    const after = applyCellsPatches(grids, write.patches)[0];
    const width = rows[0].length;
    expect(after.rows[2].slice(0, width)).toEqual(rows[0].map((c) => c ?? null));
    expect(after.rows[0][width - 1]).toBe('Condition');
    expect(after.rows[0].filter((h) => h === 'Condition')).toHaveLength(1);
  });

  it('makes a new Rules sheet with the Condition column when the workbook has none', () => {
    const write = planRuleWrite([], candidate('name exists', { ruleId: 'R-1', title: 'One' }));
    const rules = applyCellsPatches([], write.patches)[0];
    const col = rules.rows[0].indexOf('Condition');
    expect(col).toBeGreaterThan(0);
    expect(rules.rows[1][col]).toBe('name exists');
    expect(rules.rows[1][rules.rows[0].indexOf('Field')] ?? null).toBeNull();
  });

  it('refuses a Condition rule without a title, naming it', () => {
    const write = planRuleWrite([], candidate('name exists', { title: ' ' }));
    expect(write.patches).toEqual([]);
    expect(write.refusal).toMatch(/Title/);
  });
});
