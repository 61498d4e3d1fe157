// Whatever the data holds, every operator gives true, false or a reason: never an exception.
import fc from 'fast-check';
import { OPERATORS } from '../../core/operators';
import type { Value } from '../../core/types';

const scalar: fc.Arbitrary<Value> = fc.oneof(
  fc.string(),
  fc.constantFrom('90', '1,000', 'TRUE', 'false', '2026-03-01', '10.0.0.1', '::1', '[1,', '["a"]', '', ' '),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('v'), { maxKeys: 3 }),
  ),
})).v;

const EXPECTED: Record<string, Value[]> = {
  none: [],
  value: ['5'],
  list: ['a', '2', 'TRUE'],
  days: [30],
  count: [2],
  regex: ['^a.*z$'],
  glob: ['a*'],
  network: ['10.0.0.0/8'],
};

describe('operators never throw', () => {
  test.each(OPERATORS.map((op) => [op.name, op] as const))('%s', (_, op) => {
    const prepared = op.prepare(EXPECTED[op.expected]);
    expect(prepared.problems).toEqual([]);
    fc.assert(
      fc.property(value, (actual) => {
        if (actual === undefined) return;
        const verdict = op.test(actual, prepared.value, { nowMs: Date.UTC(2026, 2, 1) });
        expect(['boolean', 'string']).toContain(typeof verdict);
      }),
      { numRuns: 300 },
    );
  });

  test('a negation gives the same reason as its operator on a value of the wrong type', () => {
    const pairs = [
      ['matches', 'does not match'],
      ['within network', 'not within network'],
      ['starts with', 'does not start with'],
      ['includes any of', 'includes none of'],
    ];
    for (const [yes, no] of pairs) {
      const a = OPERATORS.find((o) => o.name === yes)!;
      const b = OPERATORS.find((o) => o.name === no)!;
      const actual: Value = { wrong: 'shape' };
      const ea = a.prepare(EXPECTED[a.expected]).value;
      const eb = b.prepare(EXPECTED[b.expected]).value;
      expect(typeof a.test(actual, ea, { nowMs: 0 })).toBe('string');
      expect(b.test(actual, eb, { nowMs: 0 })).toBe(a.test(actual, ea, { nowMs: 0 }));
    }
  });
});
