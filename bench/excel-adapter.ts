// Benchmark of the Excel adapter on the fake workbook: a generated rulebook read, validated and written back.
import { validateWorkbook } from '../addin/excel/validate';
import { EXCEL_LIMITS, validate } from '../core';
import { createFakeExcel, FakeWorkbook } from '../testkit/excel';
import { runJsonChild } from './json-child';
import { generateWorkbook, type BenchSize } from './generate';

export interface AdapterFigures {
  rules: number;
  resources: number;
  checks: number;
  resultRows: number;
  syncs: number;
  /** Requests Excel refused as over 5 MB (each then resent smaller); 0 when the budget holds. */
  refused: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Bytes of every request together (what crosses from the add-in to Excel). */
  requestBytes: number;
  /** Cells the patches write (engine sheets and the generated Rules columns). */
  cellsWritten: number;
  engineSeconds: number;
  seconds: number;
  /** engineSeconds plus the syncs and cells at EXCEL_COST's rates (bench/README.md, "Host cost models"). */
  projectedSeconds: number;
}

/**
 * What real Excel costs that the fake does not (bench/README.md, "Host cost models"): a round trip per sync (no
 * published figure found; 0.3 s, ten times Sheets' flushed call) and the time Excel takes to store a cell
 * (OfficeDev/office-js#3013: 50,000 rows × 20 columns in under 5 s by columns, over 10 s with table.rows.add).
 */
export const EXCEL_COST = { secondsPerSync: 0.3, secondsPerCell: 10e-6 };

export const ADAPTER_SIZE: BenchSize = {
  rules: 200,
  resources: 10_000,
  types: 10,
  seed: 42,
  workload: 'distinct',
};
export const ADAPTER_LARGE: BenchSize = {
  rules: 500,
  resources: 50_000,
  types: 10,
  seed: 42,
  workload: 'distinct',
};

export async function benchExcelAdapter(size: BenchSize = ADAPTER_SIZE): Promise<AdapterFigures> {
  const book = new FakeWorkbook();
  for (const grid of generateWorkbook(size)) book.seed(grid.name, grid.rows);
  const started = process.hrtime.bigint();
  const run = await createFakeExcel(book).run((ctx) =>
    validateWorkbook(ctx, new Date('2026-03-01T09:00:00Z')),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The engine alone, timed apart: the adapter's own time on the fake is the rest.
  const engineStarted = process.hrtime.bigint();
  validate(generateWorkbook(size), { now: new Date('2026-03-01T09:00:00Z'), limits: EXCEL_LIMITS });
  const engineSeconds = Number(process.hrtime.bigint() - engineStarted) / 1e9;
  let cellsWritten = 0;
  for (const p of run.output.patches) {
    if (p.kind === 'sheet') {
      let width = 0;
      for (const r of p.rows) if (r.length > width) width = r.length;
      cellsWritten += p.rows.length * width;
    } else for (const c of p.columns) cellsWritten += c.values.length;
  }
  const ok = book.requests.filter((r) => !r.failed);
  let largestRequestBytes = 0;
  let largestResponseBytes = 0;
  let requestBytes = 0;
  for (const r of ok) {
    requestBytes += r.requestBytes;
    if (r.requestBytes > largestRequestBytes) largestRequestBytes = r.requestBytes;
    if (r.responseBytes > largestResponseBytes) largestResponseBytes = r.responseBytes;
  }
  return {
    rules: size.rules,
    resources: size.resources,
    checks: run.output.summary.checks,
    // The header is row 0, so the last used row's index is the number of data rows.
    resultRows: book.sheet('Results')?.usedBox(true)?.r1 ?? 0,
    syncs: book.syncs,
    refused: book.requests.length - ok.length,
    largestRequestBytes,
    largestResponseBytes,
    requestBytes,
    cellsWritten,
    engineSeconds,
    seconds,
    projectedSeconds:
      engineSeconds + book.syncs * EXCEL_COST.secondsPerSync + cellsWritten * EXCEL_COST.secondsPerCell,
  };
}

export function adapterLine(f: AdapterFigures): string {
  const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;
  return (
    `excel adapter (fake workbook): ${f.resources.toLocaleString('en-US')} resources × ${f.rules} rules, ` +
    `${f.checks.toLocaleString('en-US')} checks, ${f.resultRows.toLocaleString('en-US')} Results rows: ` +
    `${f.syncs} sync() calls, largest request ${f.largestRequestBytes.toLocaleString('en-US')} bytes (${mb(f.largestRequestBytes)}), ` +
    `largest response ${mb(f.largestResponseBytes)}, ${mb(f.requestBytes)} sent in all, refused requests ${f.refused}, ` +
    `${f.cellsWritten.toLocaleString('en-US')} cells written, adapter on the fake ${f.seconds.toFixed(2)} s (engine ${f.engineSeconds.toFixed(2)} s); ` +
    `projected in Excel ${f.projectedSeconds.toFixed(0)} s (syncs × ${EXCEL_COST.secondsPerSync} s + cells × ${EXCEL_COST.secondsPerCell * 1e6} µs + engine)`
  );
}

/** The adapter at one size, measured in a child process of its own (its heap apart from the bench's). */
export function benchExcelAdapterInChild(size: BenchSize): AdapterFigures | { error: string } {
  return runJsonChild<AdapterFigures>(__filename, size);
}

// `npx ts-node --transpile-only bench/excel-adapter.ts [--large]` prints the line; bench/run.ts asks for `--json <size>`.
if (require.main === module) {
  const args = process.argv.slice(2);
  const size =
    args[0] === '--json'
      ? (JSON.parse(args[1]) as BenchSize)
      : args.includes('--large')
        ? ADAPTER_LARGE
        : ADAPTER_SIZE;
  benchExcelAdapter(size).then(
    (f) => console.log(args[0] === '--json' ? JSON.stringify(f) : adapterLine(f)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
