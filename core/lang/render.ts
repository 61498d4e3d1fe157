// Canonical text of an expression, read back by the parser to the same tree; the sheet shows it as `Reads As`.
import { lookupOperator } from '../operators';
import { renderAcross } from './across';
import type { Expr, Operand, Path } from './ast';
import { matchOperator, readToken } from './lexer';
import { PATH_STARTS } from './functions';
import { isPlainName, pathText } from './path';

// Written bare these are keywords or literals, so a field with such a name is bracketed.
const RESERVED = new Set(['and', 'or', 'not', 'true', 'false']);

type Context = 'top' | 'or' | 'and' | 'not';

export function renderExpression(expr: Expr): string {
  return render(expr, 'top');
}

function render(expr: Expr, context: Context): string {
  switch (expr.kind) {
    case 'or': {
      if (expr.items.length === 1) return render(expr.items[0], context);
      const text = expr.items.map((item) => render(item, 'or')).join(' or ');
      return context === 'and' || context === 'not' ? `(${text})` : text;
    }
    case 'and': {
      if (expr.items.length === 1) return render(expr.items[0], context);
      const text = expr.items.map((item) => render(item, 'and')).join(' and ');
      return context === 'not' ? `(${text})` : text;
    }
    case 'not':
      return `not ${render(expr.item, 'not')}`;
    case 'check': {
      const text = renderCheck(expr);
      // `not (acl is one of "…")` reads as negating the whole check, not just its field.
      return context === 'not' ? `(${text})` : text;
    }
    case 'quantifier': {
      const over = expr.entries ? `entries(${renderPath(expr.over)})` : renderPath(expr.over);
      return `${expr.quantifier}(${over}${renderWhere(expr.where)}, ${render(expr.body, 'top')})`;
    }
  }
}

function renderCheck(check: Extract<Expr, { kind: 'check' }>): string {
  const head = `${renderOperand(check.left)} ${check.op}`;
  if (check.right === undefined) return head;
  let right = renderOperand(check.right);
  // `matches regex` is an operator of its own, so a field named `regex` after `matches` is bracketed.
  const glued = matchOperator(`${check.op} ${right}`, 0);
  if (glued !== undefined && glued.end > check.op.length) right = renderOperand(check.right, true);
  const unit = lookupOperator(check.op)?.expected === 'days' ? ' days' : '';
  return `${head} ${right}${unit}`;
}

// How tightly each sign binds: * and / before + and -.
const BINDS = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/** An operand as written; `bracketLead` brackets the name it starts with, when it starts with one. */
export function renderOperand(operand: Operand, bracketLead = false): string {
  switch (operand.kind) {
    case 'path': {
      const text = renderPath(operand.path);
      return bracketLead ? bracketFirst(operand.path, text) : text;
    }
    case 'arithmetic': {
      // Left to right: a right side of the same strength keeps its parentheses, `a - (b - c)`.
      const binds = BINDS[operand.op];
      const { left, right } = operand;
      const l =
        left.kind === 'arithmetic' && BINDS[left.op] < binds
          ? `(${renderOperand(left)})`
          : renderOperand(left, bracketLead);
      const r =
        right.kind === 'arithmetic' && BINDS[right.op] <= binds
          ? `(${renderOperand(right)})`
          : renderOperand(right);
      return `${l} ${operand.op} ${r}`;
    }
    case 'call':
      return `${operand.name}(${operand.args.map((a) => renderOperand(a)).join(', ')}${renderWhere(operand.where)})`;
    case 'lookup':
    case 'others':
      return renderAcross(operand, renderOperand, renderPath);
    case 'literal': {
      const v = operand.value;
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      // String(-0) is "0", which would read back as +0.
      if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
      return isBareUnit(v) ? v : `"${v.replace(/"/g, '""')}"`;
    }
  }
}

/** `1Gi`, `8h`: text the lexer reads back, bare, as exactly this text. */
function isBareUnit(text: string): boolean {
  const read = readToken(text, 0).token;
  return (
    read?.kind === 'text' &&
    read.start === 0 &&
    read.end === text.length &&
    read.value === text &&
    text[0] !== '"'
  );
}

function renderWhere(where: Expr | undefined): string {
  return where === undefined ? '' : ` where ${render(where, 'top')}`;
}

/** A path as an operand: the canonical text, with a field named like a keyword bracketed. */
function renderPath(path: Path): string {
  if (path.from !== undefined) {
    const rest = pathText(path.segments);
    return rest.startsWith('[') ? `${path.from}${rest}` : `${path.from}.${rest}`;
  }
  const text = pathText(path.segments);
  const first = path.segments[0];
  // `["resource"].x` is a field named resource; `resource.x` would start from the resource.
  if (
    path.segments.length > 1 &&
    first !== undefined &&
    'key' in first &&
    (PATH_STARTS as readonly string[]).includes(first.key.toLowerCase())
  ) {
    return bracketFirst(path, text);
  }
  if (
    path.segments.length === 1 &&
    first !== undefined &&
    'key' in first &&
    RESERVED.has(first.key.toLowerCase())
  ) {
    return bracketFirst(path, text);
  }
  return text;
}

/** `["regex"].x` for `regex.x`: the first name bracketed, the rest as it was. */
function bracketFirst(path: Path, text: string): string {
  const first = path.segments[0];
  if (first === undefined || !('key' in first) || !isPlainName(first.key)) return text;
  return `["${first.key}"]${text.slice(first.key.length)}`;
}
