// Every import kind fed hostile text (empty, binary, one huge line, the wrong kind, prototype keys, deep nesting,
// a BOM): each gives rows or errors naming the file; none throws, hangs or pollutes Object.prototype.
import { importAwsConfig } from '../../importers/aws-config';
import { importCsv } from '../../importers/csv';
import { importJson } from '../../importers/json';
import { importKubernetes } from '../../importers/kubernetes';
import { importTerraformPlan } from '../../importers/terraform-plan';
import type { ImportKind, ImportOutput } from '../../importers/types';

/** Bytes 0–255 in a fixed pseudo-random order, as text read from a binary file would hold them. */
function garbage(length: number): string {
  let seed = 7;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(seed & 0xff);
  }
  return out;
}

const DEEP = 50_000;
const HUGE = 2_000_000;

interface KindCase {
  name: string;
  kind: ImportKind;
  file: string;
  /** A small valid file whose keys include `key` (an attribute of one resource). */
  valid: (key: string) => string;
  /** Text of another kind. */
  wrong: string;
  /** A file nested DEEP levels. */
  deep: string;
  /** One line of about HUGE characters. */
  huge: string;
}

const K8S_CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: shop}\n';
const JSON_ROW = (key: string) => `[{"id": "r1", "type": "thing", "${key}": {"polluted": 1}, "x": 1}]`;

const KINDS: KindCase[] = [
  {
    name: 'kubernetes',
    kind: importKubernetes,
    file: 'hostile.yaml',
    valid: (key) => `${K8S_CONFIGMAP}data:\n  ${key}: {polluted: 1}\n`,
    wrong: '{"resource_changes": [}',
    deep: `${K8S_CONFIGMAP}data: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
    huge: `${K8S_CONFIGMAP}data: {big: ${'x'.repeat(HUGE)}}\n`,
  },
  {
    name: 'terraform-plan',
    kind: importTerraformPlan,
    file: 'hostile-plan.json',
    valid: (key) =>
      JSON.stringify({
        resource_changes: [
          {
            address: 'aws_s3_bucket.a',
            type: 'aws_s3_bucket',
            name: 'a',
            change: { actions: ['create'], after: JSON.parse(`{"${key}": {"polluted": 1}, "bucket": "a"}`) },
          },
        ],
      }),
    wrong: K8S_CONFIGMAP,
    deep: `{"resource_changes": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
    huge: `{"resource_changes": [{"address": "a.b", "type": "a", "change": {"after": {"v": "${'x'.repeat(HUGE)}"}}}]}`,
  },
  {
    name: 'aws-config',
    kind: importAwsConfig,
    file: 'hostile-config.json',
    valid: (key) =>
      `{"configurationItems": [{"resourceType": "AWS::S3::Bucket", "resourceId": "b", "configuration": {"${key}": {"polluted": 1}}}]}`,
    wrong: 'Resource ID,Type\nb,bucket\n',
    deep: `{"configurationItems": [{"resourceType": "T", "resourceId": "b", "configuration": ${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}]}`,
    huge: `{"configurationItems": [{"resourceType": "T", "resourceId": "b", "configuration": "${'x'.repeat(HUGE)}"}]}`,
  },
  {
    name: 'json',
    kind: importJson,
    file: 'hostile.json',
    valid: JSON_ROW,
    wrong: K8S_CONFIGMAP,
    deep: '['.repeat(DEEP) + ']'.repeat(DEEP),
    huge: `[{"id": "r1", "type": "thing", "v": "${'x'.repeat(HUGE)}"}]`,
  },
  {
    name: 'csv',
    kind: importCsv,
    file: 'hostile.csv',
    valid: (key) => `Resource ID,Type,${key}\nr1,thing,"{""polluted"": 1}"\n`,
    wrong: '{"configurationItems": []}',
    deep: `Resource ID,Type,v\nr1,thing,"${'['.repeat(DEEP)}${']'.repeat(DEEP)}"\n`,
    huge: `Resource ID,Type,v\nr1,thing,${'x'.repeat(HUGE)}\n`,
  },
];

/** The hostile inputs, each built for the kind at hand, and whether it must give rows. */
const INPUTS: [string, (k: KindCase) => string, 'rows' | 'either'][] = [
  ['empty', () => '', 'either'],
  ['only blank lines', () => '\n \r\n\t\n', 'either'],
  ['binary garbage', () => garbage(20_000), 'either'],
  ['NUL bytes', () => '\u0000'.repeat(1000), 'either'],
  ['a lone surrogate and U+FFFF', (k) => k.valid('key\ud800\uffff'), 'either'],
  ['one huge line', (k) => k.huge, 'either'],
  ['one huge line of nothing', () => 'A'.repeat(HUGE), 'either'],
  ['the wrong kind of file', (k) => k.wrong, 'either'],
  ['a __proto__ key', (k) => k.valid('__proto__'), 'rows'],
  ['a constructor key', (k) => k.valid('constructor'), 'rows'],
  ['a prototype key', (k) => k.valid('prototype'), 'rows'],
  ['nested 50,000 deep', (k) => k.deep, 'either'],
  ['a byte order mark', (k) => `\uFEFF${k.valid('labels')}`, 'rows'],
  ['JSON that is a number', () => '42', 'either'],
  ['JSON null', () => 'null', 'either'],
];

const cases = KINDS.flatMap((k) =>
  INPUTS.map(([what, text, want]) => [k.name, what, k, text, want] as const),
);

describe('hostile input to every import kind', () => {
  test.each(cases)('%s, %s: rows or errors naming the file', (_, __, k, text, want) => {
    let out: ImportOutput | undefined;
    expect(() => (out = k.kind(text(k), k.file, { type: undefined }))).not.toThrow();
    const { rows, errors } = out!;
    if (want === 'rows') {
      expect(errors).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
    }
    for (const e of errors) expect(e.startsWith(k.file)).toBe(true);
    for (const e of errors) expect(e).not.toMatch(/Maximum call stack|Excessive alias|RangeError|undefined/);
    // No key of any file reaches every object.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test.each(KINDS.map((k) => [k.name, k] as const))('%s keeps a __proto__ key as data', (_, k) => {
    const { rows } = k.kind(k.valid('__proto__'), k.file, {});
    const cells = rows.flatMap((r) => Object.entries(r.cells)).map(([name, v]) => `${name}=${String(v)}`);
    expect(cells.some((c) => c.includes('__proto__') && c.includes('polluted'))).toBe(true);
  });

  test('a CSV column named __proto__ is a column like any other', () => {
    const { rows } = importCsv('Resource ID,Type,__proto__,constructor\nr1,thing,a,b\n', 'x.csv', {});
    expect(Object.entries(rows[0].cells)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
  });
});
