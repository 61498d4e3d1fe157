// A Field cell that holds a function of a path (`tag(podSpec.containers[*].image)`), read as the expression form reads it.
import { problem, type Problem } from '../problems';
import { FUNCTION_NAMES, type Operand } from './ast';
import { parseExpression } from './parser';

// A known function's name, then "(": anything else in Field is a path.
const CALL_START = /^\s*([\p{L}_$][\p{L}\p{N}_$]*)\s*\(/u;

/** True when the Field cell starts with a function call rather than a path. */
export function isFieldCall(text: string): boolean {
  const name = CALL_START.exec(text)?.[1]?.toLowerCase();
  return name !== undefined && (FUNCTION_NAMES as readonly string[]).includes(name);
}

/** The call in a Field cell, with problems positioned in the cell. Never throws. */
export function parseFieldCall(text: string): { value?: Operand; problems: Problem[] } {
  // Read as the condition `<field> exists`, whose left side is exactly what the cell holds.
  const parsed = parseExpression(`${text} exists`);
  const end = text.trimEnd().length;
  const first = parsed.problems[0];
  if (first !== undefined) {
    if ((first.location.offset ?? 0) < end) return { problems: [first] };
    // What broke is past the cell's text: the call is not closed, or something follows it.
    const detail =
      'Field holds one function call, such as tag(image): close it with ")" and write nothing after it';
    return {
      problems: [
        problem(
          'expression_syntax',
          { position: [...text.slice(0, end)].length + 1, detail },
          { offset: end },
        ),
      ],
    };
  }
  const v = parsed.value;
  if (v?.kind === 'check' && v.op === 'exists' && v.right === undefined && v.left.kind === 'call')
    return { value: v.left, problems: [] };
  const reason = 'Field holds one field path, or one function of one such as tag(image)';
  return { problems: [problem('invalid_path', { path: text.trim(), reason }, { offset: 0 })] };
}
