// A FAIL on a lookup that found nothing says what it looked for, with this resource's values.
import type { Expr } from '../lang/ast';
import { lookupMissingReason } from './across';
import type { Check } from './checks';
import { compileOperand } from './operands';

/** `check` as it is, or, when a side of the check is a single lookup, with the reason a FAIL's lookup was missing. */
export function explainLookups(node: Extract<Expr, { kind: 'check' }>, check: Check): Check {
  const reasons = [node.left, node.right].flatMap((o) =>
    o?.kind === 'lookup' ? [lookupMissingReason(o, compileOperand)].filter((r) => r !== undefined) : [],
  );
  if (reasons.length === 0) return check;
  return (res, scope, ctx) => {
    const out = check(res, scope, ctx);
    if (out.status !== 'FAIL') return out;
    const why = reasons.map((r) => r(res, scope, ctx)).filter((w): w is string => w !== undefined);
    if (why.length === 0) return out;
    return {
      status: 'FAIL',
      field: out.field,
      expected: out.expected,
      actual: out.actual,
      message: `${out.message} (${why.join('; ')})`,
    };
  };
}
