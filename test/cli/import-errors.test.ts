// `rulesheet import` on files built to break it (50,000-deep JSON, 5,000-deep Terraform modules, YAML alias
// bombs, a workbook with no workbook part): exit 2 with a message naming the file, and nothing written.
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { runImport } from '../../cli/commands/import';
import { tempDir, writeCsvRulebook } from './helpers/rulebook';

let dir: string;
beforeEach(() => {
  dir = tempDir('rulesheet-import-errors-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l: string) => out.push(l), logError: (l: string) => err.push(l) };
}

/** A rulebook folder and its files' bytes, to show an import that failed left it as it was. */
function rulebook(): { folder: string; bytes: () => Record<string, string> } {
  const folder = writeCsvRulebook(path.join(dir, 'book'), {
    Rules: [['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator']],
    Resources: [
      ['Resource ID', 'Type'],
      ['b1', 'bucket'],
    ],
  });
  const bytes = () =>
    Object.fromEntries(fs.readdirSync(folder).map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));
  return { folder, bytes };
}

const DEPTH = 50_000;

/** `terraform show -json` whose modules nest `depth` deep, one bucket in the innermost. */
function deepModules(depth: number): string {
  let module = `{"resources": [{"address": "aws_s3_bucket.deep", "mode": "managed", "type": "aws_s3_bucket", "name": "deep", "values": {"bucket": "deep"}}]}`;
  for (let i = 0; i < depth; i++) module = `{"address": "module.m${i}", "child_modules": [${module}]}`;
  return `{"format_version": "1.2", "planned_values": {"root_module": ${module}}}`;
}

/** Nine anchors, each a list of nine aliases of the one before: 9^9 nodes once expanded. */
function aliasBomb(): string {
  const names = 'abcdefghi'.split('');
  const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

describe('a file nested or aliased past the bounds', () => {
  test.each([
    [
      'json',
      'deep.json',
      '['.repeat(DEPTH) + ']'.repeat(DEPTH),
      /^deep\.json line 1: nested deeper than 1,000 levels/,
    ],
    [
      'json',
      'deep-object.json',
      `[{"id": "x", "type": "t", "spec":\n${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}]`,
      /^deep-object\.json line 2: nested deeper than 1,000 levels/,
    ],
    [
      'terraform-plan',
      'plan.json',
      deepModules(5_000),
      /^plan\.json line 1: nested deeper than 1,000 levels/,
    ],
    [
      'aws-config',
      'config.json',
      `{"configurationItems": [${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}]}`,
      /^config\.json line 1: nested deeper than 1,000 levels/,
    ],
    [
      'kubernetes',
      'bomb.yaml',
      aliasBomb(),
      /^bomb\.yaml line 1: cannot read the YAML: its aliases \(\*name\) expand past the limit of 1,000/,
    ],
    [
      'kubernetes',
      'deep.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
      /^deep\.yaml line \d+: (cannot read the YAML: it is nested too deeply to read|nested deeper than 1,000 levels)/,
    ],
  ])('%s %s: exit 2, the file named, the rulebook untouched', async (kind, name, text, message) => {
    const { folder, bytes } = rulebook();
    const before = bytes();
    const input = path.join(dir, name);
    fs.writeFileSync(input, text);
    const io = capture();
    expect(await runImport(kind, [input], { into: folder }, io.log, io.logError)).toBe(2);
    expect(io.err[0]).toMatch(message);
    expect(io.err.join('\n')).not.toMatch(/Maximum call stack|Excessive alias count|RangeError/);
    expect(bytes()).toEqual(before);
  });

  test('a manifest with a few anchors and aliases still imports', async () => {
    const { folder } = rulebook();
    const input = path.join(dir, 'anchors.yaml');
    const labels = 'metadata:\n  labels: &labels {app: web, team: shop}\n';
    fs.writeFileSync(
      input,
      `apiVersion: v1\nkind: ConfigMap\n${labels.replace('metadata:', 'metadata:\n  name: web')}data:\n  a: *labels\n  b: *labels\n`,
    );
    const io = capture();
    expect(await runImport('kubernetes', [input], { into: folder }, io.log, io.logError)).toBe(0);
    expect(io.err).toEqual([]);
    expect(fs.readFileSync(path.join(folder, 'Resources.csv'), 'utf8')).toContain('default/web');
  });

  test('a Terraform plan whose modules nest 50 deep imports the innermost bucket', async () => {
    const { folder } = rulebook();
    const input = path.join(dir, 'plan.json');
    fs.writeFileSync(input, deepModules(50));
    const io = capture();
    expect(await runImport('terraform-plan', [input], { into: folder }, io.log, io.logError)).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'Resources.csv'), 'utf8')).toContain('aws_s3_bucket.deep');
  });
});

describe('an .xlsx rulebook that cannot be read', () => {
  test.each([
    ['no xl/workbook.xml', { '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' }],
    ['an empty zip', {}],
  ])('%s: says it cannot be read, not written', async (_, parts) => {
    const book = path.join(dir, 'book.xlsx');
    // A zip written by Python's zipfile, which knows nothing of workbooks.
    const script =
      'import sys, json, zipfile\nz = zipfile.ZipFile(sys.argv[1], "w")\nfor n, t in json.loads(sys.argv[2]).items(): z.writestr(n, t)\nz.close()';
    execFileSync('/usr/bin/python3', ['-c', script, book, JSON.stringify(parts)]);
    const before = fs.readFileSync(book);
    const input = path.join(dir, 'a.json');
    fs.writeFileSync(input, '[{"id": "a", "type": "t"}]');
    const io = capture();
    expect(await runImport('json', [input], { into: book }, io.log, io.logError)).toBe(2);
    expect(io.err.join('\n')).toMatch(/book\.xlsx: cannot read the workbook/);
    expect(io.err.join('\n')).not.toMatch(/cannot write/);
    expect(fs.readFileSync(book)).toEqual(before);
  });
});
