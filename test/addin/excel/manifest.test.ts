// manifest.xml: valid against the Office XSDs (offline, libxml2-wasm in a child process) and internally consistent.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSDOM } from 'jsdom';

const ROOT = path.join(__dirname, '..', '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.mjs');
const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
const all = (tag: string) => Array.from(doc.getElementsByTagNameNS('*', tag));

function validate(...files: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8' });
}

describe('manifest.xml', () => {
  it('validates against OfficeAppManifestV1_1.xsd, and a broken copy does not', () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'broken.xml');
    fs.writeFileSync(
      broken,
      xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'),
    );
    const good = validate(MANIFEST);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const bad = validate(broken);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/Permissions/);
  });

  it('is a task pane app for workbooks with ReadWriteDocument and nothing more', () => {
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toEqual([
      'Workbook',
      'Workbook',
    ]);
    expect(all('Permissions').map((p) => p.textContent)).toEqual(['ReadWriteDocument']);
  });

  it('has the Rulesheet group on the Home tab with Validate, New rulebook and Open panel', () => {
    expect(all('OfficeTab').map((t) => t.getAttribute('id'))).toEqual(['TabHome']);
    const strings = new Map(all('String').map((s) => [s.getAttribute('id'), s.getAttribute('DefaultValue')]));
    const label = (el: Element) =>
      strings.get(el.getElementsByTagNameNS('*', 'Label')[0]?.getAttribute('resid') ?? '');
    expect(label(all('Group')[0])).toBe('Rulesheet');
    const controls = all('Control').map((c) => {
      const action = c.getElementsByTagNameNS('*', 'Action')[0];
      return [
        label(c),
        action.getAttribute('xsi:type'),
        action.getElementsByTagNameNS('*', 'FunctionName')[0]?.textContent ?? null,
      ];
    });
    expect(controls).toEqual([
      ['Validate', 'ExecuteFunction', 'validateWorkbook'],
      ['New rulebook', 'ExecuteFunction', 'createRulebook'],
      ['Open panel', 'ShowTaskpane', null],
    ]);
  });

  it('names a resource with every resid, and every control id is unique', () => {
    const resources = new Set(
      ['Image', 'Url', 'String']
        .flatMap((t) => all(t).map((e) => e.getAttribute('id')))
        .filter((id) => id !== null),
    );
    const resids = Array.from(doc.getElementsByTagNameNS('*', '*'))
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => r !== null);
    expect(resids.length).toBeGreaterThan(10);
    expect(resids.filter((r) => !resources.has(r))).toEqual([]);
    const ids = ['Group', 'Control', 'OfficeTab'].flatMap((t) => all(t).map((e) => e.getAttribute('id')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks for icons at 16, 32 and 80 px, and each image file exists at that size', () => {
    for (const icon of all('Icon')) {
      const sizes = Array.from(icon.getElementsByTagNameNS('*', 'Image')).map((i) => i.getAttribute('size'));
      expect(sizes).toEqual(['16', '32', '80']);
    }
    const urls = [
      ...all('Image').map((i) => i.getAttribute('DefaultValue')),
      ...['IconUrl', 'HighResolutionIconUrl'].map((t) => all(t)[0].getAttribute('DefaultValue')),
    ].filter((u): u is string => u !== null);
    for (const url of urls) {
      expect(url.startsWith('https://localhost:3000/assets/')).toBe(true);
      const png = fs.readFileSync(path.join(ROOT, 'addin', url.replace('https://localhost:3000/', '')));
      const size = Number(/-(\d+)\.png$/.exec(url)?.[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('serves everything from https://localhost:3000', () => {
    const urls = xml.match(/https?:\/\/[^"<\s]+/g) ?? [];
    const schemaNamespaces = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;
    expect(urls.filter((u) => !schemaNamespaces.test(u) && !u.startsWith('https://localhost:3000'))).toEqual(
      [],
    );
  });

  it('associates each FunctionName in addin/commands', () => {
    const source = fs
      .readdirSync(path.join(ROOT, 'addin', 'commands'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'addin', 'commands', f), 'utf8'))
      .join('\n');
    const associated = [...source.matchAll(/Office\.actions\.associate\(\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1],
    );
    const functions = all('FunctionName').map((f) => f.textContent);
    expect(functions.length).toBe(2);
    for (const f of functions) expect(associated).toContain(f);
  });
});

describe('webpack.config.js', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOf = require(path.join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => {
    mode: string;
    plugins: { patterns?: { from: string; transform?: (c: Buffer) => string }[] }[];
  };

  it('builds for production by default and rewrites localhost in the copied manifest with --env url', () => {
    const config = configOf({ url: 'https://example.com/rulesheet/' }, {});
    expect(config.mode).toBe('production');
    const copy = config.plugins.find((p) => p.patterns)?.patterns?.find((p) => p.from === 'manifest.xml');
    const out = copy?.transform?.(Buffer.from(xml)) ?? '';
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://example.com/rulesheet/taskpane.html"/>');
  });

  it('refuses a URL that is not https', () => {
    expect(() => configOf({ url: 'http://example.com' }, {})).toThrow(/https/);
  });
});
