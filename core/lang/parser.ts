// The expression parser: Condition and Applies When text into an Expr tree, with problems instead of exceptions.
import { lookupOperator, OPERATORS, type OperatorSpec } from '../operators';
import { didYouMean, editDistance } from '../names';
import { problem, type Problem } from '../problems';
import type { MatchMode } from '../types';
import {
  FUNCTION_NAMES,
  type ArithmeticOp,
  type Expr,
  type FunctionName,
  type Operand,
  type Path,
  type PathStart,
} from './ast';
import { INSIDE_FUNCTIONS, PATH_STARTS } from './functions';
import {
  describeAt,
  matchOperator,
  matchWord,
  readAttemptedOperator,
  readToken,
  skipSpace,
  type LexError,
  type Token,
} from './lexer';
import { isPlainName, pathText, rowPathReason } from './path';
import { ACROSS_NAMES, ACROSS_OPS, type AcrossClause, type AcrossOp } from './across';

type PathToken = Extract<Token, { kind: 'path' }>;

/** Deeper than any real rule; stops `((((…` from exhausting the stack. */
export const MAX_DEPTH = 100;

const MAX_GUESS_LENGTH = 60;

const QUANTIFIERS: readonly MatchMode[] = ['all', 'any', 'none'];
// Every word that names an operator, for "did you mean"; symbols too, so `=>` can point at `>=`.
const OPERATOR_CANDIDATES = OPERATORS.flatMap((op) => [op.name, ...op.aliases, ...op.symbols]);

/** Unwinds the parser to parseExpression once the first problem is found. */
class Stop {
  constructor(readonly problem: Problem) {}
}

export interface ParsedExpression {
  value?: Expr;
  problems: Problem[];
}

