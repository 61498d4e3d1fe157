/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The Import tab over the Excel actions on the fake: a Terraform plan with malformed entries is imported, and
// the pane lists each skipped entry under the outcome. The importers load the yaml package, whose browser build
// is an ES module jest cannot load: modules resolve as in Node, and Node's TextEncoder serves the Excel fake.
import './dom-setup';
import './node-text-encoder';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { excelActions } from '../../addin/excel/actions';
import { ImportPanel } from '../../ui/ImportPanel';
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import { sheetCells } from '../../testkit/excel/read-back';

const BUCKET = {
  address: 'aws_s3_bucket.logs',
  mode: 'managed',
  type: 'aws_s3_bucket',
  name: 'logs',
  change: { actions: ['create'], after: { bucket: 'acme-logs' } },
};

const PLAN = JSON.stringify({
  format_version: '1.2',
  resource_changes: [BUCKET, 'junk', { ...BUCKET, address: 'aws_s3_bucket.untyped', type: null }],
});

test('the pane lists what the import skipped, naming file, entry and reason', async () => {
  const book = new FakeWorkbook();
  book.seed('Resources', [['Resource ID', 'Type']]);
  (globalThis as unknown as { Excel: unknown }).Excel = createFakeExcel(book);
  render(<ImportPanel importResources={excelActions().importResources!} />);

  const file = new File([PLAN], 'plan.json', { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => PLAN });
  fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));

  expect(await screen.findByText('1 resources added to Resources, 2 skipped.')).toBeTruthy();
  const items = within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(items).toEqual([
    'plan.json: resource_changes[1]: skipped: it is not an object.',
    'plan.json: resource_changes[2] (aws_s3_bucket.untyped): skipped: it has no type.',
  ]);
  expect(sheetCells(book, 'Resources')!.map((r) => r[0])).toEqual(['Resource ID', 'aws_s3_bucket.logs']);
});
