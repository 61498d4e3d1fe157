// The operator table: every operator of the rule language, looked up by name, alias or symbol.
import type { OperatorSpec } from './types';
import { OPERATOR_LIST } from './table';

export type { OperatorSpec, Verdict, EvalContext, ExpectedKind } from './types';

export const OPERATORS: readonly OperatorSpec[] = OPERATOR_LIST;

const byWord = new Map<string, OperatorSpec>();
for (const op of OPERATORS) {
  for (const word of [op.name, ...op.aliases, ...op.symbols]) byWord.set(normalizeOperatorWord(word), op);
}

/** Lower-case, single spaces: `Does  Not Equal` → `does not equal`. */
export function normalizeOperatorWord(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The operator a name, alias or symbol names, case-insensitively. */
export function lookupOperator(text: string): OperatorSpec | undefined {
  return byWord.get(normalizeOperatorWord(text));
}

/** Every word and symbol that names an operator, longest first (for the expression lexer). */
export const OPERATOR_WORDS: readonly string[] = [...byWord.keys()].sort((a, b) => b.length - a.length);

/** Canonical names, for the Operator dropdown and "did you mean". */
export const OPERATOR_NAMES: readonly string[] = OPERATORS.map((op) => op.name);
