/** @jest-environment jsdom */
// The rule builder with a fake host: type → field → operator → expected → preview → Add rule writes the row.
import './dom-setup';
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RuleBuilder } from '../../ui/RuleBuilder';
import { fakeHost } from './fake-host';

jest.setTimeout(120_000);
// Role queries skip jsdom's slow visibility checks (getComputedStyle on Fluent's many style rules); nothing here is hidden.
configure({ defaultHidden: true });

/** A Field's label, with or without its required mark. */
const labelled = (label: string) => new RegExp(`^${label}\\s*\\*?$`);

/** Opens a Fluent dropdown or combobox by its label and returns its listbox (closed listboxes stay in the DOM, hidden). */
async function open(label: string): Promise<HTMLElement> {
  const box = await screen.findByLabelText(labelled(label), { selector: '[role=combobox]' });
  fireEvent.click(box);
  await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
  const listbox = document.getElementById(box.getAttribute('aria-controls') ?? '');
  if (!listbox) throw new Error(`no listbox for ${label}`);
  return listbox;
}

/** Picks the option whose accessible name starts with `text` (or matches the pattern), and waits for the list to close. */
async function choose(label: string, text: string | RegExp) {
  const listbox = await open(label);
  const pattern =
    typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : text;
  // Matching option text directly: role-and-name queries are slow over Fluent's option markup in jsdom.
  const option = [...listbox.querySelectorAll('[role=option]')].find((o) =>
    pattern.test(o.textContent ?? ''),
  );
  if (!option) throw new Error(`no option ${pattern} for ${label}`);
  fireEvent.click(option);
  const box = screen.getByLabelText(labelled(label), { selector: '[role=combobox]' });
  await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('false'));
}

test('type → field → operator → expected → preview, then Add rule writes the row', async () => {
  const host = fakeHost();
  render(<RuleBuilder host={host} />);
  await choose('Resource type', 'aws_s3_bucket (3)');
  await choose('Field', 'versioning.status');
  expect(screen.getByText('Set on 3 of 3 resources.')).toBeTruthy();

  // Operators are offered with their plain words.
  const operators = await open('Operator');
  expect(
    within(operators).getByRole('option', { name: /greater than\s*is a number \(or date\) above Expected/ }),
  ).toBeTruthy();
  fireEvent.click(within(operators).getByRole('option', { name: /^equals/ }));
  expect(screen.getByText('The field is exactly Expected.')).toBeTruthy();

  // Expected suggests the values seen.
  const values = await open('Expected');
  expect(
    within(values)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Enabled', 'Suspended']);
  fireEvent.click(within(values).getByRole('option', { name: 'Enabled' }));

  const counts = await screen.findByTestId('preview-counts', {}, { timeout: 10_000 });
  expect(counts.textContent).toBe('2 would pass · 1 would fail');
  expect(screen.getByText('Reads as: Every aws_s3_bucket: versioning.status equals "Enabled"')).toBeTruthy();
  expect(
    within(screen.getByRole('list', { name: 'Examples' })).getAllByRole('listitem')[0].textContent,
  ).toContain('web — versioning.status is "Suspended"');
  expect(host.calls.previewRule.at(-1)).toMatchObject({
    resourceType: 'aws_s3_bucket',
    field: 'versioning.status',
    operator: 'equals',
    expected: 'Enabled',
  });

  const add = screen.getByRole('button', { name: 'Add rule' });
  expect(add).toHaveProperty('disabled', true);
  expect(screen.getByText('Still needed: a title.')).toBeTruthy();
  fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
    target: { value: 'Buckets keep versioning on' },
  });
  await choose('Severity', 'High');
  expect(add).toHaveProperty('disabled', false);
  await act(async () => fireEvent.click(add));

  expect(host.calls.addRule).toEqual([
    {
      ruleId: 'S3-005',
      title: 'Buckets keep versioning on',
      resourceType: 'aws_s3_bucket',
      field: 'versioning.status',
      operator: 'equals',
      expected: 'Enabled',
      match: undefined,
      severity: 'High',
    },
  ]);
  expect(await screen.findByText('Rule S3-005 added at Rules!A9. Validate to see it run.')).toBeTruthy();
});

