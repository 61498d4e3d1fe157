// JSON cells nested far too deep (50,000 levels) give ERROR naming the cell, never a stack overflow.
import { runRule, type RuleRow } from './one-rule';
import { toList } from '../../core/values/list';
import { MAX_JSON_DEPTH } from '../../core/values/json-depth';

const DEPTH = 50_000;
const deepList = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

describe('a resource cell holding JSON nested 50,000 deep', () => {
  test.each<[string, RuleRow, Record<string, string>]>([
    ['a path into Document', { field: 'Document.a', operator: 'exists' }, { Document: deepObject }],
    ['the Document column itself', { field: 'Document', operator: 'is not empty' }, { Document: deepList }],
    ['a JSON column, as a list', { field: 'tags', operator: 'includes', expected: 'x' }, { tags: deepList }],
    ['a JSON column, counted', { condition: 'count(tags) > 0' }, { tags: deepList }],
    ['a JSON column, every element', { condition: 'all(tags, @ = 1)' }, { tags: deepList }],
    [
      'a path through a dotted column',
      { field: 'meta.a.a', operator: 'equals', expected: 1 },
      { meta: deepObject },
    ],
    ['a column compared with itself', { condition: 'meta = meta' }, { meta: deepObject }],
  ])('%s: ERROR naming the cell', (_, rule, cells) => {
    const [r] = runRule(rule, [cells]);
    expect(r.status).toBe('ERROR');
    expect(r.message).toMatch(/Resources![A-Z]+2 .*nested deeper than 1,000 levels/);
  });

  test('one level past the bound is ERROR', () => {
    const past = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    const [r] = runRule({ field: 'tags', operator: 'is not empty' }, [{ tags: past }]);
    expect(r.status).toBe('ERROR');
    expect(toList(past)).toEqual([past]);
  });

  test('JSON exactly at the bound is still read', () => {
    const atBound = '{"a":'.repeat(MAX_JSON_DEPTH - 1) + '[7]' + '}'.repeat(MAX_JSON_DEPTH - 1);
    const path = `Document${'.a'.repeat(MAX_JSON_DEPTH - 1)}`;
    const [r] = runRule({ field: path, operator: 'includes', expected: 7 }, [{ Document: atBound }]);
    expect(r.status).toBe('PASS');
    const list = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(toList(list)).toHaveLength(1);
  });

  test('text inside a document that holds deep JSON is read as text, as a list would be', () => {
    const doc = JSON.stringify({ tags: deepList });
    const [r] = runRule({ field: 'Document.tags', operator: 'includes', expected: 'x' }, [{ Document: doc }]);
    expect(r.status).toBe('FAIL');
    expect(toList(deepList)).toEqual([deepList]);
  });
});
