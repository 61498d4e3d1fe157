// One walk through every control of the pane, as a person clicks and types: shared by the Excel pane and the Sheets sidebar.
import type { Page } from 'playwright-core';
import type { Grid } from '../../core';
import { click, expectFitsWidth, expectReachable, screenshots } from './person';

export interface Walk {
  /** test-results/<suite>/ */
  suite: string;
  width: number;
  /** The cell the host has selected now, as `Sheet!A1`. */
  selection(): Promise<string | undefined>;
  /** An e-mail the Owners sheet maps to a Fix Owner with failures. */
  identity: string;
  /** Whether the host signs the person in as `identity` (Sheets), so My items needs no typing. */
  signedIn: boolean;
  /** Whether the host offers Import (the Sheets sidebar does not). */
  hasImport: boolean;
}

/** Opens a dropdown or combobox with a mouse click and picks an option with the mouse; returns its listbox closed. */
async function pick(page: Page, label: string, option: string | RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await click(page, box, `${label}`);
  const choice = page.getByRole('option', { name: option }).first();
  await click(page, choice, `${label} option ${option}`);
  // Closed: no listbox drawn any more (Fluent keeps closed ones in the DOM, undrawn).
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[role=listbox]')).every(
      (l) => l.getBoundingClientRect().height === 0,
    ),
  );
}

