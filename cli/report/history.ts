// Pass rate over runs for the HTML report: the previous Run History rows plus this run's, business unit `All`.
import { type Cell, cellDate, cellText, normalizeName, type RunOutput } from '../../core';
import type { Point } from './svg';

export function passRateHistory(output: RunOutput): Point[] {
  const points: Point[] = [];
  const [header, ...rows] = output.rulebook.previousHistory;
  if (header) {
    const col = (name: string) => header.findIndex((c) => normalizeName(cellText(c)) === normalizeName(name));
    const runAt = col('Run At');
    const unit = col('Business Unit');
    const rate = col('Pass Rate');
    for (const row of rows) {
      if (rate < 0 || (unit >= 0 && cellText(row[unit]).toLowerCase() !== 'all')) continue;
      const value = rateOf(row[rate]);
      if (value === undefined) continue;
      const when = runAt >= 0 ? cellDate(row[runAt]) : undefined;
      points.push({
        label: when ? when.toISOString().slice(0, 10) : cellText(row[runAt] ?? null),
        rate: value,
      });
    }
  }
  for (const h of output.history) {
    if (h.businessUnit.toLowerCase() === 'all')
      points.push({ label: h.runAt.toISOString().slice(0, 10), rate: h.passRate });
  }
  return points;
}

/** A pass rate cell: 0.85, 85 or "85%". */
function rateOf(cell: Cell | undefined): number | undefined {
  const text = cellText(cell ?? null);
  if (text === '') return undefined;
  const n = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(n)) return undefined;
  return text.endsWith('%') || n > 1 ? n / 100 : n;
}
