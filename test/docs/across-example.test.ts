// The worked example of docs/rule-language.md's "Across resources": its Resources and Rules tables, run, give its statuses.
import * as fs from 'fs';
import * as path from 'path';
import { validate } from '../../core';
import type { Cell, Grid } from '../../core';

const page = fs.readFileSync(path.join(__dirname, '../../docs/rule-language.md'), 'utf8');
const section = page.split('## Across resources')[1]?.split('\n## ')[0] ?? '';
const example = section.split('### A worked example')[1] ?? '';

/** Every Markdown table of the text, as header and rows of cell text (a code span stands for its text). */
function tables(text: string): { header: string[]; rows: string[][] }[] {
  const out: { header: string[]; rows: string[][] }[] = [];
  const lines = text.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim().replace(/^`(.*)`$/, '$1'));
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|[\s|:-]+\|$/.test(lines[i + 1] ?? '')) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push(cells(lines[j]));
    out.push({ header: cells(lines[i]), rows });
    i = j;
  }
  return out;
}

const grid = (name: string, t: { header: string[]; rows: string[][] }): Grid => ({
  name,
  rows: [t.header, ...t.rows.map((r) => r.map((c): Cell => (c === '' ? null : c)))],
});

test('the worked example gives the statuses its table says', () => {
  const [resources, rules, expected] = tables(example);
  expect(expected.header.slice(0, 3)).toEqual(['Rule ID', 'Resource ID', 'Status']);
  const withTitles = {
    header: ['Title', ...rules.header],
    rows: rules.rows.map((r) => ['Documented example', ...r]),
  };
  const run = validate([grid('Rules', withTitles), grid('Resources', resources)], {
    now: new Date('2026-11-28T12:00:00Z'),
  });
  expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const got = run.results
    .toArray()
    .filter((r) => r.status !== 'NOT_APPLICABLE')
    .map((r) => [r.rule.id, r.resource?.id, r.status]);
  expect(got).toEqual(expected.rows.map((r) => r.slice(0, 3)));
  const front = run.results.toArray().find((r) => r.rule.id === 'X-002' && r.resource?.id === 'shop/front');
  expect(front?.message).toContain('shop/front-old');
});
