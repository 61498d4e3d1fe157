// Rule packs: ready-made rules a rulebook can start from, listed and merged into a Rules sheet.
import type { Cell } from '../types';
import { didYouMean } from '../names';
import { RULE_PACKS } from './data';
import { applyPackMerge, mergeRulePack } from './merge';
import type { RulePackData, RulePackInfo } from './types';

export type { RulePackData, RulePackInfo } from './types';
export { mergeRulePack, applyPackMerge, DEFINITION_COLUMNS } from './merge';
export type { PackMerge, RuleUpdate, CellWrite } from './merge';

/** Every pack, in name order, with its number of rules. */
export function listRulePacks(): RulePackInfo[] {
  return RULE_PACKS.map((p) => ({
    name: p.name,
    title: p.title,
    description: p.description,
    ruleCount: p.rules.length - 1,
  }));
}

/** A pack by name (case-insensitive), or undefined. */
export function rulePack(name: string): RulePackData | undefined {
  const wanted = name.trim().toLowerCase();
  return RULE_PACKS.find((p) => p.name === wanted);
}

/** A pack's Rules rows, header first, as a fresh copy a host may write; undefined for an unknown name. */
export function rulePackRows(name: string): string[][] | undefined {
  return rulePack(name)?.rules.map((r) => [...r]);
}

/** `Unknown rule pack 'kubernetes'. Did you mean 'kubernetes-workloads'? Packs: aws-foundations, …` */
export function unknownPackMessage(name: string): string {
  const names = RULE_PACKS.map((p) => p.name);
  const guesses = packGuesses(name, names);
  const hint = guesses.length ? ` Did you mean ${guesses.map((g) => `'${g}'`).join(' or ')}?` : '';
  return `Unknown rule pack '${name}'.${hint} Packs: ${names.join(', ')}.`;
}

/** Pack names a typed name is the start of (`kubernetes`, `aws`), else the nearest by spelling. */
function packGuesses(name: string, names: readonly string[]): string[] {
  const needle = name.trim().toLowerCase();
  if (!needle) return [];
  const prefixed = names.filter((n) => n.toLowerCase().startsWith(needle));
  if (prefixed.length) return prefixed;
  const near = didYouMean(needle, names);
  return near ? [near] : [];
}

/**
 * The Rules rows of a new or existing rulebook with packs merged in, in order (for `rulesheet init --pack`):
 * new rules appended, known Rule IDs left alone unless `update`. Unknown names are returned, not thrown.
 */
export function withRulePacks(
  rulesRows: Cell[][],
  names: readonly string[],
  options: { update: boolean } = { update: false },
): { rows: Cell[][]; added: number; updated: number; skipped: string[]; unknown: string[] } {
  let grid = { name: 'Rules', rows: rulesRows };
  const out = { added: 0, updated: 0, skipped: [] as string[], unknown: [] as string[] };
  for (const name of names) {
    const pack = rulePack(name);
    if (!pack) {
      out.unknown.push(name);
      continue;
    }
    const merge = mergeRulePack(grid, pack, options);
    grid = applyPackMerge(grid, merge);
    out.added += merge.append.length;
    out.updated += merge.update.length;
    for (const s of merge.skipped) out.skipped.push(s);
  }
  return { rows: grid.rows, ...out };
}
