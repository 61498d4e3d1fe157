// The rule language's syntax tree: what the parser returns, the renderer prints and the compiler compiles.
import type { MatchMode } from '../types';
import { INSIDE_FUNCTION_NAMES, type InsideFunctionName } from './functions';
import type { AcrossOperand } from './across';

/** One step of a field path: `a`, `["app.kubernetes.io/name"]`, `[0]` or `[*]`. */
export type Segment = { key: string } | { index: number } | { wildcard: true };

export interface Path {
  /** The path as written, e.g. `podSpec.containers[*].image`. */
  text: string;
  segments: Segment[];
  /** Set when the path starts from somewhere other than the current scope: `resource.x` or `outer.x` (see scopes.ts). */
  from?: PathStart;
}

/** `resource`: the resource itself; `outer`: what the enclosing quantifier is about (its element, or the resource). */
export type PathStart = 'resource' | 'outer';

export type Operand =
  | { kind: 'path'; path: Path }
  /** A literal as written: numbers, TRUE/FALSE, or text (a list operator splits text into items). */
  | { kind: 'literal'; value: string | number | boolean }
  /** `where` (count only): only the elements for which it holds are counted; its paths are relative to each. */
  | { kind: 'call'; name: FunctionName; args: Operand[]; where?: Expr }
  /** `left + right`, `-`, `*`, `/`: numbers, quantities and durations by value. */
  | { kind: 'arithmetic'; op: ArithmeticOp; left: Operand; right: Operand }
  /** lookup(…) and others(…): values of other resources (across.ts). */
  | AcrossOperand;

/** The functions that read other resources (across.ts); here so that messages can name them without the lexer. */
export const ACROSS_NAMES = ['lookup', 'others'] as const;

export type ArithmeticOp = '+' | '-' | '*' | '/';

export type FunctionName = 'first' | 'keys' | 'count' | 'quantity' | InsideFunctionName;
export const FUNCTION_NAMES: readonly FunctionName[] = [
  'first',
  'keys',
  'count',
  'quantity',
  ...INSIDE_FUNCTION_NAMES,
];

export type Expr =
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; item: Expr }
  /** `left op right`; `op` is the operator's canonical name; `right` is absent for operators that take no value. */
  | { kind: 'check'; left: Operand; op: string; right?: Operand; pos?: number }
  /**
   * `all(path, body)`: body's paths are relative to each element of `over`. `entries`: the elements are the
   * key/value pairs of the map at `over`; `where`: only elements for which it holds are judged.
   */
  | {
      kind: 'quantifier';
      quantifier: MatchMode;
      over: Path;
      body: Expr;
      entries?: true;
      where?: Expr;
      pos?: number;
    };
