// The builder's Condition box, checked as the person types: the parser's problems with their place, and Reads As.
import { parseExpression } from '../lang/parser';
import { renderExpression } from '../lang/render';
import { renderProblem } from '../problems';
import type { ConditionCheck } from './types';

/** Parses a condition without running it; never throws. Blank text has no problems and no Reads As yet. */
export function checkCondition(text: string): ConditionCheck {
  if (text.trim() === '') return { readsAs: '', problems: [] };
  const parsed = parseExpression(text);
  const problems = parsed.problems.map((p) => {
    const offset = Math.min(Math.max(p.location.offset ?? 0, 0), text.length);
    const before = text.slice(0, offset).split('\n');
    const r = renderProblem(p);
    return {
      code: r.code,
      severity: r.severity,
      message: r.message,
      suggestion: r.suggestion,
      offset,
      line: before.length,
      column: before[before.length - 1].length + 1,
    };
  });
  return { readsAs: parsed.value ? renderExpression(parsed.value) : '', problems };
}
