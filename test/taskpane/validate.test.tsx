/** @jest-environment jsdom */
// The Validate, Problems and My items tabs with a fake host: progress, cards, cell links, my failures.
import './dom-setup';
import * as React from 'react';
import { act, render, screen, within, fireEvent, waitFor } from '@testing-library/react';
import { App } from '../../ui/App';
import { NAME_KEY } from '../../ui/MyItemsPanel';
import { fakeHost, memoryStore, RUN } from './fake-host';

async function validated(host = fakeHost(), storage = memoryStore()) {
  render(<App host={host} storage={storage} />);
  fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
  await waitFor(() => expect(host.finish).toBeDefined());
  await act(async () => host.finish!(RUN));
  return host;
}

test('validate shows progress through the phases, then the summary cards', async () => {
  const host = fakeHost();
  render(<App host={host} storage={memoryStore()} />);
  fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
  expect(screen.getByRole('button', { name: 'Validate' })).toHaveProperty('disabled', true);
  act(() => host.progress!('reading', 1));
  expect(screen.getByRole('progressbar', { name: 'Reading the workbook, 33%' })).toBeTruthy();
  act(() => host.progress!('checking', 0.5));
  expect(screen.getByRole('progressbar', { name: 'Checking every resource, 50%' })).toBeTruthy();
  act(() => host.progress!('writing', 0.25));
  expect(screen.getByText('Writing the results… 75%')).toBeTruthy();
  await act(async () => host.finish!(RUN));

  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(within(screen.getByRole('group', { name: 'Pass rate' })).getByText('79%')).toBeTruthy();
  const severity = screen.getByRole('group', { name: 'Failing by severity' });
  expect(within(severity).getByText('Critical: 2 failing')).toBeTruthy();
  expect(within(severity).getByText('High: 2 failing')).toBeTruthy();
  expect(within(screen.getByRole('group', { name: 'Overdue' })).getByText('3')).toBeTruthy();
  expect(screen.getByRole('tab', { name: 'Problems (2)' })).toBeTruthy();
});

test('cancel aborts the run and says so', async () => {
  const host = fakeHost();
  render(<App host={host} storage={memoryStore()} />);
  fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(host.signal?.aborted).toBe(true);
  expect(await screen.findByText('Validation cancelled.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Validate' })).toHaveProperty('disabled', false);
});

test('a failing run shows its error', async () => {
  const host = fakeHost();
  host.validate = async () => {
    throw new Error('The workbook has no Rules sheet');
  };
  render(<App host={host} storage={memoryStore()} />);
  fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
  expect(await screen.findByText('Validation failed: The workbook has no Rules sheet')).toBeTruthy();
});

test('a problem is a link that selects its cell', async () => {
  const host = await validated();
  fireEvent.click(screen.getByRole('tab', { name: 'Problems (2)' }));
  fireEvent.click(screen.getByRole('button', { name: "Rules!E7: Unknown operator 'equal'." }));
  fireEvent.click(screen.getByRole('button', { name: 'Exceptions!D3: This waiver has no approver.' }));
  expect(host.calls.selectCell).toEqual([
    ['Rules', 'E7'],
    ['Exceptions', 'D3'],
  ]);
  expect(screen.getByText("Did you mean 'equals'?")).toBeTruthy();
});

test('my items: the name is typed once, remembered, and shows my failures only', async () => {
  const storage = memoryStore();
  const host = await validated(fakeHost(), storage);
  fireEvent.click(screen.getByRole('tab', { name: 'My items' }));
  fireEvent.change(screen.getByRole('textbox', { name: /Your name/ }), { target: { value: ' Dana Lee ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Show my items' }));
  expect(storage.map.get(NAME_KEY)).toBe('Dana Lee');
  const list = screen.getByRole('list', { name: 'My items' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  expect(within(list).getByText('overdue since 2026-02-01')).toBeTruthy();
  fireEvent.click(within(list).getByRole('button', { name: /S3-001 on logs-bucket/ }));
  expect(host.calls.selectCell).toEqual([['Resources', 'A5']]);
});

test('my items: a remembered name, else the signed-in user, needs no typing', async () => {
  const { unmount } = render(
    <App host={fakeHost()} storage={memoryStore({ [NAME_KEY]: 'Sam Park' })} initialTab="mine" />,
  );
  expect(screen.getByText('Sam Park')).toBeTruthy();
  unmount();
  render(<App host={fakeHost('Dana Lee')} storage={memoryStore()} initialTab="mine" />);
  expect(await screen.findByText('Dana Lee')).toBeTruthy();
  expect(screen.getByText('Run Validate to see what is yours to fix.')).toBeTruthy();
});

test('rule packs are listed and added', async () => {
  const host = fakeHost();
  render(<App host={host} storage={memoryStore()} initialTab="packs" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Add CIS AWS Foundations' }));
  expect(await screen.findByText('CIS AWS Foundations: 12 rules added to Rules.')).toBeTruthy();
  expect(host.calls.addRulePack).toEqual(['cis-aws']);
});

test('import reads the chosen file and hands its text to the host', async () => {
  const host = fakeHost();
  const seen: string[][] = [];
  host.importResources = async (kind, name, text) => {
    seen.push([kind, name, text]);
    return { added: 2, skipped: 0, sheet: 'Resources - Kubernetes', problems: [] };
  };
  render(<App host={host} storage={memoryStore()} initialTab="import" />);
  const file = new File(['kind: Deployment'], 'deploy.yaml', { type: 'text/yaml' });
  Object.defineProperty(file, 'text', { value: async () => 'kind: Deployment' });
  fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  expect(await screen.findByText('2 resources added to Resources - Kubernetes.')).toBeTruthy();
  expect(seen).toEqual([['auto', 'deploy.yaml', 'kind: Deployment']]);
});

test('without importResources there is no Import tab', () => {
  render(<App host={fakeHost()} storage={memoryStore()} />);
  expect(screen.queryByRole('tab', { name: 'Import' })).toBeNull();
  expect(screen.getAllByRole('tab')).toHaveLength(5);
  expect(screen.getByRole('tab', { name: 'Rule builder' })).toBeTruthy();
});
