// Benchmark of the Excel adapter on the fake workbook: 10,000 resources × 200 rules read, validated and written back.
import { validateWorkbook } from '../addin/excel/validate';
import { createFakeExcel, FakeWorkbook } from '../testkit/excel';
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
  seconds: number;
}

export const ADAPTER_SIZE: BenchSize = { rules: 200, resources: 10_000, types: 10, seed: 42 };

export async function benchExcelAdapter(size: BenchSize = ADAPTER_SIZE): Promise<AdapterFigures> {
  const book = new FakeWorkbook();
  for (const grid of generateWorkbook(size)) book.seed(grid.name, grid.rows);
  const started = process.hrtime.bigint();
  const run = await createFakeExcel(book).run((ctx) =>
    validateWorkbook(ctx, new Date('2026-03-01T09:00:00Z')),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = book.requests.filter((r) => !r.failed);
  return {
    rules: size.rules,
    resources: size.resources,
    checks: run.output.summary.checks,
    // The header is row 0, so the last used row's index is the number of data rows.
    resultRows: book.sheet('Results')?.usedBox(true)?.r1 ?? 0,
    syncs: book.syncs,
    refused: book.requests.length - ok.length,
    largestRequestBytes: Math.max(...ok.map((r) => r.requestBytes)),
    largestResponseBytes: Math.max(...ok.map((r) => r.responseBytes)),
    seconds,
  };
}

export function adapterLine(f: AdapterFigures): string {
  const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;
  return (
    `excel adapter (fake workbook): ${f.resources.toLocaleString('en-US')} resources × ${f.rules} rules, ` +
    `${f.checks.toLocaleString('en-US')} checks, ${f.resultRows.toLocaleString('en-US')} Results rows: ` +
    `${f.syncs} sync() calls, largest request ${f.largestRequestBytes.toLocaleString('en-US')} bytes (${mb(f.largestRequestBytes)}), ` +
    `largest response ${mb(f.largestResponseBytes)}, refused requests ${f.refused}, ${f.seconds.toFixed(2)} s`
  );
}

if (require.main === module) {
  benchExcelAdapter().then(
    (f) => console.log(process.argv.includes('--json') ? JSON.stringify(f) : adapterLine(f)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
