// A one-line ```condition example followed by a Document | Status table is run: each Document gives that status.
import * as fs from 'fs';
import * as path from 'path';
import { validate } from '../../core';
import type { Grid } from '../../core';

const DOCS = path.join(__dirname, '../../docs');

interface Example {
  at: string;
  condition: string;
  rows: { document: string; status: string }[];
}

function examplesOf(file: string, text: string): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```condition' || lines[i + 2] !== '```') continue;
    let j = i + 3;
    while (j < lines.length && lines[j].trim() === '') j++;
    const header = lines[j]?.split('|').map((c) => c.trim());
    if (!header || header[1] !== 'Document' || header[2] !== 'Status') continue;
    const rows: Example['rows'] = [];
    for (j += 2; j < lines.length && lines[j].startsWith('|'); j++) {
      const [, document, status] = lines[j].split('|').map((c) => c.trim());
      rows.push({ document: document.replace(/^`(.*)`$/, '$1'), status });
    }
    out.push({ at: `${file}:${i + 2}`, condition: lines[i + 1], rows });
  }
  return out;
}

const examples = fs
  .readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => examplesOf(`docs/${f}`, fs.readFileSync(path.join(DOCS, f), 'utf8')));

test('the docs hold conditions with resources to run them on', () => {
  expect(examples.length).toBeGreaterThan(5);
});

describe.each(examples.map((e) => [e.at, e] as const))('the example at %s', (_at, e) => {
  test(`${e.condition} gives each Document its status`, () => {
    const rules: Grid = {
      name: 'Rules',
      rows: [
        ['Rule ID', 'Title', 'Resource Type', 'Condition'],
        ['DOC-1', 'Documented example', 'doc', e.condition],
      ],
    };
    const resources: Grid = {
      name: 'Resources',
      rows: [['Resource ID', 'Type', 'Document'], ...e.rows.map((r, i) => [`r${i + 1}`, 'doc', r.document])],
    };
    const run = validate([rules, resources], { now: new Date('2026-11-28T12:00:00Z') });
    expect(run.results.toArray().map((r) => [r.resource?.id, r.status])).toEqual(
      e.rows.map((r, i) => [`r${i + 1}`, r.status]),
    );
  });
});
