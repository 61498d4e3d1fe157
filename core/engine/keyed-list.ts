// Expected as another sheet's column filtered by a value of the resource: 'Priorities'!Class where Namespace = Namespace.
import type { Operand } from '../lang/ast';
import { parseExpression } from '../lang/parser';
import { normalizeName } from '../names';
import type { OperatorSpec } from '../operators/types';
import { problem, type Problem } from '../problems';
import type { Grid, Value } from '../types';
import { cellText } from '../values/cells';
import { displayValue } from '../values/display';
import type { Judge } from './checks';
import { expectation, Missing, Mismatch, PASS, plainValue, Unjudged, unreadable } from './explain';
import { cellToValue, parseSheetRef, readSheetColumn } from './expected';
import { compileOperand, type OperandFn } from './operands';
import { Unreadable } from './resolve';
import { joinKey } from './run-index';

const KEYED = /^(.+?!.+?)\s+where\s+(.+)$/is;

export interface KeyedList {
  judge: (field: string) => Judge;
  problems: Problem[];
  /** How Expected reads, for the Expected column. */
  text: string;
}

/**
 * Expected text that names a column of another sheet and a where clause; undefined for any other text. The
 * sheet is read once, when the rule is compiled, into items by key; each resource finds its own items.
 */
export function keyedList(
  op: OperatorSpec,
  raw: unknown,
  grids: Map<string, Grid>,
): KeyedList | { problems: Problem[] } | undefined {
  if (op.expected !== 'list' || typeof raw !== 'string') return undefined;
  const m = KEYED.exec(raw.trim());
  const ref = m && parseSheetRef(m[1]);
  if (!m || !ref) return undefined;
  const values = readSheetColumn(ref, grids);
  if (!values.values) return { problems: values.problems };
  const parsed = parseExpression(m[2]);
  const bad = (detail: string) => ({ problems: [problem('invalid_lookup', { detail })] });
  if (!parsed.value) return { problems: parsed.problems };
  const checks = parsed.value.kind === 'and' ? parsed.value.items : [parsed.value];
  const keys: { column: number; value: Extract<OperandFn, { many: false }>; name: string }[] = [];
  const grid = grids.get(normalizeName(ref.sheet)) as Grid;
  const header = (grid.rows[0] ?? []).map((h) => normalizeName(cellText(h)));
  for (const c of checks) {
    if (c.kind !== 'check' || c.op !== 'equals' || c.left.kind !== 'path' || c.right === undefined)
      return bad(`after "where" write column = value (joined with and), as in where Namespace = Namespace`);
    const seg = c.left.path.segments;
    const name = seg.length === 1 && 'key' in seg[0] ? seg[0].key : c.left.path.text;
    const column = header.indexOf(normalizeName(name));
    if (column < 0) {
      const found = readSheetColumn({ sheet: ref.sheet, column: name }, grids);
      return { problems: found.problems };
    }
    const value = compileOperand(c.right as Operand);
    if (value.many)
      return bad(`${value.text} gives one value per element; a sheet is looked up by one value`);
    keys.push({ column, value, name });
  }
  const itemCol = header.indexOf(normalizeName(ref.column));
  // Items by the key of their row's key cells; a row with a blank key cell is found by nothing.
  const byKey = new Map<string, Value[]>();
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const item = cellToValue(row[itemCol] ?? null);
    if (item === undefined) continue;
    let key = '';
    for (const k of keys) {
      const part = joinKey(cellToValue(row[k.column] ?? null));
      if (part === undefined) {
        key = '';
        break;
      }
      key += `\u0000${part}`;
    }
    if (key === '') continue;
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  const refText = `'${grid.name}'!${ref.column}`;
  const text = `${refText} where ${keys.map((k) => `${k.name} = ${k.value.text}`).join(' and ')}`;
  const prepared = new Map<string, unknown>();
  const passOnMissing = op.onMissing === 'pass';
  const judge =
    (field: string): Judge =>
    (v, res, scope, ctx) => {
      let key: string | undefined = '';
      const got: Value[] = [];
      for (const k of keys) {
        const one = k.value.one(res, scope, ctx);
        if (one instanceof Unreadable) return unreadable(k.value.text, one.cell, one.reason);
        got.push(one);
        const part = joinKey(one);
        key = part === undefined || key === undefined ? undefined : `${key}\u0000${part}`;
      }
      const items = key === undefined ? undefined : byKey.get(key);
      // What the row was looked up by, as shown in a message: made only for a result that is not a PASS.
      const shown = () => got.map((g) => (g === undefined ? 'missing' : displayValue(g)));
      const exp = () =>
        expectation(
          op,
          [],
          `${refText} where ${keys.map((k, i) => `${k.name} = ${shown()[i]}`).join(' and ')}`,
        );
      if (items === undefined) {
        const said = shown();
        return {
          status: 'FAIL',
          field,
          expected: exp().plain,
          actual: plainValue(v),
          message: `${refText} has no rows where ${keys.map((k, i) => `${k.name} is ${said[i]}`).join(' and ')}`,
        };
      }
      if (v === undefined) return passOnMissing ? PASS : new Missing(field, exp());
      const found = key as string;
      let ready = prepared.get(found);
      if (ready === undefined) {
        ready = op.prepare(items).value;
        prepared.set(found, ready);
      }
      const verdict = op.test(v, ready, ctx);
      if (verdict === true) return PASS;
      if (typeof verdict === 'object') return new Unjudged(field, v, exp(), verdict.error);
      return new Mismatch(field, v, exp(), verdict === false ? undefined : verdict);
    };
  return { judge, problems: [], text };
}
