// Conditions that read inside one resource: entries(), where, resource./outer. paths and text functions, parsed and restated.
import { parseExpression, renderExpression } from '../../core/lang';
import { formatProblem } from '../../core/problems';

describe('reading inside one resource: entries, where, resource./outer., text functions', () => {
  const trees: [string, string][] = [
    [
      'all(entries(metadata.labels) where key starts with "a", value = "b")',
      'all(entries(metadata.labels) where key starts with "a", value equals "b")',
    ],
    ['none(entries(Metadata.Labels), key matches "^x")', 'none(entries(Metadata.Labels), key matches "^x")'],
    ['count(a[*] where b = 1 or c = 2) = 1', 'count(a[*] where b equals 1 or c equals 2) equals 1'],
    ['all(a[*], b is one of Resource.c[*].d)', 'all(a[*], b is one of resource.c[*].d)'],
    ['all(a[*], any(b[*], c = outer[0]))', 'all(a[*], any(b[*], c equals outer[0]))'],
    ['["resource"].a = 1', '["resource"].a equals 1'],
    ['resource = 1', 'resource equals 1'],
    ['tag(image) != "latest"', 'tag(image) does not equal "latest"'],
    ['split(a, ",") includes "x"', 'split(a, ",") includes "x"'],
  ];
  it.each(trees)('%s reads as %s', (text, canonical) => {
    const parsed = parseExpression(text);
    expect(parsed.problems).toEqual([]);
    expect(renderExpression(parsed.value!)).toBe(canonical);
  });

  const problems: [string, string, number][] = [
    ['tag(a, b) = 1', 'tag(…) takes an image reference', 1],
    ['split(a) = 1', 'split(…) takes a value and a separator', 1],
    ['count(entries("x")) = 1', 'entries(…) takes a field path', 7],
    ['all(entries(a), b = 1', 'expected ")"', 22],
    ['all(entries(a) where, b = 1)', 'expected a condition', 21],
    ['count(a where b = 1, c) = 1', 'expected "and", "or" or ")"', 20],
    ['all(a[*], resource[*].b = 1)', 'a path cannot start with [*]', 11],
  ];
  it.each(problems)('%s is a problem: %s at %d', (text, words, position) => {
    const parsed = parseExpression(text);
    expect(parsed.value).toBeUndefined();
    expect(formatProblem(parsed.problems[0])).toContain(words);
    expect(parsed.problems[0].location.offset).toBe(position - 1);
  });
});
