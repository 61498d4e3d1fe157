// Every report format, written by `validate --format … --report …`: JSON shape, SARIF schema, JUnit structure, CSV, HTML.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { SaxesParser } from 'saxes';
import { parseCsv } from '../../cli/io/csv';
import {
  SHEETS,
  NOW,
  EVIL_AT,
  EVIL_LINK,
  SCRIPT,
  cli,
  CSV_REPORT_HEADER,
  tempDir,
  writeCsvRulebook,
} from './helpers/rulebook';
import { sarifSchemaErrors } from './helpers/sarif-schema';

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir();
  book = writeCsvRulebook(path.join(dir, 'book'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function report(format: string): Promise<string> {
  const file = path.join(dir, `report.${format}`);
  const r = await cli(
    'validate',
    book,
    '--out',
    path.join(dir, `out-${format}`),
    '--now',
    NOW,
    '--format',
    format,
    '--report',
    file,
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return fs.readFileSync(file, 'utf8');
}

test('json: the stable shape, every pair, ISO dates or ""', async () => {
  const json = JSON.parse(await report('json'));
  const version = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version;
  expect(Object.keys(json)).toEqual(['tool', 'version', 'runAt', 'summary', 'results', 'problems']);
  expect(json).toMatchObject({ tool: 'rulesheet', version, runAt: '2026-03-01T09:00:00.000Z' });
  expect(json.summary).toEqual({
    rules: 4,
    resources: 4,
    checks: 7,
    passing: 4,
    failing: 2,
    waived: 1,
    errors: 0,
    notApplicable: 0,
    passRate: 4 / 6,
  });
  expect(json.results).toHaveLength(7);
  for (const r of json.results) {
    expect(Object.keys(r)).toEqual([
      'ruleId',
      'resourceId',
      'resourceType',
      'status',
      'severity',
      'fixOwner',
      'businessUnit',
      'field',
      'expected',
      'actual',
      'message',
      'firstSeen',
      'due',
      'overdue',
    ]);
    for (const d of [r.firstSeen, r.due]) expect(d === '' || !Number.isNaN(Date.parse(d))).toBe(true);
  }
  expect(json.results.find((r: { status: string }) => r.status === 'WAIVED')).toMatchObject({
    ruleId: 'S3-002',
    resourceId: EVIL_AT,
    fixOwner: 'bob',
    businessUnit: 'HR',
  });
  expect(json.problems).toEqual([
    expect.objectContaining({
      code: expect.any(String),
      severity: 'warning',
      sheet: 'Rules',
      cell: 'C5',
      suggestion: expect.any(String),
    }),
  ]);
});

test('json to standard output: the summary moves to standard error', async () => {
  const r = await cli(
    'validate',
    book,
    '--out',
    path.join(dir, 'out-stdout'),
    '--now',
    NOW,
    '--format',
    'json',
  );
  expect(JSON.parse(r.stdout).tool).toBe('rulesheet');
  expect(r.stderr).toMatch(/Checked 4 rules/);
});

test('sarif: valid against the SARIF 2.1.0 schema; rules, levels, locations, suppressions', async () => {
  const sarif = JSON.parse(await report('sarif'));
  expect(sarifSchemaErrors(sarif)).toEqual([]);

  const run = sarif.runs[0];
  expect(run.tool.driver.name).toBe('rulesheet');
  expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
    'S3-001',
    'S3-002',
    'IAM-001',
    'K8S-001',
  ]);
  expect(run.tool.driver.rules[1].help.text).toBe('Turn on versioning');
  expect(run.tool.driver.rules[0].helpUri).toBe('https://docs.example.com/s3');
  expect(run.results).toHaveLength(3);
  const fail = run.results.find((r: { ruleId: string; suppressions?: unknown }) => r.ruleId === 'S3-001');
  expect(fail.level).toBe('error');
  expect(fail.locations[0].logicalLocations[0]).toEqual({
    name: SCRIPT,
    fullyQualifiedName: `aws_s3_bucket/${SCRIPT}`,
    kind: 'resource',
  });
  expect(fail.locations[0].physicalLocation.artifactLocation).toEqual({
    uri: 'Rules.csv',
    uriBaseId: '%SRCROOT%',
  });
  expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(book).href}/`);
  expect(fail.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 1 });
  expect(fail.locations[0].message.text).toBe('Rule S3-001 at Rules!A2');
  const waived = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
  expect(waived).toHaveLength(1);
  expect(waived[0]).toMatchObject({ ruleId: 'S3-002', level: 'warning' });
  expect(waived[0].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
  expect(waived[0].suppressions[0].justification).toMatch(/Legacy bucket; approved by carol; ticket SEC-1/);
  expect(run.invocations[0].toolConfigurationNotifications).toHaveLength(1);
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

test('junit: a testsuite per rule, a testcase per pair, failures, skipped; escaped text parses', async () => {
  const xml = parseXml(await report('junit'));
  expect(xml.name).toBe('testsuites');
  expect(xml.attributes).toMatchObject({ tests: '7', failures: '2', errors: '0', skipped: '1' });
  const suites = xml.children.filter((c) => c.name === 'testsuite');
  expect(suites.map((s) => s.attributes.name)).toEqual([
    'S3-001: Buckets block public access',
    'S3-002: Buckets keep versions',
    'IAM-001: Users have MFA',
    'K8S-001: Low rule',
  ]);
  const s3 = suites[0];
  expect(s3.attributes).toMatchObject({ tests: '3', failures: '1' });
  const cases = s3.children.filter((c) => c.name === 'testcase');
  expect(cases.map((c) => c.attributes.name)).toEqual([
    'aws_s3_bucket/logs',
    `aws_s3_bucket/${SCRIPT}`,
    `aws_s3_bucket/${EVIL_AT}`,
  ]);
  const failure = cases[1].children[0];
  expect(failure.name).toBe('failure');
  expect(failure.attributes.message).toBe('public_access_block is FALSE; expected is true');
  expect(failure.text).toMatch(/Field: public_access_block/);
  const skipped = suites[1].children.filter((c) => c.name === 'testcase')[2].children[0];
  expect(skipped.name).toBe('skipped');
  expect(suites[3].attributes.tests).toBe('0');
});

test('csv: one row per pair, formula-like text neutralised', async () => {
  const { rows, error } = parseCsv(await report('csv'), 'report.csv');
  expect(error).toBeUndefined();
  expect(rows[0]).toEqual(CSV_REPORT_HEADER);
  expect(rows).toHaveLength(8);
  const s3 = rows.find((r) => r[0] === 'S3-002')!;
  expect([s3[1], s3[12]]).toEqual(['Buckets keep versions', 'Turn on versioning']);
  const ids = rows.map((r) => r[2]);
  expect(ids).toContain(`'${EVIL_AT}`);
  expect(ids).not.toContain(EVIL_AT);
  for (const row of rows) for (const cell of row) expect(String(cell ?? '')).not.toMatch(/^[=+\-@\t\r]/);
});

