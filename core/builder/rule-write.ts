// Add rule: the planned rule row as a cells patch into the Rules sheet (with its header when the sheet is new).
import { a1 } from '../a1';
import type { RenderedProblem } from '../problems';
import type { Grid } from '../types';
import type { HostPatch } from '../output/patch';
import { planRuleRow } from './rule-row';
import type { RuleCandidate } from './types';
import { refusalText, type SheetWrite } from './write';

export interface RuleWrite extends SheetWrite {
  ruleId: string;
  sheet: string;
  /** A1 cell of the new row's first column. */
  cell: string;
  /** Everything planRuleRow found; errors among them refuse the write. */
  problems: RenderedProblem[];
}

/** The patches that add a candidate rule, or a refusal naming the errors (a blank required cell, a Rule ID in use…). */
export function planRuleWrite(grids: Grid[], candidate: RuleCandidate): RuleWrite {
  const plan = planRuleRow(grids, candidate);
  const out = { ruleId: candidate.ruleId, sheet: plan.sheet, cell: a1(plan.row, 0), problems: plan.problems };
  const errors = plan.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ...out, patches: [], refusal: refusalText(errors) };
  // Null cells are the user's: a host writes only the planned ones.
  const rows = plan.header ? [plan.header, plan.cells] : [plan.cells];
  const row = plan.header ? 0 : plan.row;
  const patches: HostPatch[] = [{ kind: 'cells', sheet: plan.sheet, row, col: 0, rows, create: true }];
  // A column the sheet lacked (Condition) gets its header in row 0, through the same cells patch every host applies.
  for (const h of plan.newHeaders ?? [])
    patches.push({ kind: 'cells', sheet: plan.sheet, row: 0, col: h.col, rows: [[h.header]] });
  return { ...out, patches };
}
