// A CSV folder's own sheets are data: imports and runs rewrite them without adding a quote, however often.
import * as fs from 'fs';
import * as path from 'path';
import { runImport } from '../../cli/commands/import';
import { runInit } from '../../cli/commands/init';
import { readCsvFolder } from '../../cli/io/csv';
import { cli, NOW, tempDir, writeCsvRulebook } from './helpers/rulebook';

const TRICKY = ['--privileged', '-1', '=A1', '@x', '+1'];

const RULES = [
  ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected', 'Severity'],
  ['APP-1', 'Apps never run privileged', 'app', 'flag', 'does not equal', '--privileged', 'Critical'],
  ['APP-2', 'Apps have a positive limit', 'app', 'limit', 'at least', '0', 'High'],
];
const RESOURCES = [
  ['Resource ID', 'Type', 'flag', 'limit', 'note'],
  ...TRICKY.map((t, i) => [`app-${i}`, 'app', t, i === 1 ? t : '5', t]),
];

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-roundtrip-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const silent = () => {};
const resourcesOf = (book: string) => readCsvFolder(book).grids.find((g) => g.name === 'Resources')!.rows;

test('three imports into a CSV folder keep every user cell byte-identical, and the Critical FAIL stays', async () => {
  const book = writeCsvRulebook(path.join(dir, 'book'), { Rules: RULES, Resources: RESOURCES });
  const input = path.join(dir, 'other.json');
  fs.writeFileSync(input, JSON.stringify([{ name: 'svc-1', port: 80 }]));
  const texts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const code = await runImport(
      'json',
      [input],
      { into: book, type: 'service', id: 'name' },
      silent,
      silent,
    );
    expect(code).toBe(0);
    texts.push(fs.readFileSync(path.join(book, 'Resources.csv'), 'utf8'));
  }
  expect(texts[1]).toBe(texts[0]);
  expect(texts[2]).toBe(texts[0]);
  expect(texts[0]).not.toMatch(/'/);
  const rows = resourcesOf(book);
  for (const original of RESOURCES.slice(1)) {
    const row = rows.find((r) => r[0] === original[0])!;
    expect(row.slice(0, original.length)).toEqual(original);
  }
  expect(fs.readFileSync(path.join(book, 'Rules.csv'), 'utf8')).not.toMatch(/'/);

  const run = await cli('validate', book, '--now', NOW, '--fail-on', 'critical', '--quiet');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const results = readCsvFolder(book).grids.find((g) => g.name === 'Results')!.rows;
  const status = (rule: string, resource: string) => {
    const header = results[0];
    const row = results.find(
      (r) => r[header.indexOf('Rule ID')] === rule && r[header.indexOf('Resource ID')] === resource,
    );
    return row?.[header.indexOf('Status')];
  };
  expect(status('APP-1', 'app-0')).toBe('FAIL');
  expect(status('APP-2', 'app-1')).toBe('FAIL');
  // Passing checks are not listed: `=A1` does not equal `--privileged`.
  expect(status('APP-1', 'app-2')).toBeUndefined();
  // The run rewrote Rules.csv's generated columns and left the user's cells as they were.
  const rules = readCsvFolder(book).grids.find((g) => g.name === 'Rules')!.rows;
  expect(rules[1].slice(0, RULES[1].length)).toEqual(RULES[1]);
  expect(resourcesOf(book).map((r) => r.slice(0, 5))).toEqual(rows.map((r) => r.slice(0, 5)));
});

test('init --pack into a folder writes the pack verbatim, and a pinned image passes the digest rule', async () => {
  const book = path.join(dir, 'k8s');
  expect(await runInit(book, new Date(NOW), silent, silent, ['kubernetes-workloads'])).toBe(0);
  const rulesText = fs.readFileSync(path.join(book, 'Rules.csv'), 'utf8');
  expect(rulesText).toContain(',@sha256:[0-9a-f]{64}$,');
  expect(rulesText).not.toContain("'@sha256");

  const digest = 'a'.repeat(64);
  const manifest = path.join(dir, 'deploy.yaml');
  fs.writeFileSync(
    manifest,
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web, namespace: shop }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      `        - { name: web, image: "registry.example.com/web:1.4.2@sha256:${digest}" }`,
      '',
    ].join('\n'),
  );
  expect(await runImport('kubernetes', [manifest], { into: book }, silent, silent)).toBe(0);
  const run = await cli('validate', book, '--now', NOW, '--format', 'json', '--quiet');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as {
    results: { ruleId: string; resourceId: string; status: string }[];
  };
  const pinned = report.results.filter((r) => r.ruleId === 'K8S-OPS-06' && r.resourceId === 'shop/web');
  expect(pinned.map((r) => r.status)).toEqual(['PASS']);
});
