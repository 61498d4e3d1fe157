// Who must fix a failure: the resource's Owner, else its business unit's default owner, else the rule's Owner.
import type { OwnerRow, Resource, Rule } from '../rulebook/model';

export const UNASSIGNED = 'Unassigned';

export type FixOwnerOf = (rule: Rule, resource: Resource | undefined) => string;

export function fixOwnerRouter(owners: OwnerRow[]): FixOwnerOf {
  const defaults = new Map<string, string>();
  for (const o of owners) {
    const bu = o.businessUnit.trim().toLowerCase();
    if (o.defaultForBusinessUnit && bu !== '' && o.owner.trim() !== '' && !defaults.has(bu))
      defaults.set(bu, o.owner.trim());
  }
  return (rule, resource) => {
    if (resource) {
      if (resource.owner.trim() !== '') return resource.owner.trim();
      const byUnit = defaults.get(resource.businessUnit.trim().toLowerCase());
      if (byUnit) return byUnit;
    }
    return rule.owner.trim() !== '' ? rule.owner.trim() : UNASSIGNED;
  };
}
