// One line: the Apps Script adapter on the in-memory fake for 10,000 resources × 200 rules — calls, engine time, headroom.
import { generateWorkbook } from './generate';
import { runValidation } from '../apps-script/run';
import { createFakeAppsScript } from '../testkit/sheets';

/** Assumed cost of one SpreadsheetApp call and of each cell moved in real Sheets (the fake costs neither). */
const SECONDS_PER_CALL = 0.1;
const SECONDS_PER_CELL = 10e-6;
const LIMIT_S = 360;

const size = { rules: 200, resources: 10_000, types: 10, seed: 42 };
const grids = generateWorkbook(size);
const fake = createFakeAppsScript({ timeZone: 'Europe/Berlin' });
for (const grid of grids) fake.addSheet(grid.name, grid.rows);
Object.assign(globalThis, fake.globals);
fake.log.reset();

const outcome = runValidation({ now: new Date('2026-11-28T12:00:00Z') });
if (!outcome.ok) throw new Error(outcome.message);

const cellsRead = grids.reduce((n, g) => n + g.rows.length * Math.max(...g.rows.map((r) => r.length)), 0);
const cellsWritten = outcome.plans.reduce(
  (n, p) =>
    n +
    (p.kind === 'sheet'
      ? p.values.length * p.width
      : p.blocks.reduce((m, b) => m + b.values.length * (b.values[0]?.length ?? 0), 0)),
  0,
);
const calls = fake.log.total;
const engineS = outcome.engineMs / 1000;
const projectedS = engineS + calls * SECONDS_PER_CALL + (cellsRead + cellsWritten) * SECONDS_PER_CELL;
const checks = outcome.run.summary.checks;
console.log(
  `sheets-adapter: ${size.resources} resources × ${size.rules} rules (${checks} checks): ${calls} SpreadsheetApp calls ` +
    `(${fake.log.count('Range.getValues')} getValues, ${fake.log.count('Range.setValues')} setValues), ` +
    `engine ${engineS.toFixed(2)} s, adapter on the fake ${(outcome.elapsedMs / 1000).toFixed(2)} s; ` +
    `projected ${projectedS.toFixed(0)} s of ${LIMIT_S} s (${calls} calls × ${SECONDS_PER_CALL} s + ${cellsRead + cellsWritten} cells × ${SECONDS_PER_CELL * 1e6} µs + engine), ` +
    `headroom ${(LIMIT_S - projectedS).toFixed(0)} s (${Math.round((1 - projectedS / LIMIT_S) * 100)}%)`,
);
