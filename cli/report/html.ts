// The HTML report: one self-contained page (no external scripts, styles or fonts), every value escaped.
import { passRateHistory } from './history';
import { h, percent } from './html-escape';
import { byOwner } from './html-owners';
import { failingRules, type FailingRule } from './order';
import { isoDate, problemRows, type Report } from './rows';
import { barChart, lineChart } from './svg';
import { zonedTime } from './zoned-time';

/** How many failing rules the page lists before counting the rest. */
const TOP_RULES = 10;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.muted{color:#656d76}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}.card.fail b{color:#b42318}.card.pass b{color:#1a7f37}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #d8dee4;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.msg{white-space:pre-wrap;overflow-wrap:anywhere;min-width:24ch}
td.id{white-space:nowrap}td.res{overflow-wrap:break-word;min-width:16ch}
.overdue{color:#b42318;font-size:12px}.chip{font-size:12px;white-space:nowrap}
ul.toc{display:grid;grid-template-columns:repeat(auto-fill,minmax(24em,1fr));gap:2px 24px;padding-left:20px;margin:6px 0 12px}
details{border:1px solid #d0d7de;border-radius:8px;margin:8px 0;padding:0 12px}details[open]{padding-bottom:8px}
summary{cursor:pointer;padding:8px 0;font-size:15px}
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
    `<h1>Rulesheet report</h1><p class="muted">${h(ctx.rulebookPath)} · run at ` +
      `<time datetime="${h(isoDate(output.runAt))}">${h(zonedTime(output.runAt, output.rulebook.settings.timeZone))}</time>` +
      ` · rulesheet ${h(ctx.version)}</p>`,
    `<div class="cards">${cards}</div>`,
    '<h2>Pass rate by business unit</h2>',
    barChart(units, 'Pass rate by business unit'),
    '<h2>Pass rate over runs</h2>',
    lineChart(passRateHistory(output), 'Pass rate over runs'),
    topRules(failingRules(output.results.open())),
    '',
  ].join('\n');
  yield* byOwner(output.results.open());
  yield ['', problems(problemRows(output)), '</body></html>', ''].join('\n');
};

/** The failing rules, Critical first and then the most failing, with the rest counted. */
function topRules(all: FailingRule[]): string {
  if (all.length === 0) return '<h2>Top failing rules</h2><p class="muted">No failing rules.</p>';
  const body = all
    .slice(0, TOP_RULES)
    .map(
      (r) =>
        `<tr><td class="id">${h(r.ruleId)}</td><td>${h(r.title)}</td><td class="id sev-${h(r.severity)}">${h(r.severity)}</td><td>${h(r.failing)}</td></tr>`,
    )
    .join('');
  const more =
    all.length > TOP_RULES
      ? `<p class="muted">${all.length - TOP_RULES} more failing rules are listed by owner below.</p>`
      : '';
  return `<h2>Top failing rules</h2><table><thead><tr><th>Rule</th><th>Title</th><th>Severity</th><th>Failing</th></tr></thead><tbody>${body}</tbody></table>${more}`;
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
