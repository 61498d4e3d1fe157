// Problems are data: a code, a severity, a location and params. Messages live in messages.ts.
import { sheetRef } from './a1';
import { MESSAGES, type MessageDef } from './messages';
import type { BareCode, ParamsOf, ProblemCode, ProblemParams, ProblemSeverity } from './problem-params';

export type { ProblemParams, ProblemSeverity } from './problem-params';

/** Where a problem is: 0-based row/column of a sheet; `offset` is a character position inside the cell. */
export interface Location {
  sheet?: string;
  row?: number;
  col?: number;
  offset?: number;
}

export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  location: Location;
  params: ProblemParams;
}

/** A problem as people read it, in every host: `Rules!D7: Unknown operator 'equal'.` */
export interface RenderedProblem {
  code: ProblemCode;
  severity: ProblemSeverity;
  sheet: string;
  cell: string;
  message: string;
  suggestion: string;
}

/** A code that needs no params may leave them out; every other code's params are checked against its own. */
export function problem<C extends BareCode>(code: C, params?: ParamsOf<C>, location?: Location): Problem;
export function problem<C extends ProblemCode>(code: C, params: ParamsOf<C>, location?: Location): Problem;
export function problem(code: ProblemCode, params: ProblemParams = {}, location: Location = {}): Problem {
  return { code, severity: MESSAGES[code].severity, location, params };
}

/** Prefix locations on the way up: a parser knows the offset, the reader adds the sheet and cell. */
export function locate(problems: Problem[], outer: Location): Problem[] {
  return problems.map((p) => ({ ...p, location: { ...outer, ...definedOnly(p.location) } }));
}

function definedOnly(loc: Location): Location {
  const out: Location = {};
  if (loc.sheet !== undefined) out.sheet = loc.sheet;
  if (loc.row !== undefined) out.row = loc.row;
  if (loc.col !== undefined) out.col = loc.col;
  if (loc.offset !== undefined) out.offset = loc.offset;
  return out;
}

// A problem's params were checked against its code when it was made.
const def = (p: Problem): MessageDef => MESSAGES[p.code] as MessageDef;

export function problemMessage(p: Problem): string {
  return def(p).message(p.params);
}

export function problemSuggestion(p: Problem): string {
  return def(p).suggestion?.(p.params) ?? '';
}

export function cellOf(loc: Location): string {
  if (loc.sheet === undefined || loc.row === undefined) return '';
  return sheetRef(loc.sheet, loc.row, loc.col ?? 0).replace(/^.*!/, '');
}

export function renderProblem(p: Problem): RenderedProblem {
  return {
    code: p.code,
    severity: p.severity,
    sheet: p.location.sheet ?? '',
    cell: cellOf(p.location),
    message: problemMessage(p),
    suggestion: problemSuggestion(p),
  };
}

/** `Rules!D7: Unknown operator 'equal'. Did you mean 'equals'?` */
export function formatProblem(p: Problem): string {
  const r = renderProblem(p);
  const where =
    p.location.sheet !== undefined && p.location.row !== undefined
      ? sheetRef(p.location.sheet, p.location.row, p.location.col ?? 0)
      : (p.location.sheet ?? '');
  const text = r.suggestion ? `${r.message} ${r.suggestion}` : r.message;
  return where ? `${where}: ${text}` : text;
}
