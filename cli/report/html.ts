// The HTML report: one self-contained page (no external scripts, styles or fonts), every value escaped.
import type { Result } from '../../core';
import { passRateHistory } from './history';
import { h, percent } from './html-escape';
import { isoDate, problemRows, resultRow, type Report } from './rows';
import { barChart, lineChart } from './svg';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;max-width:1200px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.muted{color:#656d76}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card.fail b{color:#b42318}.card.pass b{color:#1a7f37}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #d8dee4;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.msg{white-space:pre-wrap;word-break:break-word}
.sev-Critical,.sev-High{color:#b42318;font-weight:600}.sev-Medium{color:#9a6700}
svg text{font-size:12px;fill:#1f2328}svg .track{fill:#eaeef2}svg .good{fill:#2da44e}svg .fair{fill:#d4a72c}svg .poor{fill:#cf222e}
svg .line{fill:none;stroke:#0969da;stroke-width:2}svg circle{fill:#0969da}svg .axis{stroke:#8c959f}svg .grid{stroke:#eaeef2}
`;

export const htmlReport: Report = function* (output, ctx) {
  const s = output.summary;
  const card = (label: string, value: string | number, cls = '') =>
    `<div class="card ${cls}"><b>${h(value)}</b>${h(label)}</div>`;
  const cards = [
    card('pass rate', percent(s.passRate), s.passRate >= 0.9 ? 'pass' : 'fail'),
    card('rules', s.rules),
    card('resources', s.resources),
    card('checks', s.checks),
    card('passing', s.passing, 'pass'),
    card('failing', s.failing, s.failing ? 'fail' : ''),
    card('waived', s.waived),
    card('errors', s.errors, s.errors ? 'fail' : ''),
    card('new failures', s.newFailures),
    card('fixed', s.fixed),
  ].join('');
  const units = s.byBusinessUnit.map((u) => ({ label: u.name || '(none)', rate: u.passRate }));
  yield [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Rulesheet report — ${h(ctx.rulebookPath)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>Rulesheet report</h1><p class="muted">${h(ctx.rulebookPath)} · run at ${h(isoDate(output.runAt))} · rulesheet ${h(ctx.version)}</p>`,
    `<div class="cards">${cards}</div>`,
    '<h2>Pass rate by business unit</h2>',
    barChart(units, 'Pass rate by business unit'),
    '<h2>Pass rate over runs</h2>',
    lineChart(passRateHistory(output), 'Pass rate over runs'),
    topRules(output.summary.topFailingRules),
    '',
  ].join('\n');
  yield* byOwner(output.results);
  yield ['', problems(problemRows(output)), '</body></html>', ''].join('\n');
};

function topRules(rows: { ruleId: string; title: string; severity: string; failing: number }[]): string {
  if (rows.length === 0) return '<h2>Top failing rules</h2><p class="muted">No failing rules.</p>';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${h(r.ruleId)}</td><td>${h(r.title)}</td><td class="sev-${h(r.severity)}">${h(r.severity)}</td><td>${h(r.failing)}</td></tr>`,
    )
    .join('');
  return `<h2>Top failing rules</h2><table><thead><tr><th>Rule</th><th>Title</th><th>Severity</th><th>Failing</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Failing and erroring items, one table per fix owner, owners with the most items first. */
function* byOwner(results: Result[]): Generator<string> {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    if (r.status !== 'FAIL' && r.status !== 'ERROR') continue;
    const owner = r.fixOwner || 'Unassigned';
    // push, not [...list, r]: copying the list for every item is quadratic, minutes at 200k failing items.
    const list = groups.get(owner);
    if (list) list.push(r);
    else groups.set(owner, [r]);
  }
  if (groups.size === 0) {
    yield '<h2>Failing items by fix owner</h2><p class="muted">Nothing is failing.</p>';
    return;
  }
  yield '<h2>Failing items by fix owner</h2>';
  const sections = [...groups.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  for (let i = 0; i < sections.length; i++) {
    const [owner, items] = sections[i];
    if (i > 0) yield '\n';
    yield (
      `<h3>${h(owner)} <span class="muted">(${items.length})</span></h3>` +
      `<table><thead><tr><th>Rule</th><th>Severity</th><th>Status</th><th>Resource</th><th>Type</th><th>Message</th><th>Due</th></tr></thead><tbody>`
    );
    for (const r of items) {
      const row = resultRow(r);
      const due = row.due ? `${row.due.slice(0, 10)}${row.overdue ? ' (overdue)' : ''}` : '';
      yield (
        `<tr><td>${h(row.ruleId)}</td><td class="sev-${h(row.severity)}">${h(row.severity)}</td><td>${h(row.status)}</td>` +
        `<td>${h(row.resourceId)}</td><td>${h(row.resourceType)}</td><td class="msg">${h(row.message)}</td><td>${h(due)}</td></tr>`
      );
    }
    yield '</tbody></table>';
  }
}

function problems(rows: ReturnType<typeof problemRows>): string {
  if (rows.length === 0) return '<h2>Problems</h2><p class="muted">No problems in the rulebook.</p>';
  const body = rows
    .map(
      (p) =>
        `<tr><td>${h(p.sheet && p.cell ? `${p.sheet}!${p.cell}` : p.sheet)}</td><td>${h(p.severity)}</td><td class="msg">${h(p.message)}</td><td>${h(p.suggestion)}</td></tr>`,
    )
    .join('');
  return `<h2>Problems</h2><table><thead><tr><th>Where</th><th>Severity</th><th>Message</th><th>Suggestion</th></tr></thead><tbody>${body}</tbody></table>`;
}
