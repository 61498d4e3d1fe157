// Generates the operator reference of docs/rule-language.md from the operator table, between two marker comments.
// Run: npm run docs. test/docs/operator-reference.test.ts fails when the page differs from what this makes.
import * as fs from 'fs';
import * as path from 'path';
import { type ExpectedKind, OPERATORS, type OperatorSpec } from '../core';

export const RULE_LANGUAGE_DOC = path.join(__dirname, '..', 'docs', 'rule-language.md');
export const BEGIN_MARKER =
  '<!-- BEGIN GENERATED: operator reference. Edit core/operators/*, then run `npm run docs`. -->';
export const END_MARKER = '<!-- END GENERATED: operator reference -->';

const EXPECTED_WORDS: Record<ExpectedKind, string> = {
  none: 'nothing: leave Expected blank',
  value: 'one value',
  list: 'a list: comma or new-line separated, or a column of another sheet',
  days: 'a number of days',
  count: 'a number of elements',
  regex: 'a regular expression (RE2 syntax)',
  glob: 'a pattern with * and ?',
  network: 'one network in CIDR form (10.0.0.0/8) or a list of them',
};

/** A code span that is safe inside a Markdown table cell. */
const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|');
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function missingWords(op: OperatorSpec): string {
  return op.onMissing === 'pass' ? 'PASS' : 'FAIL, with the message "… is missing"';
}

function overview(ops: readonly OperatorSpec[]): string[] {
  const lines = ['| Operator | Also written | Expected | A missing value |', '|---|---|---|---|'];
  for (const op of ops) {
    const also = [...op.symbols, ...op.aliases].map(code).join(', ') || '–';
    const exp = op.expected === 'none' ? '–' : EXPECTED_WORDS[op.expected].split(':')[0];
    lines.push(
      `| [${op.name}](#${slug(op.name)}) | ${also} | ${cell(exp)} | ${op.onMissing === 'pass' ? 'PASS' : 'FAIL'} |`,
    );
  }
  return lines;
}

function entry(op: OperatorSpec): string[] {
  const lines = [`### ${op.name}`, '', capitalise(op.meaning), ''];
  if (op.symbols.length) lines.push(`- **Symbols:** ${op.symbols.map(code).join(', ')}`);
  if (op.aliases.length) lines.push(`- **Also written:** ${op.aliases.map(code).join(', ')}`);
  lines.push(`- **Expected:** ${EXPECTED_WORDS[op.expected]}.`);
  lines.push(`- **A missing value:** ${missingWords(op)}.`);
  lines.push(
    `- **A list value:** ${op.wholeList ? 'judged as a whole list.' : 'compared as one ordinary value, as described below; put `[*]` in Field to judge each element.'}`,
  );
  lines.push(`- **How values are read:** ${op.coercion}`);
  lines.push('', '| Field | Operator | Expected |', '|---|---|---|');
  lines.push(
    `| ${code(op.example.field)} | ${op.name} | ${op.example.expected === '' ? '' : code(op.example.expected)} |`,
    '',
  );
  return lines;
}

function capitalise(text: string): string {
  return `It holds when the value ${text}`.replace(/\.$/, '') + '.';
}

/** The operator reference, generated from the operator table: an overview table, then one section per operator. */
export function operatorReference(ops: readonly OperatorSpec[] = OPERATORS): string {
  const lines = [
    BEGIN_MARKER,
    '<!-- prettier-ignore-start -->',
    '',
    `The rule language has ${ops.length} operators. Names, symbols and the other spellings are matched ignoring case, so \`Equals\`, \`equals\` and \`=\` are one operator.`,
    '',
    ...overview(ops),
    '',
    ...ops.flatMap(entry),
    '<!-- prettier-ignore-end -->',
    END_MARKER,
  ];
  return lines.join('\n');
}

/** The page with its generated part replaced; throws when the markers are missing. */
export function withOperatorReference(page: string, reference: string = operatorReference()): string {
  const begin = page.indexOf(BEGIN_MARKER);
  const end = page.indexOf(END_MARKER);
  if (begin < 0 || end < begin)
    throw new Error(`${RULE_LANGUAGE_DOC}: the operator reference markers are missing`);
  return page.slice(0, begin) + reference + page.slice(end + END_MARKER.length);
}

/** The generated part of a page as it stands, markers included. */
export function currentOperatorReference(page: string): string | undefined {
  const begin = page.indexOf(BEGIN_MARKER);
  const end = page.indexOf(END_MARKER);
  return begin < 0 || end < begin ? undefined : page.slice(begin, end + END_MARKER.length);
}

if (require.main === module) {
  const page = fs.readFileSync(RULE_LANGUAGE_DOC, 'utf8');
  fs.writeFileSync(RULE_LANGUAGE_DOC, withOperatorReference(page));
  console.log(
    `Wrote the operator reference of ${path.relative(process.cwd(), RULE_LANGUAGE_DOC)} (${OPERATORS.length} operators).`,
  );
}
