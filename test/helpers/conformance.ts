// The conformance suite's shared machinery: load a scenario, run it through a host, shape outputs for golden files.
import * as fs from 'fs';
import * as path from 'path';
import { formatProblem, validate } from '../../core';
import type { Cell, Grid, Patch, Result, RunOutput } from '../../core';
import { fromCsvCell, parseCsv, readCsvFolder, toCsv } from '../../cli/io/csv';

export const CONFORMANCE_DIR = path.join(__dirname, '..', 'conformance');

/** The engine-owned sheets every host must write identically, as `expected/<name>.csv`. */
export const GOLDEN_SHEETS = ['Results', 'Summary', 'Run History', 'Rules'] as const;
export type GoldenSheet = (typeof GOLDEN_SHEETS)[number];

/** How a scenario asks for typed cells, as Excel or Sheets would hand them over: sheet → header → type. */
export type CellTypes = Record<string, Record<string, 'number' | 'date' | 'boolean'>>;

/** One hand-written row of expected/statuses.csv. */
export interface ExpectedStatus {
  ruleId: string;
  resourceId: string;
  resourceType?: string;
  status: string;
  fixOwner?: string;
  messageContains?: string;
}

export interface Scenario {
  name: string;
  dir: string;
  description: string;
  now: Date;
  grids: Grid[];
  /** CSV files of the input that could not be read (a scenario should have none). */
  inputErrors: string[];
  statuses: ExpectedStatus[];
  /** For a second run: the scenario whose golden Results / Run History this one's input must be. */
  previousRun?: string;
}

/** One result as every host reports it: the shape of expected/results.json. */
export interface ResultRecord {
  ruleId: string;
  resourceId: string | null;
  resourceType: string | null;
  status: string;
  severity: string;
  fixOwner: string | null;
  field: string | null;
  expected: string | null;
  actual: string | null;
  message: string | null;
  firstSeen: string | null;
  due: string | null;
  overdue: boolean | null;
  waiver: { ruleId: string; resourceId: string; approvedBy: string; expires: string | null } | null;
}

/** What a host run produces, in the form the golden files hold. A sheet the host did not write is absent. */
export interface ComparableOutput {
  results: ResultRecord[];
  problems: string[];
  sheets: Partial<Record<GoldenSheet, string>>;
}

export function listScenarios(): string[] {
  return fs
    .readdirSync(CONFORMANCE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(CONFORMANCE_DIR, d.name, 'scenario.json')))
    .map((d) => d.name)
    .sort();
}

export function loadScenario(name: string): Scenario {
  const dir = path.join(CONFORMANCE_DIR, name);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'scenario.json'), 'utf8')) as {
    description: string;
    now: string;
    cellTypes?: CellTypes;
    previousRun?: string;
  };
  const { grids, errors } = readCsvFolder(path.join(dir, 'input'));
  return {
    name,
    dir,
    description: meta.description,
    now: new Date(meta.now),
    grids: meta.cellTypes ? applyCellTypes(grids, meta.cellTypes) : grids,
    inputErrors: errors,
    statuses: readStatuses(path.join(dir, 'expected', 'statuses.csv')),
    previousRun: meta.previousRun,
  };
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Turns the text of the named columns into numbers, dates or booleans, as a spreadsheet host would read typed cells. */
function applyCellTypes(grids: Grid[], types: CellTypes): Grid[] {
  return grids.map((g) => {
    const sheetTypes = Object.entries(types).find(([sheet]) => norm(sheet) === norm(g.name))?.[1];
    if (!sheetTypes || g.rows.length === 0) return g;
    const header = g.rows[0].map((h) => norm(String(h ?? '')));
    const colTypes = new Map<number, string>();
    for (const [col, type] of Object.entries(sheetTypes)) {
      const i = header.indexOf(norm(col));
      if (i >= 0) colTypes.set(i, type);
    }
    const rows = g.rows.map((r, ri) => (ri === 0 ? r : r.map((c, ci) => typed(c, colTypes.get(ci)))));
    return { name: g.name, rows };
  });
}

