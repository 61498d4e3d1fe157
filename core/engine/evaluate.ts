// Every compiled rule against every resource of its types, synchronously: PASS, FAIL, ERROR or NOT_APPLICABLE.
import { formatProblem } from '../problems';
import type { EvalContext } from '../operators/types';
import type { Resource } from '../rulebook/model';
import { ROOT } from '../values/resolve';
import type { CompiledRule } from './compile-rule';
import { Finding, type Outcome, type Result } from './result';

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
  return new Finding(compiled.rule, resource, out.status, out);
}

/** A rule that cannot run gives one ERROR result pointing at its first problem, not one per resource. */
function brokenResult(compiled: CompiledRule): Result {
  const first = compiled.problems.find((p) => p.severity === 'error');
  const message = `The rule cannot run: ${first ? formatProblem(first) : 'it has no valid check'}`;
  return new Finding(compiled.rule, undefined, 'ERROR', { status: 'ERROR', message });
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
