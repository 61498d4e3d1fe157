// Paths a Resources column answers although the Document holds the same name (`type` on a Secret): a warning.
import type { Path } from '../lang/ast';
import { displayValue } from '../values/display';
import { valuesEqual } from '../values/coerce';
import { locate, problem } from '../problems';
import type { Resource, ResourceSheet, RulesSheet } from '../rulebook/model';
import type { CompiledRule } from './compile-rule';
import { pathsOf } from './coverage';
import { compilePath, ROOT, Unreadable } from './resolve';

/** How many resources of a sheet are looked at per path: an importer's column shadows alike on every row. */
const SAMPLE = 200;

/**
 * Adds a `shadowed_field` warning to each enabled, runnable rule for each row path whose first name is a column
 * (not the Document) while the Document of some resource also has it, with a different value: the engine reads
 * the column, as the language says, and the author most likely meant the Document (`type` reads the importer's
 * `Type`, k8s:Secret, not the Secret's `type`, Opaque).
 */
export function reportShadowedFields(
  compiled: CompiledRule[],
  resources: readonly Resource[],
  rulesSheet: RulesSheet | undefined,
): void {
  // By sheet, then by type, so a rule's types are matched once per type, not once per resource.
  const bySheet = new Map<ResourceSheet, Map<string, Resource[]>>();
  for (const res of resources) {
    if (res.sheet.documentCol === undefined) continue;
    let byType = bySheet.get(res.sheet);
    if (!byType) bySheet.set(res.sheet, (byType = new Map()));
    const list = byType.get(res.type);
    if (list) list.push(res);
    else byType.set(res.type, [res]);
  }
  if (bySheet.size === 0) return;
  for (const c of compiled) {
    if (!c.rule.enabled || c.broken) continue;
    for (const { column, paths } of pathsOf(c)) {
      const seen = new Set<string>();
      for (const path of paths) {
        const key = path.text.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const found = shadowing(path, bySheet, c);
        if (!found) continue;
        const where = { sheet: rulesSheet?.name, row: c.rule.row, col: rulesSheet?.columns[column] };
        for (const p of locate([problem('shadowed_field', found)], where)) c.problems.push(p);
      }
    }
  }
}

function shadowing(
  path: Path,
  bySheet: Map<ResourceSheet, Map<string, Resource[]>>,
  c: CompiledRule,
): { path: string; column: string; value: string; documentValue: string; suggestion: string } | undefined {
  const first = path.segments[0];
  if (first === undefined || !('key' in first)) return undefined;
  for (const [sheet, byType] of bySheet) {
    const col = sheet.columnByName.get(first.key.toLowerCase());
    if (col === undefined || col === sheet.documentCol) continue;
    const documentHeader = sheet.headers[sheet.documentCol as number];
    const inDocument: Path = {
      text: `${documentHeader}.${path.text}`,
      segments: [{ key: documentHeader }, ...path.segments],
    };
    const asWritten = compilePath(path);
    const fromDocument = compilePath(inDocument);
    let looked = 0;
    const list = [...byType]
      .filter(([type]) => c.matchesType(type))
      .flatMap(([, held]) => held.slice(0, SAMPLE));
    for (const res of list) {
      if (++looked > SAMPLE) break;
      // one() gives a path with [*] as the list of its values, which is what is compared here.
      const doc = fromDocument.one(res, ROOT);
      if (doc === undefined || doc instanceof Unreadable) continue;
      const got = asWritten.one(res, ROOT);
      if (got instanceof Unreadable || valuesEqual(doc, got)) continue;
      return {
        path: path.text,
        column: sheet.headers[col],
        value: displayValue(got),
        documentValue: displayValue(doc),
        suggestion: inDocument.text,
      };
    }
  }
  return undefined;
}
