// JSON keys that are also names on every JS object (__proto__, constructor, toString) are kept as plain keys.
import { runRule, type RuleRow } from './one-rule';

const DOCUMENT = '{"__proto__": {"x": 1}, "constructor": 2}';

function judge(rule: RuleRow, cells: Record<string, string> = { Document: DOCUMENT }) {
  const [r] = runRule(rule, [cells]);
  return { status: r.status, actual: r.actual, message: r.message };
}

describe('a Document holding __proto__ and constructor keys', () => {
  test.each([
    // the rule → its status on the resource
    [{ field: 'Document.__proto__', operator: 'exists' }, 'PASS'],
    [{ field: 'Document.__proto__.x', operator: 'equals', expected: 1 }, 'PASS'],
    [{ field: 'Document.__PROTO__.x', operator: 'equals', expected: 1 }, 'PASS'],
    [{ field: 'Document.constructor', operator: 'equals', expected: 2 }, 'PASS'],
    [{ field: 'Document.__proto__', operator: 'is not empty' }, 'PASS'],
    [{ field: 'Document.__proto__.x', operator: 'does not exist' }, 'FAIL'],
    [{ condition: 'keys(Document) includes "__proto__"' }, 'PASS'],
    [{ condition: 'keys(Document) includes "constructor" and keys(Document) includes "__proto__"' }, 'PASS'],
    [{ condition: 'count(Document) = 2' }, 'PASS'],
    [{ condition: 'count(Document.__proto__) = 1' }, 'PASS'],
    [{ condition: 'any(Document.__proto__, @ = 1)' }, 'FAIL'],
    [{ condition: 'Document.__proto__ = Document.__proto__' }, 'PASS'],
    // Names every JS object inherits are not keys of this one.
    [{ field: 'Document.toString', operator: 'exists' }, 'FAIL'],
    [{ field: 'Document.hasOwnProperty', operator: 'does not exist' }, 'PASS'],
    [{ field: 'Document.__proto__.constructor', operator: 'exists' }, 'FAIL'],
  ])('%j → %s', (rule, status) => {
    expect(judge(rule).status).toBe(status);
  });

  test('the value is shown with every key', () => {
    const nested = { Document: `{"a": ${DOCUMENT}}` };
    const r = judge({ field: 'Document.a', operator: 'is empty' }, nested);
    expect(r.status).toBe('FAIL');
    expect(r.actual).toBe('{"__proto__": {"x": 1}, "constructor": 2}');
    expect(judge({ field: 'Document.__proto__', operator: 'does not exist' }).actual).toBe('{"x": 1}');
  });

  test('a column holding JSON keeps the keys too, walked into by a dotted path', () => {
    expect(
      judge({ field: 'meta.__proto__.x', operator: 'equals', expected: 1 }, { meta: DOCUMENT }).status,
    ).toBe('PASS');
  });

  test('a JSON list cell keeps its objects whole', () => {
    const cells = { tags: '[{"__proto__": 1}, {"constructor": 2}]' };
    expect(judge({ condition: 'any(tags, __proto__ = 1)' }, cells).status).toBe('PASS');
    expect(judge({ field: 'tags[*].constructor', operator: 'exists', match: 'any' }, cells).status).toBe(
      'PASS',
    );
  });
});