/** `Rules!E7` from a problem link's label `Rules!E7: Unknown operator…` (quotes of a quoted sheet name dropped). */
const selectedBy = (label: string) => label.slice(0, label.indexOf(':')).replace(/'/g, '');

export async function walkEveryControl(page: Page, walk: Walk): Promise<string[]> {
  const shot = screenshots(page, walk.suite, walk.width);
  const step = async (name: string) => {
    await expectFitsWidth(page, name);
    return shot(name);
  };
  const shots: string[] = [];
  await page.getByRole('button', { name: 'Validate' }).waitFor({ timeout: 60_000 });
  shots.push(await step('start'));

  // Rule builder: every dropdown opened and chosen with the mouse; the next control must take the next click.
  await click(page, page.getByRole('tab', { name: 'Rule builder' }), 'Rule builder tab');
  await pick(page, 'Resource type', /^aws_s3_bucket/);
  shots.push(await step('type-chosen'));
  const ruleId = page.getByRole('textbox', { name: 'Rule ID' });
  const suggested = await ruleId.inputValue();
  if (!/^S3-\d+$/.test(suggested)) throw new Error(`an S3 rule was offered Rule ID ${suggested}`);

  await click(page, page.getByRole('combobox', { name: 'Field' }), 'Field after choosing a type');
  await page.keyboard.type('versioning.st');
  await click(page, page.getByRole('option', { name: 'versioning.status' }), 'Field option');
  await pick(page, 'Operator', /^equals/);
  // Match case, ticked and cleared again with the mouse, so the rule below keeps plain "equals".
  const matchCase = page.getByRole('checkbox', { name: /Match case/ });
  await click(page, matchCase, 'Match case on');
  if (!(await matchCase.isChecked())) throw new Error('Match case did not tick');
  await click(page, matchCase, 'Match case off');
  if (await matchCase.isChecked()) throw new Error('Match case did not clear');
  await pick(page, 'Expected', 'Enabled');
  await page.getByTestId('preview-counts').waitFor({ timeout: 60_000 });
  shots.push(await step('preview'));

  await click(page, page.getByRole('textbox', { name: 'Title' }), 'Title');
  await page.keyboard.type('Buckets keep versioning on');
  // Severity from the keyboard: focus, open with Enter, one up from Medium, Enter.
  const severity = page.getByRole('combobox', { name: 'Severity' });
  await severity.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  if ((await severity.textContent())?.trim() !== 'High')
    throw new Error(`Severity by keyboard gave ${await severity.textContent()}`);
  await click(page, page.getByRole('button', { name: 'Add rule' }), 'Add rule');
  await page.getByText(new RegExp(`Rule ${suggested} added at Rules!A\\d+`)).waitFor({ timeout: 60_000 });
  shots.push(await step('rule-added'));

  // The same rule builder with the check written as a Condition: problems as typed, an example, Add rule.
  await click(page, page.getByRole('radio', { name: 'Condition (expression)' }), 'Check: Condition');
  const condition = page.getByRole('textbox', { name: /^Condition/ });
  await click(page, condition, 'Condition box');
  await page.keyboard.type('versioning.status equal "Enabled"');
  const problems = page.getByRole('list', { name: 'Condition problems' });
  await expectReachable(problems, 'Condition problems');
  if (!/^Line 1, column \d+: .*equal/.test((await problems.textContent()) ?? ''))
    throw new Error(`the Condition problems say ${await problems.textContent()}`);
  shots.push(await step('condition-problems'));
  await click(page, condition, 'Condition box again');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await pick(page, 'Insert an example', /^Text functions/);
  if ((await condition.inputValue()) !== 'after(owner, "@") = "example.com"')
    throw new Error(`the example inserted gave ${await condition.inputValue()}`);
  await expectReachable(page.getByTestId('condition-reads-as'), 'Reads as of the condition');
  await page.getByTestId('preview-counts').waitFor({ timeout: 60_000 });
  shots.push(await step('condition-preview'));
  await click(page, page.getByRole('textbox', { name: 'Title' }), 'Title of the Condition rule');
  await page.keyboard.type('Owners use the company address');
  const conditionId = await ruleId.inputValue();
  await click(page, page.getByRole('button', { name: 'Add rule' }), 'Add rule (Condition)');
  await page.getByText(new RegExp(`Rule ${conditionId} added at Rules!A\\d+`)).waitFor({ timeout: 60_000 });
  shots.push(await step('condition-added'));
  await click(page, page.getByRole('radio', { name: 'Field, operator, value' }), 'Check: row form');
  await page.getByRole('combobox', { name: 'Field' }).waitFor({ timeout: 10_000 });

  // Validate.
  await click(page, page.getByRole('tab', { name: 'Validate' }), 'Validate tab');
  await click(page, page.getByRole('button', { name: 'Validate' }), 'Validate button');
  await page.getByTestId('pass-rate').waitFor({ timeout: 120_000 });
  await expectReachable(page.getByTestId('pass-rate'), 'pass rate');
  shots.push(await step('validated'));

  // Problems: a problem is a link that selects its cell.
  await click(page, page.getByRole('tab', { name: /^Problems/ }), 'Problems tab');
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button').first();
  const problemLabel = (await problem.getAttribute('aria-label')) ?? '';
  await click(page, problem, 'first problem');
  await page.waitForTimeout(200);
  const afterProblem = await waitForSelection(walk, selectedBy(problemLabel));
  shots.push(await step('problem-opened'));

  // My items: an e-mail typed once, mapped through Owners; an item selects its resource's cell.
  await click(page, page.getByRole('tab', { name: 'My items' }), 'My items tab');
  const notYou = page.getByRole('button', { name: 'Not you?' });
  const nameBox = page.getByRole('textbox', { name: /Your name/ });
  if (walk.signedIn) {
    // Signed in as the e-mail: the Owners sheet maps it to its team, with nothing typed.
    await page.getByRole('list', { name: 'My items' }).waitFor({ timeout: 30_000 });
    shots.push(await step('my-items-signed-in'));
  } else {
    await nameBox.or(notYou).first().waitFor({ timeout: 30_000 });
  }
  // A signed-in or remembered name is changed with "Not you?".
  if (await notYou.isVisible()) await click(page, notYou, 'Not you?');
  await click(page, nameBox, 'My items name');
  // Select what is there (a remembered name) and type over it.
  await page.keyboard.press('Control+A');
  await page.keyboard.type(walk.identity);
  await click(page, page.getByRole('button', { name: 'Show my items' }), 'Show my items');
  const mine = page.getByRole('list', { name: 'My items' });
  await mine.waitFor({ timeout: 30_000 });
  const first = mine.getByRole('button').first();
  await click(page, first, 'first of my items');
  const afterItem = await waitForSelection(walk, undefined, afterProblem);
  if (!afterItem) throw new Error('opening one of my items selected no cell');
  shots.push(await step('my-items'));

  // Rule packs.
  await click(page, page.getByRole('tab', { name: 'Rule packs' }), 'Rule packs tab');
  const add = page.getByRole('button', { name: /^Add / }).first();
  await click(page, add, 'first Add pack button');
  await page.getByText(/rules added to/).waitFor({ timeout: 60_000 });
  shots.push(await step('pack-added'));

  if (walk.hasImport) {
    await click(page, page.getByRole('tab', { name: 'Import' }), 'Import tab');
    await pick(page, 'Kind of file', 'CSV with a header row');
    const chooser = page.waitForEvent('filechooser');
    await click(page, page.getByLabel('File to import'), 'File to import');
    await (
      await chooser
    ).setFiles({
      name: `walk-${walk.width}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(`Resource ID,Type,Owner\nwalk-${walk.width},aws_s3_bucket,"Dana, Platform"\n`),
    });
    await click(page, page.getByRole('button', { name: 'Import', exact: true }), 'Import button');
    await page.getByText(/1 resources added to/).waitFor({ timeout: 60_000 });
    shots.push(await step('imported'));
  }

  // Every tab once more: each switches, and its panel is in reach.
  for (const name of ['Validate', /^Problems/, 'My items', 'Rule builder', 'Rule packs']) {
    await click(page, page.getByRole('tab', { name }), `tab ${name}`);
    await expectReachable(page.locator('[role=tabpanel]:not([hidden])'), `panel of tab ${name}`);
  }
  shots.push(await step('tabs'));
  return shots;
}

/** Waits until the host's selection is `want` (or, with no want, differs from `before`). */
async function waitForSelection(walk: Walk, want?: string, before?: string): Promise<string> {
  let now: string | undefined;
  for (let i = 0; i < 100; i++) {
    now = await walk.selection();
    if (now && (want ? now === want : now !== before)) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the selection is ${now}, expected ${want ?? `other than ${before}`}`);
}

/** The example with one rule whose operator is misspelt, so Problems has a link to open. */
export function withProblem(grids: readonly Grid[]): Grid[] {
  return grids.map((g) => {
    if (g.name !== 'Rules') return g;
    const header = g.rows[0] as string[];
    const row = header.map(() => null as string | null);
    row[header.indexOf('Rule ID')] = 'BAD-001';
    row[header.indexOf('Title')] = 'A rule with a misspelt operator';
    row[header.indexOf('Resource Type')] = 'aws_s3_bucket';
    row[header.indexOf('Field')] = 'acl';
    row[header.indexOf('Operator')] = 'equal';
    row[header.indexOf('Expected')] = 'private';
    return { ...g, rows: [...g.rows, row] };
  });
}
