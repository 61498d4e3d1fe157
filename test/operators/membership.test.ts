// is one of / is not one of against an Expected list.
import { lookupOperator } from '../../core/operators';
import { check, type Row } from './check';

describe('is one of', () => {
  test.each<Row>([
    ['eu-west-1', 'is one of', 'eu-west-1, eu-central-1', true],
    ['EU-CENTRAL-1', 'is one of', 'eu-west-1, eu-central-1', true],
    ['us-east-1', 'is one of', 'eu-west-1, eu-central-1', false],
    ['eu-west-1', 'in', 'eu-west-1\neu-central-1', true],
    ['a, b', 'is one of', '"a, b", c', true],
    ['a', 'is one of', '"a, b", c', false],
    [443, 'is one of', '80, 443', true],
    ['443', 'is one of', '80, 443', true],
    ['443.0', 'is one of', '80, 443', true],
    [true, 'is one of', 'TRUE', true],
    ['false', 'is one of', 'TRUE', false],
    [new Date(Date.UTC(2026, 2, 1)), 'is one of', '2026-03-01, 2026-04-01', true],
    // a list value: every element must be one of them
    [['eu-west-1', 'EU-CENTRAL-1'], 'is one of', 'eu-west-1, eu-central-1', true],
    [['eu-west-1', 'us-east-1'], 'is one of', 'eu-west-1, eu-central-1', false],
    [[], 'is one of', 'eu-west-1', true],
    [{ region: 'eu-west-1' }, 'is one of', 'eu-west-1', 'is an object, not a single value'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });

  test('items from a column of another sheet arrive as values, blank cells among them as undefined and ignored', () => {
    const op = lookupOperator('is one of');
    const { value, problems } = op!.prepare([
      'nginx:1.25',
      undefined,
      '  ',
      443,
      new Date(Date.UTC(2026, 2, 1)),
    ]);
    expect(problems).toEqual([]);
    const ctx = { nowMs: 0 };
    expect(op!.test('NGINX:1.25', value, ctx)).toBe(true);
    expect(op!.test('443', value, ctx)).toBe(true);
    expect(op!.test('2026-03-01', value, ctx)).toBe(true);
    expect(op!.test('', value, ctx)).toBe(false);
  });

  test('empty text written on purpose ("" in Expected) is an item like any other', () => {
    const op = lookupOperator('is one of');
    const { value, problems } = op!.prepare(['', 'apps']);
    expect(problems).toEqual([]);
    const ctx = { nowMs: 0 };
    expect(op!.test('', value, ctx)).toBe(true);
    expect(op!.test('APPS', value, ctx)).toBe(true);
    expect(op!.test('batch', value, ctx)).toBe(false);
  });
});

describe('is not one of', () => {
  test.each<Row>([
    ['us-east-1', 'is not one of', 'eu-west-1, eu-central-1', true],
    ['EU-WEST-1', 'not in', 'eu-west-1, eu-central-1', false],
    [22, 'not one of', '22, 3389', false],
    [['us-east-1', 'ap-south-1'], 'is not one of', 'eu-west-1', true],
    [['us-east-1', 'eu-west-1'], 'is not one of', 'eu-west-1', false],
    [[], 'is not one of', 'eu-west-1', true],
    [{ a: 1 }, 'is not one of', 'x', 'is an object, not a single value'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
