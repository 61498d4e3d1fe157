// Expected cells that cannot be used: each gives a problem with params, never an exception.
import { lookupOperator, OPERATORS } from '../../core/operators';
import { problemMessage } from '../../core/problems';
import type { Value } from '../../core/types';
import { prepareProblems } from './check';

type ProblemRow = [operator: string, expected: Value, code: string, message: string];

describe('Expected problems', () => {
  test.each<ProblemRow>([
    ['equals', '', 'expected_missing', "'equals' needs an Expected value."],
    ['contains', undefined, 'expected_missing', "'contains' needs an Expected value."],
    ['is one of', '', 'expected_missing', "'is one of' needs an Expected value."],
    ['is one of', ' , ,', 'expected_missing', "'is one of' needs an Expected value."],
    ['includes all of', '', 'expected_missing', "'includes all of' needs an Expected value."],
    ['matches', '', 'expected_missing', "'matches' needs an Expected value."],
    ['within network', '', 'expected_missing', "'within network' needs an Expected value."],
    ['greater than', 'abc', 'invalid_number', "'greater than' needs a number, not 'abc'."],
    ['at most', '100%', 'invalid_number', "'at most' needs a number, not '100%'."],
    ['less than', true, 'invalid_number', "'less than' needs a number, not 'TRUE'."],
    ['older than', 'ninety', 'invalid_number', "'older than' needs a number, not 'ninety'."],
    ['newer than', -1, 'invalid_number', "'newer than' needs a number, not '-1'."],
    ['expires within', '2026-03-01', 'invalid_number', "'expires within' needs a number, not '2026-03-01'."],
    ['count at least', 'two', 'invalid_number', "'count at least' needs a number, not 'two'."],
    ['count at most', '-3', 'invalid_number', "'count at most' needs a number, not '-3'."],
    ['within network', '10.0.0.0/33', 'invalid_network', "'10.0.0.0/33' is not an IP address or network."],
    ['not within network', 'intranet', 'invalid_network', "'intranet' is not an IP address or network."],
    ['is empty', 'x', 'expected_ignored', "'is empty' takes no Expected value; 'x' is ignored."],
    ['is true', 'TRUE', 'expected_ignored', "'is true' takes no Expected value; 'TRUE' is ignored."],
  ])('%s with Expected %j → %s', (operator, expected, code, message) => {
    const problems = prepareProblems(operator, expected);
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problemMessage(problems[0])).toBe(message);
    expect(problems[0].location).toEqual({});
  });

  test.each([
    ['(unclosed', 'missing closing ): `(unclosed`'],
    ['(?=lookahead)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
  ])('the regular expression %s is invalid_regex: %s', (pattern, reason) => {
    const problems = prepareProblems('matches', pattern);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'invalid_regex',
      severity: 'error',
      params: { operator: 'matches', pattern, reason },
    });
  });

  test('a bad network in a list names each bad item', () => {
    const problems = prepareProblems('within network', '10.0.0.0/8, 300.0.0.0/8, corp');
    expect(problems.map((p) => [p.code, p.params.value])).toEqual([
      ['invalid_network', '300.0.0.0/8'],
      ['invalid_network', 'corp'],
    ]);
  });

  test('a value operator given several items suggests the list form', () => {
    const op = lookupOperator('equals');
    const problems = op!.prepare(['a', 'b']).problems;
    expect(problems).toMatchObject([
      { code: 'expected_single', params: { operator: 'equals', count: 2, suggestion: 'is one of' } },
    ]);
    expect(lookupOperator('includes')!.prepare([['a', 'b', 'c']]).problems).toMatchObject([
      { code: 'expected_single', params: { count: 3, suggestion: 'includes any of' } },
    ]);
  });

  test('good Expected values give no problems', () => {
    expect(prepareProblems('greater than', '2026-03-01')).toEqual([]);
    expect(prepareProblems('at least', '1,000')).toEqual([]);
    expect(prepareProblems('older than', 0)).toEqual([]);
    expect(prepareProblems('count at most', '0')).toEqual([]);
    expect(prepareProblems('matches', '(?-i)^Prod$')).toEqual([]);
    expect(prepareProblems('within network', '2001:db8::/32, 10.0.0.0/8')).toEqual([]);
    expect(prepareProblems('is empty', '')).toEqual([]);
  });

  test.each(OPERATORS.map((op) => [op.name, op] as const))(
    '%s prepares any Expected without throwing',
    (_, op) => {
      for (const items of [
        [],
        [''],
        ['x'],
        [undefined],
        [[]],
        [{}],
        [new Date(NaN)],
        [Number.NaN],
        ['a', 'b'],
        [['a']],
      ] as Value[][]) {
        expect(() => op.prepare(items)).not.toThrow();
      }
    },
  );
});
