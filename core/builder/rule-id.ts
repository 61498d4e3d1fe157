// Suggesting the next Rule ID from those in use: `S3-004` after `S3-003`, `RULE-001` in an empty rulebook, and per
// resource type, the prefix that type's rules already use (`S3-` for aws_s3_bucket, not the rulebook's most used).
import { compileGlob } from '../values/glob';

interface PrefixUse {
  uses: number;
  max: number;
  width: number;
}

const DEFAULT_PREFIX: [string, PrefixUse] = ['RULE-', { uses: 0, max: 0, width: 3 }];

function prefixes(ids: readonly string[]): Map<string, PrefixUse> {
  const byPrefix = new Map<string, PrefixUse>();
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/.exec(id.trim());
    if (!m) continue;
    const entry = byPrefix.get(m[1]) ?? { uses: 0, max: 0, width: m[2].length };
    entry.uses++;
    entry.max = Math.max(entry.max, Number(m[2]));
    entry.width = Math.max(entry.width, m[2].length);
    byPrefix.set(m[1], entry);
  }
  return byPrefix;
}

/** The first id of `prefix` above every number that prefix has anywhere in the rulebook, and not in use. */
function after(prefix: string, width: number, used: readonly string[]): string {
  const taken = new Set(used.map((id) => id.trim().toLowerCase()));
  const max = prefixes(used).get(prefix)?.max ?? 0;
  for (let n = max + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (!taken.has(id.toLowerCase())) return id;
  }
}

function mostUsed(ids: readonly string[]): [string, PrefixUse] | undefined {
  let best: [string, PrefixUse] | undefined;
  for (const e of prefixes(ids)) if (!best || e[1].uses > best[1].uses) best = e;
  return best;
}

/** The id after the highest-numbered id of the most used prefix, keeping its zero padding; never one in use. */
export function nextRuleId(used: readonly string[]): string {
  const [prefix, { width }] = mostUsed(used) ?? DEFAULT_PREFIX;
  return after(prefix, width, used);
}

/** A rule as the suggestion needs it: its id and its Resource Type patterns. */
export interface RuleIdUse {
  id: string;
  resourceTypes: readonly string[];
}

// Provider and platform words that say nothing about what a rule checks: `aws_s3_bucket` → `S3`, `k8s:Pod` → `POD`.
const NOISE = new Set(['aws', 'google', 'azurerm', 'azure', 'gcp', 'k8s', 'kubernetes', 'github']);

/** A prefix made from the type's name when no rule of that type exists yet: `aws_kms_key` → `KMS-`. */
function prefixFromType(type: string): string | undefined {
  const words = type.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const word = words.find((w) => !NOISE.has(w.toLowerCase())) ?? words[0];
  return word ? `${word.slice(0, 8).toUpperCase()}-` : undefined;
}

/**
 * The Rule ID to suggest for a new rule on `type`: the most used prefix of the rules naming that type exactly, else
 * of the rules whose patterns match it (`k8s:*`), else one made from the type's name; numbered after every id of
 * that prefix in the rulebook and never one in use.
 */
export function nextRuleIdForType(rules: readonly RuleIdUse[], type: string): string {
  const ids = rules.map((r) => r.id);
  const wanted = type.trim().toLowerCase();
  if (wanted === '') return nextRuleId(ids);
  const exact = rules.filter((r) => r.resourceTypes.some((p) => p.trim().toLowerCase() === wanted));
  const matching = rules.filter((r) => r.resourceTypes.some((p) => compileGlob(p.trim())(type.trim())));
  const found = mostUsed(exact.map((r) => r.id)) ?? mostUsed(matching.map((r) => r.id));
  if (found) return after(found[0], found[1].width, ids);
  const made = prefixFromType(type);
  if (!made) return nextRuleId(ids);
  const width = prefixes(ids).get(made)?.width ?? 3;
  return after(made, width, ids);
}
