// The rule language's syntax tree: what the parser returns, the renderer prints and the compiler compiles.
import type { MatchMode } from '../types';
import type { AcrossOperand } from './across';

/** One step of a field path: `a`, `["app.kubernetes.io/name"]`, `[0]` or `[*]`. */
export type Segment = { key: string } | { index: number } | { wildcard: true };

export interface Path {
  /** The path as written, e.g. `podSpec.containers[*].image`. */
  text: string;
  segments: Segment[];
}

export type Operand =
  | { kind: 'path'; path: Path }
  /** A literal as written: numbers, TRUE/FALSE, or text (a list operator splits text into items). */
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'call'; name: FunctionName; args: Operand[] }
  /** lookup(…) and others(…): values of other resources (across.ts). */
  | AcrossOperand;

export type FunctionName = 'first' | 'keys' | 'count';
export const FUNCTION_NAMES: readonly FunctionName[] = ['first', 'keys', 'count'];

export type Expr =
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; item: Expr }
  /** `left op right`; `op` is the operator's canonical name; `right` is absent for operators that take no value. */
  | { kind: 'check'; left: Operand; op: string; right?: Operand; pos?: number }
  /** `all(path, body)`: body's paths are relative to each element of `over`. */
  | { kind: 'quantifier'; quantifier: MatchMode; over: Path; body: Expr; pos?: number };
