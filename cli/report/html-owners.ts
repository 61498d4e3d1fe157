// The HTML report's failing items: a table of contents of fix owners, then one collapsed section per owner.
import { type Result, SEVERITIES } from '../../core';
import { h } from './html-escape';
import { compareCounts, severityCounts, severityRank } from './order';
import { resultRow } from './rows';

interface OwnerGroup {
  owner: string;
  anchor: string;
  items: Result[];
  counts: number[];
}

/** FAIL and ERROR items grouped by fix owner: owners with more Critical first, then High, …, then more items. */
export function ownerGroups(results: Iterable<Result>): OwnerGroup[] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    if (r.status !== 'FAIL' && r.status !== 'ERROR') continue;
    const owner = r.fixOwner || 'Unassigned';
    const list = groups.get(owner);
    if (list) list.push(r);
    else groups.set(owner, [r]);
  }
  return [...groups]
    .map(([owner, items]) => ({
      owner,
      items: [...items].sort(compareItems),
      counts: severityCounts(items.map((r) => r.rule.severity)),
    }))
    .sort(
      (a, b) =>
        compareCounts(a.counts, b.counts) ||
        b.items.length - a.items.length ||
        a.owner.localeCompare(b.owner),
    )
    .map((g, i) => ({ ...g, anchor: `owner-${i + 1}` }));
}

/** Critical first; within a severity, by rule, then by resource. */
function compareItems(a: Result, b: Result): number {
  return (
    severityRank(a.rule.severity) - severityRank(b.rule.severity) ||
    a.rule.id.localeCompare(b.rule.id, 'en') ||
    (a.resource?.id ?? '').localeCompare(b.resource?.id ?? '', 'en')
  );
}

function severityChips(counts: number[]): string {
  return SEVERITIES.map((s, i) => (counts[i] ? `<span class="chip sev-${s}">${counts[i]} ${s}</span>` : ''))
    .filter(Boolean)
    .join(' ');
}

/** The owners' contents and sections, in pieces: a section's rows are yielded one by one, so no piece grows with the run. */
export function* byOwner(results: Iterable<Result>): Generator<string> {
  const groups = ownerGroups(results);
  if (groups.length === 0) {
    yield '<h2>Failing items by fix owner</h2><p class="muted">Nothing is failing.</p>';
    return;
  }
  const toc = groups
    .map(
      (g) =>
        `<li><a href="#${g.anchor}">${h(g.owner)}</a> <span class="muted">(${g.items.length})</span> ${severityChips(g.counts)}</li>`,
    )
    .join('');
  yield (
    '<h2 id="owners">Failing items by fix owner</h2>' +
    '<p class="muted">Each owner’s items, most severe first. Open an owner to see them.</p>' +
    `<nav aria-label="Fix owners"><ul class="toc">${toc}</ul></nav>`
  );
  for (const g of groups) {
    yield (
      `\n<details id="${g.anchor}"><summary><b>${h(g.owner)}</b> <span class="muted">(${g.items.length})</span> ${severityChips(g.counts)}</summary>` +
      `<table><thead><tr><th>Rule</th><th>Severity</th><th>Status</th><th>Resource</th><th>Type</th><th>Message</th><th>Due</th></tr></thead><tbody>`
    );
    for (const r of g.items) yield itemRow(r);
    yield '</tbody></table></details>';
  }
}

function itemRow(r: Result): string {
  const row = resultRow(r);
  const due = row.due ? row.due.slice(0, 10) : '';
  const overdue = row.overdue ? ' <span class="overdue">overdue</span>' : '';
  return (
    `<tr><td class="id">${h(row.ruleId)}</td><td class="id sev-${h(row.severity)}">${h(row.severity)}</td><td class="id">${h(row.status)}</td>` +
    `<td class="res">${breakable(row.resourceId)}</td><td class="id">${h(row.resourceType)}</td><td class="msg">${h(row.message)}</td>` +
    `<td class="id">${h(due)}${overdue}</td></tr>`
  );
}

/** Lets a long ID (an ARN, an e-mail) wrap after its separators rather than in the middle of a word. */
function breakable(id: string): string {
  return h(id).replace(/([:/@.])/g, '$1<wbr>');
}