test('html: self-contained, escaped, charts and failing items by fix owner', async () => {
  const html = await report('html');
  expect(html).not.toMatch(/<script/i);
  // Links only within the page (the owners' table of contents), nothing fetched.
  expect(html).not.toMatch(/<link|@import|url\(|\ssrc=|\shref="(?!#owner-\d+")/i);
  // Long resource IDs carry <wbr> break hints after their separators.
  expect(html.replace(/<wbr>/g, '')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)');
  expect(html).not.toContain(EVIL_LINK);
  expect(html).toMatch(/<svg[^>]*aria-label="Pass rate by business unit"/);
  expect(html).toMatch(/<svg[^>]*aria-label="Pass rate over runs"/);
  expect(html).toMatch(
    /<summary><b>=HYPERLINK\(&quot;http:\/\/evil&quot;,&quot;x&quot;\)<\/b> <span class="muted">\(2\)<\/span>/,
  );
  expect(html).toContain('66.7%');
});

test('html: the pass-rate line spans the previous Run History and this run', async () => {
  const b = writeCsvRulebook(path.join(dir, 'history-book'), {
    ...SHEETS,
    'Run History': [
      [
        'Run At',
        'Business Unit',
        'Rules',
        'Resources',
        'Checks',
        'Passing',
        'Failing',
        'Waived',
        'Errors',
        'Pass Rate',
        'New Failures',
        'Fixed',
      ],
      ['2026-02-01T09:00:00Z', 'All', 4, 4, 7, 2, 4, 1, 0, 0.333, 4, 0],
      ['2026-02-01T09:00:00Z', 'HR', 4, 2, 3, 1, 1, 1, 0, 0.5, 1, 0],
      ['2026-02-15T09:00:00Z', 'All', 4, 4, 7, 3, 3, 1, 0, '50%', 1, 0],
    ].map((r) => r.map(String)),
  });
  const file = path.join(dir, 'history.html');
  expect((await cli('validate', b, '--now', NOW, '--format', 'html', '--report', file, '--quiet')).code).toBe(
    0,
  );
  const line = /<svg[^>]*aria-label="Pass rate over runs".*?<\/svg>/s.exec(fs.readFileSync(file, 'utf8'))![0];
  expect(line.match(/<circle/g)).toHaveLength(3);
  expect(line).toContain('2026-02-01');
  expect(line).toContain('2026-03-01');
});
