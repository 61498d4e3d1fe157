// A candidate rule as cells: the Rules columns it fills, and a one-rule Rules grid for previews.
import type { RuleColumn } from '../rulebook/model';
import { RULE_COLUMNS } from '../rulebook/headers';
import type { Grid } from '../types';
import type { RuleCandidate } from './types';

/** The Rules columns a candidate fills, in sheet order; blank texts and the default Match are left out. */
export function candidateCells(c: RuleCandidate): Partial<Record<RuleColumn, string>> {
  const cells: Partial<Record<RuleColumn, string>> = {};
  const put = (key: RuleColumn, value: string | undefined) => {
    const text = (value ?? '').trim();
    if (text !== '') cells[key] = text;
  };
  put('ruleId', c.ruleId);
  put('title', c.title);
  put('resourceType', c.resourceType);
  if (isConditionForm(c)) put('condition', c.condition);
  else {
    put('field', c.field);
    put('operator', c.operator);
    put('expected', c.expected);
    if (c.match && c.match !== 'all') put('match', c.match);
  }
  put('severity', c.severity);
  put('owner', c.owner);
  put('remediation', c.remediation);
  return cells;
}

/** True when the candidate says its check as a Condition: a rule row holds one form, never both. */
export function isConditionForm(c: RuleCandidate): boolean {
  return (c.condition ?? '').trim() !== '';
}

/** A Rules grid holding only the candidate (named like the workbook's Rules sheet), for trying it alone. */
export function candidateGrid(c: RuleCandidate, name = 'Rules'): Grid {
  // A preview runs even before the author has chosen an ID and a title.
  const cells = candidateCells({
    ...c,
    ruleId: c.ruleId.trim() || 'PREVIEW',
    title: c.title.trim() || 'Preview',
  });
  const keys = Object.keys(cells) as RuleColumn[];
  return { name, rows: [keys.map((k) => RULE_COLUMNS[k].header), keys.map((k) => cells[k] ?? null)] };
}
