// The Apps Script adapter on its in-memory fake at one size: calls, cells moved, largest write, and a projected time in real Sheets.
import { ADAPTER_LARGE, ADAPTER_SIZE } from './excel-adapter';
import { generateWorkbook, type BenchSize } from './generate';
import { runJsonChild } from './json-child';
import { runValidation } from '../apps-script/run';
import { createFakeAppsScript } from '../testkit/sheets';
import { FakeRange } from '../testkit/sheets/range';

/**
 * What real Sheets costs that the fake does not, at the cautious end of published measurements (bench/README.md,
 * "Host cost models"): a round trip per SpreadsheetApp call, and the time Sheets takes to store each cell
 * moved. The 6-minute limit is Apps Script's own.
 */
export const SHEETS_COST = { secondsPerCall: 0.03, secondsPerCell: 150e-6, limitSeconds: 360 };

export interface SheetsFigures {
  rules: number;
  resources: number;
  checks: number;
  ok: boolean;
  /** Why the adapter wrote nothing (its own message), when it did not. */
  refused?: string;
  calls: number;
  getValues: number;
  setValues: number;
  cellsRead: number;
  cellsWritten: number;
  /** The most cells one setValues() call carried. */
  largestWriteCells: number;
  engineSeconds: number;
  adapterSeconds: number;
  projectedSeconds: number;
}

/** Runs in a child process of its own: the adapter reads Apps Script's globals, which the fake sets. */
function measure(size: BenchSize): SheetsFigures {
  const grids = generateWorkbook(size);
  const fake = createFakeAppsScript({ timeZone: 'Europe/Berlin' });
  for (const grid of grids) fake.addSheet(grid.name, grid.rows);
  Object.assign(globalThis, fake.globals);
  let largestWriteCells = 0;
  let cellsWritten = 0;
  const setValues = FakeRange.prototype.setValues;
  FakeRange.prototype.setValues = function (this: FakeRange, values: unknown[][]) {
    const cells = values.length * (values[0]?.length ?? 0);
    cellsWritten += cells;
    if (cells > largestWriteCells) largestWriteCells = cells;
    return setValues.call(this, values);
  };
  fake.log.reset();
  const started = process.hrtime.bigint();
  const outcome = runValidation({ now: new Date('2026-11-28T12:00:00Z') });
  const adapterSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let cellsRead = 0;
  for (const g of grids) {
    let width = 0;
    for (const r of g.rows) if (r.length > width) width = r.length;
    cellsRead += g.rows.length * width;
  }
  const calls = fake.log.total;
  const engineSeconds = outcome.ok ? outcome.engineMs / 1000 : 0;
  const projectedSeconds =
    engineSeconds +
    calls * SHEETS_COST.secondsPerCall +
    (cellsRead + cellsWritten) * SHEETS_COST.secondsPerCell;
  return {
    rules: size.rules,
    resources: size.resources,
    checks: outcome.ok ? outcome.run.summary.checks : 0,
    ok: outcome.ok,
    refused: outcome.ok ? undefined : outcome.message,
    calls,
    getValues: fake.log.count('Range.getValues'),
    setValues: fake.log.count('Range.setValues'),
    cellsRead,
    cellsWritten,
    largestWriteCells,
    engineSeconds,
    adapterSeconds,
    projectedSeconds,
  };
}

/** The adapter at one size, measured in a child process (its globals stay out of this one). */
export function benchSheetsAdapter(size: BenchSize): SheetsFigures | { error: string } {
  return runJsonChild<SheetsFigures>(__filename, size);
}

export function sheetsLine(f: SheetsFigures): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const head = `sheets adapter (fake spreadsheet): ${n(f.resources)} resources × ${f.rules} rules: `;
  const moved = `${n(f.calls)} SpreadsheetApp calls (${f.getValues} getValues, ${f.setValues} setValues), ${n(f.cellsRead)} cells read, ${n(f.cellsWritten)} written, largest setValues ${n(f.largestWriteCells)} cells, adapter on the fake ${f.adapterSeconds.toFixed(2)} s`;
  if (!f.ok) return `${head}refused before writing (${moved}): ${f.refused ?? ''}`;
  const { secondsPerCall, secondsPerCell, limitSeconds } = SHEETS_COST;
  const verdict =
    f.projectedSeconds <= limitSeconds
      ? `headroom ${(limitSeconds - f.projectedSeconds).toFixed(0)} s`
      : `over by ${(f.projectedSeconds - limitSeconds).toFixed(0)} s`;
  return (
    `${head}${n(f.checks)} checks, ${moved}, engine ${f.engineSeconds.toFixed(2)} s; projected in Sheets ` +
    `${f.projectedSeconds.toFixed(0)} s of ${limitSeconds} s (calls × ${secondsPerCall} s + cells × ${secondsPerCell * 1e6} µs + engine), ${verdict}`
  );
}

// `npx ts-node --transpile-only bench/sheets-adapter.ts [--large]` prints the line; bench/run.ts asks for `--json <size>`.
if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--json')
    process.stdout.write(`${JSON.stringify(measure(JSON.parse(args[1]) as BenchSize))}\n`);
  else console.log(sheetsLine(measure(args.includes('--large') ? ADAPTER_LARGE : ADAPTER_SIZE)));
}