/** Parses a condition. Never throws: the first thing it cannot read becomes the one problem. */
export function parseExpression(text: string): ParsedExpression {
  const parser = new Parser(text);
  try {
    return { value: parser.parseAll(), problems: [] };
  } catch (e) {
    if (e instanceof Stop) return { problems: [e.problem] };
    // A bug here must not stop a run: the rule is reported as unreadable instead.
    return { problems: [parser.syntaxProblem('the condition could not be read', 0)] };
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  /** Quantifiers around the current position: inside one, paths are read against an element, which may be a list. */
  private elementDepth = 0;
  /** The text of the last thing read, for "expected a value after …". */
  private last = '';
  /** Set just after a check whose operator takes no value, to explain a stray value after it. */
  private noValueOp: string | undefined;
  /** Set just after a check whose value is a bare name, so `is one off "x"` can be read as a misspelt operator. */
  private bareValue: { opAt: number; end: number } | undefined;

  constructor(private readonly text: string) {}

  parseAll(): Expr {
    if (this.text.trim() === '') this.fail(this.syntaxProblem('the condition is empty', 0));
    const expr = this.parseOr();
    this.expectClose('end');
    return expr;
  }

  syntaxProblem(detail: string, offset: number, suggestion?: string): Problem {
    // Characters as a person counts them: an emoji is one, not two UTF-16 units.
    const position = [...this.text.slice(0, offset)].length + 1;
    const params = suggestion === undefined ? { position, detail } : { position, detail, suggestion };
    return problem('expression_syntax', params, { offset });
  }

  private fail(p: Problem): never {
    throw new Stop(p);
  }

  private syntax(detail: string, offset: number, suggestion?: string): never {
    this.fail(this.syntaxProblem(detail, offset, suggestion));
  }

  private lexFail(error: LexError): never {
    if (error.kind === 'path') {
      this.fail(
        problem('invalid_path', { path: error.path, reason: error.reason }, { offset: error.offset }),
      );
    }
    this.syntax(error.detail, error.offset, error.suggestion);
  }

  private peek(): Token {
    const r = readToken(this.text, this.pos);
    if (r.error) this.lexFail(r.error);
    return r.token;
  }

  private take(token: Token): void {
    this.pos = token.end;
    this.last = this.text.slice(token.start, token.end);
  }

  private acceptKeyword(word: string): boolean {
    const at = skipSpace(this.text, this.pos);
    const end = matchWord(this.text, at, word);
    if (end === undefined) return false;
    this.pos = end;
    this.last = this.text.slice(at, end);
    return true;
  }

  private enter(offset: number): void {
    if (++this.depth > MAX_DEPTH)
      this.syntax(`the condition nests more than ${MAX_DEPTH} levels deep`, offset);
  }

  private parseOr(): Expr {
    const items = [this.parseAnd()];
    while (this.acceptKeyword('or')) items.push(this.parseAnd());
    return joined('or', items);
  }

  private parseAnd(): Expr {
    const items = [this.parseNot()];
    while (this.acceptKeyword('and')) items.push(this.parseNot());
    return joined('and', items);
  }

  private parseNot(): Expr {
    const at = skipSpace(this.text, this.pos);
    if (!this.acceptKeyword('not')) return this.parsePrimary();
    this.enter(at);
    const item = this.parseNot();
    this.depth--;
    return { kind: 'not', item };
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    if (token.kind === 'punct' && token.value === '(') {
      const check = this.tryArithmeticCheck(token);
      if (check) return check;
      this.take(token);
      this.enter(token.start);
      const expr = this.parseOr();
      this.expectClose(')');
      this.depth--;
      return expr;
    }
    if (token.kind === 'path' && this.isCallStart(token)) {
      const name = token.raw.toLowerCase();
      if ((QUANTIFIERS as readonly string[]).includes(name))
        return this.parseQuantifier(token, name as MatchMode);
    }
    if (
      token.kind === 'end' ||
      token.kind === 'other' ||
      token.kind === 'punct' ||
      isWord(token, 'and', 'or')
    ) {
      const found = describeAt(this.text, token.start);
      const detail =
        token.kind === 'end'
          ? `expected a condition after "${this.last}"`
          : `expected a condition but found ${found}`;
      this.syntax(detail, token.start, this.text[token.start] === '!' ? 'not' : undefined);
    }
    return this.parseCheck(token);
  }

  /** `all(path, condition)`: the condition is about each element of path. */
  private parseQuantifier(nameToken: PathToken, quantifier: MatchMode): Expr {
    this.take(nameToken);
    this.enter(nameToken.start);
    this.take(this.peek()); // the "(" isCallStart saw
    let over = this.peek();
    if (over.kind !== 'path') this.syntax(`expected a field path after "${quantifier}("`, over.start);
    // `all(entries(metadata.annotations), …)`: the elements are the map's key/value pairs.
    const entries = over.raw.toLowerCase() === 'entries' && this.isCallStart(over);
    if (entries) {
      this.take(over);
      this.take(this.peek()); // the "(" isCallStart saw
      over = this.peek();
      if (over.kind !== 'path') this.syntax('expected a field path after "entries("', over.start);
    }
    this.checkRowPath(over);
    this.take(over);
    if (entries) this.expectClose(')');
    const where = this.parseWhere();
    const comma = this.peek();
    if (!(comma.kind === 'punct' && comma.value === ',')) {
      this.syntax(`expected "," after "${this.last}" and then a condition`, comma.start);
    }
    this.take(comma);
    this.elementDepth++;
    const body = this.parseOr();
    this.elementDepth--;
    this.expectClose(')');
    this.depth--;
    const node: Extract<Expr, { kind: 'quantifier' }> = {
      kind: 'quantifier',
      quantifier,
      over: toPath(over),
      body,
      pos: nameToken.start,
    };
    if (entries) node.entries = true;
    if (where) node.where = where;
    return node;
  }

  /** `where condition` after a list: the condition is about each element, like a quantifier's body. */
  private parseWhere(): Expr | undefined {
    if (!this.acceptKeyword('where')) return undefined;
    this.elementDepth++;
    const where = this.parseOr();
    this.elementDepth--;
    return where;
  }

  /**
   * `(a + b) / 2 at most 3`: a "(" that opens a value rather than a condition. Tried first; when no operator
   * follows the value, the text is read again as a parenthesised condition, with that reading's problems.
   */
  private tryArithmeticCheck(open: Token): Expr | undefined {
    const saved = [this.pos, this.depth, this.last, this.noValueOp, this.bareValue] as const;
    let left: Operand | undefined;
    try {
      left = this.parseValue(open);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
    if (left !== undefined && matchOperator(this.text, skipSpace(this.text, this.pos)))
      return this.parseCheck(open, left);
    [this.pos, this.depth, this.last, this.noValueOp, this.bareValue] = saved;
    return undefined;
  }

  private parseCheck(first: Token, parsedLeft?: Operand): Expr {
    const pos = first.start;
    const left = parsedLeft ?? this.parseValue(first);
    const leftText = this.text.slice(first.start, this.pos);
    const at = skipSpace(this.text, this.pos);
    const match = matchOperator(this.text, at);
    if (!match) this.unknownOperator(at, leftText);
    const spec = lookupOperator(match.word) as OperatorSpec;
    const written = this.text.slice(at, match.end).replace(/\s+/g, ' ');
    this.pos = match.end;
    this.last = written;
    if (spec.expected === 'none') {
      this.noValueOp = written;
      return { kind: 'check', left, op: spec.name, pos };
    }
    const valueToken = this.peekFactor();
    const right = this.parseValue(valueToken);
    const bare = right.kind === 'path' && valueToken.kind === 'path' && isPlainName(valueToken.raw);
    this.bareValue = bare ? { opAt: at, end: this.pos } : undefined;
    // `older than 90 days` reads better than `older than 90`; the unit word is optional.
    if (spec.expected === 'days' && !this.acceptKeyword('days')) this.acceptKeyword('day');
    return { kind: 'check', left, op: spec.name, right, pos };
  }

  private unknownOperator(at: number, leftText: string): never {
    const guess = guessOperator(this.text, at);
    if (guess === undefined) {
      const found = at >= this.text.length ? '' : ` but found ${describeAt(this.text, at)}`;
      this.syntax(`expected an operator after "${leftText}"${found}`, at);
    }
    this.fail(problem('unknown_operator', guess, { offset: at }));
  }

  /** Operands joined by + and -, each a product of operands joined by * and /; left to right; parentheses group. */
  private parseValue(first: Token): Operand {
    let left = this.parseTerm(first);
    for (let op = this.arithmeticSign('+-'); op; op = this.arithmeticSign('+-'))
      left = { kind: 'arithmetic', op, left, right: this.parseTerm(this.peekFactor()) };
    return left;
  }

  private parseTerm(first: Token): Operand {
    let left = this.parseFactor(first);
    for (let op = this.arithmeticSign('*/'); op; op = this.arithmeticSign('*/'))
      left = { kind: 'arithmetic', op, left, right: this.parseFactor(this.peekFactor()) };
    return left;
  }

  private parseFactor(token: Token): Operand {
    if (!(token.kind === 'punct' && token.value === '(')) return this.parseOperand(token);
    this.take(token);
    this.enter(token.start);
    const inner = this.parseValue(this.peekFactor());
    const close = this.peek();
    if (!(close.kind === 'punct' && close.value === ')')) {
      const found = close.kind === 'end' ? '' : ` but found ${describeAt(this.text, close.start)}`;
      this.syntax(`expected ")" or one of + - * /${found}`, close.start);
    }
    this.take(close);
    this.depth--;
    return inner;
  }

  /** A sign of arithmetic after a value. Only here can one stand: `-` and `/` inside a name (`a-b`) belong to it. */
  private arithmeticSign(signs: string): ArithmeticOp | undefined {
    const at = skipSpace(this.text, this.pos);
    const c = this.text[at];
    if (c === undefined || !signs.includes(c)) return undefined;
    this.pos = at + 1;
    this.last = c;
    return c as ArithmeticOp;
  }

  /** The next token, which must start a value: what peekValue takes, or a "(". */
  private peekFactor(): Token {
    const next = this.peek();
    return next.kind === 'punct' && next.value === '(' ? next : this.peekValue();
  }

  private parseOperand(token: Token): Operand {
    if (token.kind === 'number' || token.kind === 'text') {
      this.take(token);
      return { kind: 'literal', value: token.value };
    }
    if (token.kind !== 'path')
      this.syntax(`expected a value but found ${describeAt(this.text, token.start)}`, token.start);
    if (this.isCallStart(token)) return this.parseCall(token);
    const raw = token.raw.toLowerCase();
    this.checkRowPath(token);
    this.take(token);
    if (raw === 'true' || raw === 'false') return { kind: 'literal', value: raw === 'true' };
    return { kind: 'path', path: toPath(token) };
  }

  /** A path read on another resource's row, which is not a list, wherever it stands. */
  private checkOtherRowPath(token: PathToken): void {
    const reason = rowPathReason(token.segments);
    if (reason === undefined) return;
    const path = this.text.slice(token.start, token.end);
    this.fail(problem('invalid_path', { path, reason }, { offset: token.start }));
  }

  /** Outside a quantifier a path is read against the row, which is not a list; so is `resource.…` anywhere. */
  private checkRowPath(token: PathToken): void {
    const from = pathStart(token);
    const segments = from ? token.segments.slice(1) : token.segments;
    const againstRow = from === 'resource' || this.elementDepth === 0;
    const reason = againstRow ? rowPathReason(segments) : undefined;
    if (reason === undefined) return;
    const path = this.text.slice(token.start, token.end);
    this.fail(problem('invalid_path', { path, reason }, { offset: token.start }));
  }

  /** `first(a, b, FALSE)`, `keys(path)`, `count(path)`. */
  private parseCall(nameToken: PathToken): Operand {
    const name = nameToken.raw.toLowerCase();
    if (name === 'lookup' || name === 'others') return this.parseAcross(nameToken, name);
    if (!(FUNCTION_NAMES as readonly string[]).includes(name)) {
      const params = {
        name: nameToken.raw,
        suggestion: didYouMean(name, [...FUNCTION_NAMES, ...ACROSS_NAMES, ...QUANTIFIERS]),
      };
      this.fail(problem('unknown_function', params, { offset: nameToken.start }));
    }
    this.take(nameToken);
    this.enter(nameToken.start);
    this.take(this.peek()); // the "(" isCallStart saw
    const args: Operand[] = [];
    let where: Expr | undefined;
    for (;;) {
      args.push(this.parseValue(this.peekFactor()));
      // `count(list[*] where condition)`: only the elements for which it holds count.
      if (name === 'count' && args.length === 1) where = this.parseWhere();
      const sep = this.peek();
      if (where && !(sep.kind === 'punct' && sep.value === ')')) this.expectClose(')');
      if (sep.kind === 'punct' && sep.value === ',') {
        this.take(sep);
        continue;
      }
      if (sep.kind === 'punct' && sep.value === ')') {
        this.take(sep);
        break;
      }
      const found = sep.kind === 'end' ? '' : ` but found ${describeAt(this.text, sep.start)}`;
      this.syntax(`expected "," or ")"${found}`, sep.start);
    }
    this.depth--;
    this.checkArguments(name, args, nameToken.start);
    const call: Extract<Operand, { kind: 'call' }> = { kind: 'call', name: name as FunctionName, args };
    if (where) call.where = where;
    return call;
  }

  /** The functions that look inside a value take a fixed number of arguments; entries() takes a path. */
  private checkArguments(name: string, args: Operand[], offset: number): void {
    const spec = (INSIDE_FUNCTIONS as Record<string, { args: number; words: string }>)[name];
    if (spec === undefined) return;
    if (args.length !== spec.args || (name === 'entries' && args[0].kind !== 'path'))
      this.syntax(`${name}(…) takes ${spec.words}`, offset);
  }

  /** `lookup(field from Type where clause and …)` or `others(Type where clause and …)` (lang/across.ts). */
  private parseAcross(nameToken: PathToken, name: 'lookup' | 'others'): Operand {
    this.take(nameToken);
    this.enter(nameToken.start);
    this.take(this.peek()); // the "(" isCallStart saw
    let field: Path | undefined;
    if (name === 'lookup') {
      const f = this.peek();
      if (f.kind !== 'path' || this.isCallStart(f))
        this.syntax(
          `expected the field to look up after "lookup(", as in lookup(metadata.labels from k8s:Namespace where Name = Namespace)`,
          f.start,
        );
      this.checkOtherRowPath(f);
      this.take(f);
      field = toPath(f);
      if (!this.acceptKeyword('from'))
        this.syntax(
          `expected "from" and a resource type after "${this.last}"`,
          skipSpace(this.text, this.pos),
        );
    }
    const t = this.peek();
    if (
      !(t.kind === 'text' || (t.kind === 'path' && isPlainName(t.raw))) ||
      (t.kind === 'text' && t.value.trim() === '')
    )
      this.syntax(
        `expected a resource type after "${this.last}" (in double quotes when it has * or spaces)`,
        t.start,
      );
    this.take(t);
    const type = t.kind === 'text' ? t.value.trim() : t.raw;
    if (!this.acceptKeyword('where'))
      this.syntax(
        `expected "where" after "${this.last}" and then how the other resource is found, as in where Name = Namespace`,
        skipSpace(this.text, this.pos),
      );
    const where: AcrossClause[] = [];
    do where.push(this.parseClause());
    while (this.acceptKeyword('and'));
    this.expectClose(')');
    this.depth--;
    return field ? { kind: 'lookup', field, type, where } : { kind: 'others', type, where };
  }

  /** `other-field = value`, `other-field selects value` or `other-field is selected by value`. */
  private parseClause(): AcrossClause {
    const first = this.peekValue();
    if (first.kind !== 'path' || this.isCallStart(first))
      this.syntax(
        `expected a field of the other resource but found ${describeAt(this.text, first.start)}`,
        first.start,
      );
    // The other resource's field is read against its row, even inside a quantifier.
    this.checkOtherRowPath(first);
    const check = this.parseCheck(first) as Extract<Expr, { kind: 'check' }>;
    if (check.left.kind !== 'path')
      this.syntax(
        `expected a field of the other resource but found ${describeAt(this.text, first.start)}`,
        first.start,
      );
    if (!(ACROSS_OPS as readonly string[]).includes(check.op) || check.right === undefined)
      this.syntax(`"${check.op}" cannot tie two resources; use =, selects or is selected by`, first.start);
    return {
      other: check.left.path,
      op: check.op as AcrossOp,
      value: check.right,
    };
  }

  /** A bare name directly followed (spaces allowed) by "(" is a function or a quantifier. */
  private isCallStart(token: PathToken): boolean {
    if (!isPlainName(token.raw)) return false;
    // `first (a)` is a call; `a (b)` is a missing operator, not an unknown function `a`.
    const name = token.raw.toLowerCase();
    const known =
      (FUNCTION_NAMES as readonly string[]).includes(name) ||
      (ACROSS_NAMES as readonly string[]).includes(name) ||
      (QUANTIFIERS as readonly string[]).includes(name);
    return this.text[known ? skipSpace(this.text, token.end) : token.end] === '(';
  }

  /** The next token, which must be a value: a number, a text, a path or a call. */
  private peekValue(): Token {
    const next = this.peek();
    if (next.kind === 'number' || next.kind === 'text') return next;
    if (next.kind === 'path' && !isWord(next, 'and', 'or', 'not')) return next;
    const found = next.kind === 'end' ? '' : ` but found ${describeAt(this.text, next.start)}`;
    this.syntax(`expected a value after "${this.last}"${found}`, next.start);
  }

  /** After a whole condition: the end of the text, or the ")" that closes a parenthesis or quantifier. */
  private expectClose(closer: ')' | 'end'): void {
    const token = this.peek();
    if (closer === 'end' && token.kind === 'end') return;
    if (closer === ')' && token.kind === 'punct' && token.value === ')') {
      this.take(token);
      return;
    }
    const noValueOp = this.noValueOp;
    const bare = this.bareValue;
    if (token.kind === 'path' && bare !== undefined && bare.end === this.pos) {
      const guess = guessOperator(this.text, bare.opAt, bare.end);
      if (guess?.suggestion !== undefined)
        this.fail(problem('unknown_operator', guess, { offset: bare.opAt }));
    }
    if (closer === ')' && token.kind === 'end') this.syntax('expected ")"', token.start);
    const found = describeAt(this.text, token.start);
    const want = closer === ')' ? '")"' : 'the end';
    let detail = `expected "and", "or" or ${want} but found ${found}`;
    if (
      noValueOp !== undefined &&
      this.last === noValueOp &&
      (token.kind === 'text' || token.kind === 'number' || token.kind === 'path')
    ) {
      detail += ` ("${noValueOp}" takes no value)`;
    }
    const symbols = this.text.slice(token.start, token.start + 2);
    const suggestion = symbols === '&&' ? 'and' : symbols === '||' ? 'or' : undefined;
    this.syntax(detail, token.start, suggestion);
  }
}

/**
 * What the author probably meant as an operator at `at`: of "equal", "equal spec.max", … the
 * attempt closest to a known operator (fewest edits, the longer on a tie), or all the words when none is close.
 */
function guessOperator(
  text: string,
  at: number,
  after = at,
): { operator: string; suggestion?: string } | undefined {
  const words = readAttemptedOperator(text, at).words.filter((w) => w.end > after);
  if (words.length === 0) return undefined;
  let guess: { operator: string; suggestion?: string } = {
    operator: shorten(words[words.length - 1].text.replace(/\s+/g, ' ')),
  };
  let bestScore = Infinity;
  for (const word of words) {
    const attempt = word.text.replace(/\s+/g, ' ');
    // Edit distance is quadratic; nothing this long is a misspelt operator.
    if (attempt.length > MAX_GUESS_LENGTH) break;
    const reversed = [...attempt].reverse().join('');
    // `=>` and `=<` are `>=` and `<=` typed back to front.
    const symbolic = !/[\p{L}\p{N}]/u.test(attempt);
    const hit = symbolic && lookupOperator(reversed) ? reversed : didYouMean(attempt, OPERATOR_CANDIDATES);
    if (hit === undefined) continue;
    const score = editDistance(attempt.toLowerCase(), hit.toLowerCase());
    const suggestion = lookupOperator(hit)?.name;
    if (score <= bestScore && suggestion !== undefined)
      [guess, bestScore] = [{ operator: attempt, suggestion }, score];
  }
  return guess;
}

function shorten(text: string): string {
  return text.length > MAX_GUESS_LENGTH ? `${text.slice(0, MAX_GUESS_LENGTH)}…` : text;
}

/** A bare keyword as written: `AND` is one, `["and"]` and `and.x` are field paths. */
function isWord(token: Token, ...words: string[]): boolean {
  return token.kind === 'path' && words.includes(token.raw.toLowerCase());
}

function toPath(token: PathToken): Path {
  const from = pathStart(token);
  if (from === undefined) return { text: pathText(token.segments), segments: token.segments };
  const segments = token.segments.slice(1);
  return { text: pathText(segments), segments, from };
}

/** `resource.x` or `outer[0]` written bare: where the path starts. `["resource"].x` and a lone `resource` are fields. */
function pathStart(token: PathToken): PathStart | undefined {
  const first = token.segments[0];
  if (token.segments.length < 2 || first === undefined || !('key' in first) || token.raw[0] === '[')
    return undefined;
  const word = first.key.toLowerCase();
  return (PATH_STARTS as readonly string[]).includes(word) ? (word as PathStart) : undefined;
}

/** One n-ary node for `a and b and (c and d)`, so a tree has one written form. */
function joined(kind: 'and' | 'or', items: Expr[]): Expr {
  if (items.length === 1) return items[0];
  return { kind, items: items.flatMap((item) => (item.kind === kind ? item.items : [item])) };
}
