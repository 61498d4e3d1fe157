// Problem params are typed per code: the `@ts-expect-error` lines fail `npx tsc --noEmit` if a bad call compiles.
import { MESSAGES } from '../../core/messages';
import { problem, problemMessage, problemSuggestion } from '../../core/problems';

describe('problem(code, params)', () => {
  test('keeps the params it was given and reads its severity from the code', () => {
    const p = problem('missing_column', { sheet: 'Rules', column: 'Field' }, { sheet: 'Rules', row: 0 });
    expect(p).toEqual({
      code: 'missing_column',
      severity: 'error',
      location: { sheet: 'Rules', row: 0 },
      params: { sheet: 'Rules', column: 'Field' },
    });
    expect(problemMessage(p)).toBe("The 'Rules' sheet has no 'Field' column.");
    expect(problemSuggestion(p)).toBe("Add a column headed 'Field'.");
  });

  test('a code whose message needs nothing takes no params', () => {
    const p = problem('no_rules');
    expect(p).toEqual({ code: 'no_rules', severity: 'warning', location: {}, params: {} });
    expect(problemMessage(p)).toBe(MESSAGES.no_rules.message({}));
  });

  test('a misspelt, missing or mistyped param does not compile', () => {
    const bad = [
      // @ts-expect-error `colum` is not a param of missing_column
      () => problem('missing_column', { sheet: 'Rules', colum: 'Field' }),
      // @ts-expect-error missing_column needs its column
      () => problem('missing_column', { sheet: 'Rules' }),
      // @ts-expect-error expected_single counts with a number
      () => problem('expected_single', { operator: 'equals', count: 'two' }),
      // @ts-expect-error unknown_operator needs params
      () => problem('unknown_operator'),
      // @ts-expect-error no_rules takes no params
      () => problem('no_rules', { sheet: 'Rules' }),
    ];
    expect(bad).toHaveLength(5);
  });
});
