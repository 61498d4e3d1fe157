// Whether a waiver's Resource ID can ever apply: it must fit a resource of a type its rule checks.
import { didYouMean } from '../names';
import { compileGlob } from '../values/glob';
import type { Resource, Rule } from './model';

export interface TargetCheck {
  /** true when some resource the rule (or every rule, for `*`) checks fits the Resource ID. */
  found: boolean;
  /** The closest Resource ID among those resources, for a Resource ID written without wildcards. */
  suggestion?: string;
}

/**
 * A checker built once per rulebook: resources are grouped by type, so a waiver costs a lookup per type its
 * rule names, plus a scan of those resources only when its Resource ID is a glob or is not found.
 */
export function waiverTargets(
  rules: readonly Rule[],
  resources: readonly Resource[],
): (ruleId: string, resourceId: string) => TargetCheck {
  const byType = new Map<string, Resource[]>();
  for (const res of resources) {
    const type = res.type.toLowerCase();
    const list = byType.get(type);
    if (list) list.push(res);
    else byType.set(type, [res]);
  }
  const idsOf = new Map<string, Set<string>>();
  const ids = (type: string) => {
    let set = idsOf.get(type);
    if (!set) {
      set = new Set((byType.get(type) ?? []).map((r) => r.id.toLowerCase()));
      idsOf.set(type, set);
    }
    return set;
  };
  const typesOf = (ruleId: string): string[] => {
    if (ruleId === '*') return [...byType.keys()];
    const patterns = rules
      .filter((r) => r.id.toLowerCase() === ruleId.toLowerCase())
      .flatMap((r) => r.resourceTypes);
    const tests = patterns.map(compileGlob);
    return [...byType.keys()].filter((t) => tests.some((test) => test(t)));
  };

  return (ruleId, resourceId) => {
    const types = typesOf(ruleId.trim());
    const wanted = resourceId.trim();
    const isGlob = /[*?]/.test(wanted);
    if (!isGlob && types.some((t) => ids(t).has(wanted.toLowerCase()))) return { found: true };
    if (isGlob) {
      const fits = compileGlob(wanted);
      if (types.some((t) => (byType.get(t) ?? []).some((r) => fits(r.id)))) return { found: true };
      return { found: false };
    }
    const candidates = types.flatMap((t) => (byType.get(t) ?? []).map((r) => r.id));
    return { found: false, suggestion: didYouMean(wanted, candidates) };
  };
}