test('operators that take no value hide Expected; [*] fields ask which elements must hold', async () => {
  const host = fakeHost();
  render(<RuleBuilder host={host} />);
  await choose('Resource type', 'k8s:Deployment');
  await choose('Field', 'podSpec.containers[*].image');
  await choose('Which elements must hold', 'at least one element');
  await choose('Operator', /^is not empty/);
  expect(screen.queryByRole('combobox', { name: 'Expected' })).toBeNull();
  await screen.findByTestId('preview-counts', {}, { timeout: 10_000 });
  expect(host.calls.previewRule.at(-1)).toMatchObject({
    field: 'podSpec.containers[*].image',
    operator: 'is not empty',
    expected: '',
    match: 'any',
  });
});

test('a field can be typed freely, and a typed Expected is used as written', async () => {
  const host = fakeHost();
  render(<RuleBuilder host={host} />);
  await choose('Resource type', 'aws_s3_bucket');
  fireEvent.change(screen.getByRole('combobox', { name: 'Field' }), { target: { value: 'logging.target' } });
  await choose('Operator', /^starts with/);
  fireEvent.change(screen.getByRole('combobox', { name: 'Expected' }), { target: { value: 'logs-' } });
  await screen.findByTestId('preview-counts', {}, { timeout: 10_000 });
  await waitFor(() =>
    expect(host.calls.previewRule.at(-1)).toMatchObject({
      field: 'logging.target',
      operator: 'starts with',
      expected: 'logs-',
    }),
  );
});

test("the suggested Rule ID follows the chosen type's prefix, until the person types their own", async () => {
  const host = fakeHost();
  render(<RuleBuilder host={host} />);
  const ruleId = await screen.findByRole('textbox', { name: 'Rule ID' });
  expect(ruleId).toHaveProperty('value', 'K8S-012');
  await choose('Resource type', 'aws_s3_bucket');
  expect(ruleId).toHaveProperty('value', 'S3-005');
  await choose('Resource type', 'k8s:Deployment');
  expect(ruleId).toHaveProperty('value', 'K8S-012');
  fireEvent.change(ruleId, { target: { value: 'MINE-1' } });
  await choose('Resource type', 'aws_s3_bucket');
  expect(ruleId).toHaveProperty('value', 'MINE-1');
});

test('a workbook without resources says how to start', async () => {
  const host = fakeHost();
  host.getBuilderData = async () => ({ types: [], nextRuleId: 'RULE-001' });
  render(<RuleBuilder host={host} />);
  expect(await screen.findByText(/No resources yet/)).toBeTruthy();
});

test('Match case, offered for operators that compare text, makes the rule use the "… matching case" operator', async () => {
  const host = fakeHost();
  render(<RuleBuilder host={host} />);
  await choose('Resource type', 'aws_s3_bucket');
  fireEvent.change(screen.getByRole('combobox', { name: 'Field' }), { target: { value: 'logging.target' } });
  const operators = await open('Operator');
  // The twins are not listed on their own: the box stands for them.
  expect(within(operators).queryByRole('option', { name: /^equals matching case/ })).toBeNull();
  fireEvent.click(within(operators).getByRole('option', { name: /^starts with/ }));
  fireEvent.click(await screen.findByRole('checkbox', { name: /Match case/ }));
  fireEvent.change(screen.getByRole('combobox', { name: 'Expected' }), { target: { value: 'Logs-' } });
  await screen.findByTestId('preview-counts', {}, { timeout: 10_000 });
  await waitFor(() =>
    expect(host.calls.previewRule.at(-1)).toMatchObject({
      field: 'logging.target',
      operator: 'starts with matching case',
      expected: 'Logs-',
    }),
  );
});

test('operators that compare no text offer no Match case', async () => {
  render(<RuleBuilder host={fakeHost()} />);
  await choose('Resource type', 'aws_s3_bucket');
  await choose('Operator', /^greater than/);
  expect(screen.queryByRole('checkbox', { name: /Match case/ })).toBeNull();
});