function typed(cell: Cell, type: string | undefined): Cell {
  if (typeof cell !== 'string' || !type) return cell;
  if (type === 'number') return Number.isFinite(Number(cell)) ? Number(cell) : cell;
  if (type === 'boolean') return /^true$/i.test(cell) ? true : /^false$/i.test(cell) ? false : cell;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(cell) ? `${cell}T00:00:00Z` : cell);
  return Number.isNaN(d.getTime()) ? cell : d;
}

function readStatuses(file: string): ExpectedStatus[] {
  const { rows, error } = parseCsv(fs.readFileSync(file, 'utf8'), file);
  if (error) throw new Error(error);
  const header = (rows[0] ?? []).map((h) => norm(String(h ?? '')));
  const col = (name: string) => header.indexOf(name);
  const get = (r: Cell[], name: string) => {
    const i = col(name);
    return i >= 0 && r[i] !== null && r[i] !== undefined ? String(r[i]) : undefined;
  };
  return rows
    .slice(1)
    .filter((r) => r.some((c) => c !== null))
    .map((r) => ({
      ruleId: get(r, 'ruleid') ?? '',
      resourceId: get(r, 'resourceid') ?? '',
      resourceType: get(r, 'resourcetype'),
      status: get(r, 'status') ?? '',
      fixOwner: get(r, 'fixowner'),
      messageContains: get(r, 'messagecontains'),
    }));
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
const dateOnly = (d: Date | undefined) => {
  const s = iso(d);
  return s && s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s;
};

export function toRecord(r: Result): ResultRecord {
  return {
    ruleId: r.rule.id,
    resourceId: r.resource?.id ?? null,
    resourceType: r.resource?.type ?? null,
    status: r.status,
    severity: r.rule.severity,
    fixOwner: r.fixOwner ?? null,
    field: r.field ?? null,
    expected: r.expected ?? null,
    actual: r.actual ?? null,
    message: r.message ?? null,
    firstSeen: dateOnly(r.firstSeen),
    due: dateOnly(r.due),
    overdue: r.overdue ?? null,
    waiver: r.waiver
      ? {
          ruleId: r.waiver.ruleId,
          resourceId: r.waiver.resourceId,
          approvedBy: r.waiver.approvedBy,
          expires: dateOnly(r.waiver.expires),
        }
      : null,
  };
}

/** The sheets a run's patches produce as CSV text; the Rules sheet is the input grid with the generated columns applied. */
export function sheetsFromPatches(patches: Patch[], grids: Grid[]): Partial<Record<GoldenSheet, string>> {
  const out: Partial<Record<GoldenSheet, string>> = {};
  const golden = (sheet: string) => GOLDEN_SHEETS.find((g) => norm(g) === norm(sheet));
  for (const p of patches) {
    const name = golden(p.sheet);
    if (!name) continue;
    if (p.kind === 'sheet') {
      out[name] = toCsv(p.rows);
    } else {
      const base = grids.find((g) => norm(g.name) === norm(p.sheet));
      const rows: (Cell | { text: string })[][] = (base?.rows ?? []).map((r) => [...r]);
      for (const { col, values } of p.columns) {
        values.forEach((v, i) => {
          while (rows.length <= i) rows.push([]);
          while (rows[i].length < col) rows[i].push(null);
          rows[i][col] = v;
        });
      }
      out[name] = toCsv(rows);
    }
  }
  return out;
}

/** Runs a scenario through core, the reference every host is compared with. */
export function runCore(s: Scenario): ComparableOutput & { run: RunOutput } {
  const run = validate(s.grids, { now: s.now });
  return {
    run,
    results: run.results.toArray().map(toRecord),
    problems: run.problems.map(formatProblem),
    sheets: sheetsFromPatches(run.patches, s.grids),
  };
}

/** The engine-owned sheets a second run reads: each input file and the previous run's golden, as text. */
export function previousRunFiles(s: Scenario): { file: string; input: string; golden: string | undefined }[] {
  if (!s.previousRun) return [];
  return ['Results.csv', 'Run History.csv'].map((file) => {
    const golden = path.join(CONFORMANCE_DIR, s.previousRun as string, 'expected', file);
    return {
      file,
      input: fs.readFileSync(path.join(s.dir, 'input', file), 'utf8'),
      golden: fs.existsSync(golden) ? fs.readFileSync(golden, 'utf8') : undefined,
    };
  });
}

const goldenPath = (s: Scenario, file: string) => path.join(s.dir, 'expected', file);

/** The golden files as stored; undefined for a file that does not exist. */
export function readGoldens(s: Scenario): {
  results?: unknown;
  problems?: string;
  sheets: Partial<Record<GoldenSheet, string>>;
} {
  const read = (f: string) =>
    fs.existsSync(goldenPath(s, f)) ? fs.readFileSync(goldenPath(s, f), 'utf8') : undefined;
  const results = read('results.json');
  const sheets: Partial<Record<GoldenSheet, string>> = {};
  for (const name of GOLDEN_SHEETS) {
    const text = read(`${name}.csv`);
    if (text !== undefined) sheets[name] = text;
  }
  return {
    results: results === undefined ? undefined : JSON.parse(results),
    problems: read('problems.txt'),
    sheets,
  };
}

export function problemsText(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** Writes the golden files from a run (never statuses.csv, which is written by hand). */
export function writeGoldens(s: Scenario, out: ComparableOutput): void {
  fs.mkdirSync(path.join(s.dir, 'expected'), { recursive: true });
  fs.writeFileSync(goldenPath(s, 'results.json'), `${JSON.stringify(out.results, null, 2)}\n`);
  fs.writeFileSync(goldenPath(s, 'problems.txt'), problemsText(out.problems));
  for (const name of GOLDEN_SHEETS) {
    const file = goldenPath(s, `${name}.csv`);
    const text = out.sheets[name];
    if (text === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, text);
  }
}

/**
 * The hand-written statuses and the actual ones as comparable, sorted lines, so a test diff reads
 * like the sheet: `S3-001 | bucket-a | FAIL | owner=alice`. Fix Owner and message are shown only
 * where statuses.csv asks about them.
 */
export function statusLines(
  expected: ExpectedStatus[],
  results: ResultRecord[],
): { expected: string[]; actual: string[] } {
  const keyOf = (ruleId: string, resourceId: string | null, type?: string | null) =>
    `${ruleId} | ${resourceId ?? ''}${type ? ` | ${type}` : ''}`;
  const withType = expected.some((e) => e.resourceType);
  const pending = new Map<string, ExpectedStatus[]>();
  for (const e of expected) {
    const k = keyOf(e.ruleId, e.resourceId, withType ? e.resourceType : undefined);
    pending.set(k, [...(pending.get(k) ?? []), e]);
  }
  const expLines = expected.map((e) => {
    let line = `${keyOf(e.ruleId, e.resourceId, withType ? e.resourceType : undefined)} | ${e.status}`;
    if (e.fixOwner !== undefined) line += ` | owner=${e.fixOwner}`;
    if (e.messageContains !== undefined) line += ` | message~${JSON.stringify(e.messageContains)}`;
    return line;
  });
  const actLines = results.map((r) => {
    const k = keyOf(r.ruleId, r.resourceId, withType ? r.resourceType : undefined);
    const e = pending.get(k)?.shift();
    let line = `${k} | ${r.status}`;
    if (e?.fixOwner !== undefined) line += ` | owner=${r.fixOwner ?? ''}`;
    if (e?.messageContains !== undefined) {
      const has = (r.message ?? '').toLowerCase().includes(e.messageContains.toLowerCase());
      line += has
        ? ` | message~${JSON.stringify(e.messageContains)}`
        : ` | message=${JSON.stringify(r.message)}`;
    }
    return line;
  });
  return { expected: expLines.sort(), actual: actLines.sort() };
}

/**
 * A sheet as a spreadsheet holds it, for comparing hosts: a sheet has no ragged rows, so trailing blank cells and
 * rows are dropped, and engine-sheet text loses its CSV guard. Takes cells, or CSV text as the goldens hold it.
 */
export function squared(sheet: readonly (readonly Cell[])[] | string | undefined): string | undefined {
  if (sheet === undefined) return undefined;
  const rows = typeof sheet === 'string' ? parseCsv(sheet, 'sheet.csv').rows : sheet;
  const out = rows.map((r) => {
    const row = r.map((c) => (typeof c === 'string' ? fromCsvCell(c) : c));
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    return row;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return toCsv(out);
}
