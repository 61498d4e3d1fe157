// Every compiled rule against every resource of its types, synchronously: PASS, FAIL, ERROR or NOT_APPLICABLE.
import { formatProblem } from '../problems';
import type { EvalContext } from '../operators/types';
import type { Resource } from '../rulebook/model';
import { ROOT } from '../values/resolve';
import type { CompiledRule } from './compile-rule';
import type { Outcome, Result } from './result';

export function evaluate(rules: CompiledRule[], resources: Resource[], ctx: EvalContext): Result[] {
  const byType = groupByType(resources);
  const results: Result[] = [];
  for (const compiled of rules) {
    const { rule } = compiled;
    if (!rule.enabled) continue;
    if (compiled.broken || !compiled.check) {
      results.push(brokenResult(compiled));
      continue;
    }
    const check = compiled.check;
    const scoped = compiled.businessUnits.size > 0;
    for (const [type, group] of byType) {
      if (!compiled.matchesType(type)) continue;
      for (const resource of group) {
        if (scoped && !compiled.businessUnits.has(resource.businessUnit.toLowerCase())) {
          results.push({ rule, resource, status: 'NOT_APPLICABLE' });
          continue;
        }
        if (compiled.appliesWhen) {
          const scope = compiled.appliesWhen(resource, ROOT, ctx);
          if (scope.status === 'FAIL') {
            results.push({ rule, resource, status: 'NOT_APPLICABLE' });
            continue;
          }
          if (scope.status === 'ERROR') {
            results.push(withOutcome(compiled, resource, scope));
            continue;
          }
        }
        const out = check(resource, ROOT, ctx);
        results.push(out.status === 'PASS' ? { rule, resource, status: 'PASS' } : withOutcome(compiled, resource, out));
      }
    }
  }
  return results;
}

function withOutcome(compiled: CompiledRule, resource: Resource, out: Outcome): Result {
  return {
    rule: compiled.rule,
    resource,
    status: out.status,
    field: out.field ?? '',
    expected: out.expected ?? '',
    actual: out.actual ?? '',
    message: out.message ?? '',
  };
}

/** A rule that cannot run gives one ERROR result pointing at its first problem, not one per resource. */
function brokenResult(compiled: CompiledRule): Result {
  const first = compiled.problems.find((p) => p.severity === 'error');
  return {
    rule: compiled.rule,
    status: 'ERROR',
    field: '',
    expected: '',
    actual: '',
    message: `The rule cannot run: ${first ? formatProblem(first) : 'it has no valid check'}`,
  };
}

/** Resources grouped by type, in first-seen order; a type's rules are matched once per type, not per resource. */
function groupByType(resources: Resource[]): Map<string, Resource[]> {
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    let group = byType.get(r.type);
    if (!group) byType.set(r.type, (group = []));
    group.push(r);
  }
  return byType;
}