test('Check → Condition: problems under the box as typed, Reads As, an example inserted, then Add rule writes it', async () => {
  const host = fakeHost();
  render(<RuleBuilder host={host} />);
  await choose('Resource type', 'k8s:Deployment');
  fireEvent.click(screen.getByRole('radio', { name: 'Condition (expression)' }));
  // The row form's controls give way to the Condition box.
  expect(screen.queryByRole('combobox', { name: labelled('Field') })).toBeNull();
  const box = screen.getByRole('textbox', { name: labelled('Condition') });

  fireEvent.change(box, { target: { value: 'name exists and' } });
  const problems = screen.getByRole('list', { name: 'Condition problems' });
  expect(problems.textContent).toBe(
    'Line 1, column 16: Cannot read the condition at character 16: expected a condition after "and".',
  );
  expect(screen.getByText(/Still needed: a condition that reads, a title\./)).toBeTruthy();
  // An unreadable condition is not sent to the host to preview.
  expect(host.calls.previewRule).toEqual([]);

  fireEvent.change(box, { target: { value: 'name exists and\n  replicas equal 2' } });
  expect(screen.getByRole('list', { name: 'Condition problems' }).textContent).toMatch(
    /^Line 2, column 12: .*equal.*Did you mean 'equals'\?/,
  );

  fireEvent.change(box, { target: { value: 'name exists' } });
  expect(screen.queryByRole('list', { name: 'Condition problems' })).toBeNull();
  expect(screen.getByTestId('condition-reads-as').textContent).toBe('Reads as: name exists');

  // An example goes in after the text, joined with "and".
  await choose('Insert an example', /^Count the elements that fit/);
  const text =
    'name exists\nand count(spec.topologySpreadConstraints[*] where topologyKey = "kubernetes.io/hostname") = 1';
  expect(box).toHaveProperty('value', text);
  expect(screen.getByTestId('condition-reads-as').textContent).toBe(
    'Reads as: name exists and count(spec.topologySpreadConstraints[*] where topologyKey equals "kubernetes.io/hostname") equals 1',
  );
  await screen.findByTestId('preview-counts', {}, { timeout: 10_000 });
  await waitFor(() =>
    expect(host.calls.previewRule.at(-1)).toMatchObject({ resourceType: 'k8s:Deployment', condition: text }),
  );

  fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Spread by host' } });
  const add = screen.getByRole('button', { name: 'Add rule' });
  expect(add).toHaveProperty('disabled', false);
  await act(async () => fireEvent.click(add));
  expect(host.calls.addRule).toEqual([
    {
      ruleId: 'K8S-012',
      title: 'Spread by host',
      resourceType: 'k8s:Deployment',
      condition: text,
      field: '',
      operator: '',
      expected: '',
      severity: 'Medium',
    },
  ]);
  expect(await screen.findByText('Rule K8S-012 added at Rules!A9. Validate to see it run.')).toBeTruthy();
  expect(box).toHaveProperty('value', '');
});

test('every example of the menu is offered, and one inserted into an empty box stands alone', async () => {
  const { CONDITION_EXAMPLES } = await import('../../core');
  render(<RuleBuilder host={fakeHost()} />);
  await choose('Resource type', 'k8s:Deployment');
  fireEvent.click(screen.getByRole('radio', { name: 'Condition (expression)' }));
  const menu = await open('Insert an example');
  expect([...menu.querySelectorAll('[role=option]')].map((o) => o.textContent)).toEqual(
    CONDITION_EXAMPLES.map((e) => `${e.label}${e.feature}`),
  );
  fireEvent.click(menu.querySelectorAll('[role=option]')[0]);
  expect(screen.getByRole('textbox', { name: labelled('Condition') })).toHaveProperty(
    'value',
    CONDITION_EXAMPLES[0].text,
  );
  // Back to the row form: its controls return, and the candidate is a row-form one again.
  fireEvent.click(screen.getByRole('radio', { name: 'Field, operator, value' }));
  expect(screen.getByRole('combobox', { name: labelled('Field') })).toBeTruthy();
  expect(screen.queryByRole('textbox', { name: labelled('Condition') })).toBeNull();
});
