// SARIF locations code scanning can map wherever the CLI runs: URIs relative to %SRCROOT%, which the log maps to the
// Git work tree holding the rulebook (else the rulebook's folder), never to the current folder.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { NOW, cli, tempDir, writeCsvRulebook, writeXlsxRulebook } from './helpers/rulebook';

let dir: string;
const cwd = process.cwd();
beforeAll(() => (dir = tempDir()));
afterAll(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } };
}
interface Sarif {
  runs: {
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { locations: Location[] }[];
    invocations: { toolConfigurationNotifications: { locations?: Location[] }[] }[];
  }[];
}

async function sarifFrom(book: string, from: string): Promise<Sarif> {
  const file = path.join(dir, `report-${path.basename(from)}-${path.basename(book)}.sarif`);
  process.chdir(from);
  try {
    const r = await cli(
      'validate',
      book,
      '--out',
      path.join(dir, 'out.xlsx'),
      '--now',
      NOW,
      '--format',
      'sarif',
      '--report',
      file,
      '--quiet',
    );
    expect(r.code).toBeLessThan(2);
  } finally {
    process.chdir(cwd);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every artifact location of the log, resolved through its base to an absolute file path. */
function files(sarif: Sarif): string[] {
  const run = sarif.runs[0];
  const locs = [
    ...run.results.flatMap((r) => r.locations),
    ...run.invocations[0].toolConfigurationNotifications.flatMap((n) => n.locations ?? []),
  ];
  return locs.map(({ physicalLocation: { artifactLocation: a } }) => {
    expect(a.uriBaseId).toBe('%SRCROOT%');
    expect(a.uri).not.toMatch(/^(\/|\.\.|[a-z]+:)/i);
    return fileURLToPath(new URL(a.uri, run.originalUriBaseIds[a.uriBaseId].uri));
  });
}

test.each([
  ['a CSV folder, outside any Git work tree', 'csv', false, 'Rules.csv'],
  ['a CSV folder inside a Git work tree', 'csv', true, 'security/book/Rules.csv'],
  ['a workbook inside a Git work tree', 'xlsx', true, 'security/book.xlsx'],
])(
  '%s: the same URIs from any current folder, resolving to the rulebook file',
  async (_name, kind, git, uri) => {
    const repo = path.join(dir, `${kind}-${git ? 'git' : 'plain'}`);
    fs.mkdirSync(path.join(repo, 'security'), { recursive: true });
    if (git) fs.mkdirSync(path.join(repo, '.git'));
    const book =
      kind === 'csv'
        ? writeCsvRulebook(path.join(repo, 'security', 'book'))
        : await writeXlsxRulebook(path.join(repo, 'security', 'book.xlsx'));
    const base = git ? repo : kind === 'csv' ? book : path.dirname(book);
    const elsewhere = fs.mkdtempSync(path.join(dir, 'elsewhere-'));
    const a = await sarifFrom(book, elsewhere);
    const b = await sarifFrom(path.relative(path.dirname(repo), book), path.dirname(repo));
    expect(a.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(base).href}/` } });
    expect(b.runs[0].originalUriBaseIds).toEqual(a.runs[0].originalUriBaseIds);
    const fa = files(a);
    expect(fa.length).toBeGreaterThan(0);
    expect(files(b)).toEqual(fa);
    const rulesFile = kind === 'csv' ? path.join(book, 'Rules.csv') : book;
    expect(fa).toContain(rulesFile);
    expect(a.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(uri);
  },
);
