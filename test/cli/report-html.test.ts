// The HTML report as a manager reads it: well-formed, owners collapsed behind a table of contents, Critical first,
// the run time in the rulebook's zone.
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import { SEVERITIES } from '../../core';
import { NOW, SHEETS, cli, tempDir, writeCsvRulebook } from './helpers/rulebook';

const ACME = path.join(__dirname, '../../examples/acme');
const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function htmlOf(book: string, name: string): Promise<{ html: string; doc: Document }> {
  const file = path.join(dir, `${name}.html`);
  const report = await cli(
    'validate',
    book,
    '--out',
    path.join(dir, `${name}-out.xlsx`),
    '--now',
    NOW,
    '--format',
    'html',
    '--report',
    file,
    '--fail-on',
    'none',
    '--quiet',
  );
  expect(report.stderr).toBe('');
  const html = fs.readFileSync(file, 'utf8');
  return { html, doc: new JSDOM(html).window.document };
}

let acme: { html: string; doc: Document };
beforeAll(async () => {
  acme = await htmlOf(ACME, 'acme');
});

const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');

test('the page parses as it is written: every element the source opens is in the DOM, none added or re-parented', () => {
  const { html, doc } = acme;
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  const VOID = new Set(['meta', 'br', 'wbr', 'rect', 'line', 'path']);
  const opened = new Map<string, number>();
  const closed = new Map<string, number>();
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (m[1]) closed.set(name, (closed.get(name) ?? 0) + 1);
    else {
      opened.set(name, (opened.get(name) ?? 0) + 1);
      if (m[3] || VOID.has(name)) closed.set(name, (closed.get(name) ?? 0) + 1);
    }
  }
  for (const [name, count] of opened) {
    expect([name, closed.get(name) ?? 0]).toEqual([name, count]);
    expect([name, doc.getElementsByTagName(name).length]).toEqual([name, count]);
  }
  // Tables sit in the body or in an owner's section, never spilled out by the parser.
  for (const table of doc.querySelectorAll('table')) {
    expect(['BODY', 'DETAILS']).toContain(table.parentElement!.tagName);
  }
  expect(doc.querySelectorAll('script')).toHaveLength(0);
});

test('a table of contents links to one collapsed section per fix owner, holding every failing item once', () => {
  const { doc } = acme;
  const links = [...doc.querySelectorAll('nav[aria-label="Fix owners"] a')] as HTMLAnchorElement[];
  const sections = [...doc.querySelectorAll('details')];
  expect(links.length).toBeGreaterThan(1);
  expect(links.map((a) => a.getAttribute('href'))).toEqual(sections.map((d) => `#${d.id}`));
  expect(links.map((a) => a.textContent)).toEqual(
    sections.map((d) => d.querySelector('summary b')!.textContent),
  );
  for (const d of sections) expect(d.hasAttribute('open')).toBe(false);
  const items = sections.flatMap((d) => [...d.querySelectorAll('tbody tr')]);
  // The acme run: 183 FAIL, 0 ERROR (the CLI's own summary says so).
  expect(items).toHaveLength(183);
  const keys = items.map((tr) => `${cells(tr)[0]}|${cells(tr)[3]}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const d of sections) {
    const count = d.querySelectorAll('tbody tr').length;
    expect(d.querySelector('summary')!.textContent).toContain(`(${count})`);
  }
});

test('owners with more Critical come first; within an owner, items run Critical → Info', () => {
  const sections = [...acme.doc.querySelectorAll('details')];
  const counts = sections.map((d) => {
    const sev = [...d.querySelectorAll('tbody tr')].map((tr) => cells(tr)[1]);
    expect(sev.map(rank)).toEqual([...sev.map(rank)].sort((a, b) => a - b));
    return SEVERITIES.map((s) => sev.filter((x) => x === s).length);
  });
  for (let i = 1; i < counts.length; i++) {
    const a = counts[i - 1];
    const b = counts[i];
    const first = a.findIndex((n, j) => n !== b[j]);
    if (first >= 0) expect(a[first]).toBeGreaterThan(b[first]);
  }
  expect(counts[0][0]).toBeGreaterThan(0);
});

test('top failing rules: Critical first, then the most failing', () => {
  const table = [...acme.doc.querySelectorAll('h2')].find(
    (h) => h.textContent === 'Top failing rules',
  )!.nextElementSibling!;
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
    severity: rank(cells(tr)[2]),
    failing: Number(cells(tr)[3]),
  }));
  expect(rows.length).toBe(10);
  expect(rows[0].severity).toBe(0);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    expect(a.severity < b.severity || (a.severity === b.severity && a.failing >= b.failing)).toBe(true);
  }
});

test('Rule IDs, severities and due dates never wrap; long resource IDs wrap at their separators', () => {
  const { html, doc } = acme;
  expect(html).toMatch(/td\.id\{white-space:nowrap\}/);
  expect(html).not.toMatch(/max-width:1200px/);
  const row = doc.querySelector('details tbody tr')!;
  const tds = row.querySelectorAll('td');
  for (const i of [0, 1, 2, 4, 6]) expect(tds[i].className).toMatch(/\bid\b/);
  const arn = [...doc.querySelectorAll('td.res')].find((td) => td.textContent!.startsWith('arn:'))!;
  expect(arn.querySelectorAll('wbr').length).toBeGreaterThan(2);
});

test.each([
  ['Europe/London', '2026-03-01 09:00 Europe/London (UTC+00:00)'],
  ['America/New_York', '2026-03-01 04:00 America/New_York (UTC-05:00)'],
  ['Asia/Tokyo', '2026-03-01 18:00 Asia/Tokyo (UTC+09:00)'],
  ['UTC', '2026-03-01 09:00 UTC'],
])('the run time is shown in the Settings time zone %s, with the zone named', async (zone, shown) => {
  const book = writeCsvRulebook(path.join(dir, `zone-${zone.replace('/', '-')}`), {
    ...SHEETS,
    Settings: [
      ['Key', 'Value'],
      ['Time Zone', zone],
    ],
  });
  const { doc } = await htmlOf(book, `zone-${zone.replace('/', '-')}`);
  const time = doc.querySelector('time')!;
  expect(time.textContent).toBe(shown);
  expect(time.getAttribute('datetime')).toBe('2026-03-01T09:00:00.000Z');
});
