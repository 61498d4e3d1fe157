// docs/rule-language.md's operator reference must be exactly what scripts/build-docs.ts makes from the operator table.
import * as fs from 'fs';
import { OPERATORS } from '../../core';
import { currentOperatorReference, operatorReference, RULE_LANGUAGE_DOC } from '../../scripts/build-docs';

const page = fs.readFileSync(RULE_LANGUAGE_DOC, 'utf8');

test('the operator reference in docs/rule-language.md is up to date (run `npm run docs`)', () => {
  expect(currentOperatorReference(page)).toEqual(operatorReference());
});

test('the reference names every operator with its spellings, what a missing value gives and an example row', () => {
  const reference = operatorReference();
  for (const op of OPERATORS) {
    const section = reference.split(`### ${op.name}\n`)[1]?.split('\n### ')[0] ?? '';
    expect([op.name, section.length > 0]).toEqual([op.name, true]);
    for (const word of [...op.aliases, ...op.symbols])
      expect(section).toContain(`\`${word.replace(/\|/g, '\\|')}\``);
    expect(section).toContain(
      op.onMissing === 'pass' ? 'A missing value:** PASS' : 'A missing value:** FAIL',
    );
    expect(section).toContain(`| ${op.name} |`);
  }
});

test('a change to the operator table shows up as a stale page', () => {
  const changed = OPERATORS.map((op, i) => (i === 0 ? { ...op, meaning: 'is something else.' } : op));
  expect(currentOperatorReference(page)).not.toEqual(operatorReference(changed));
});
