// One run at a time per workbook: the ribbon's Validate and the task pane's share the marker in the document's settings.
import { ALREADY_RUNNING, GUARD_EXPIRY_MS, GUARD_KEY } from '../../../addin/excel/run-guard';
import { validateWorkbook } from '../../../addin/excel/validate';
import { createFakeExcel, FakeRichApiError, FakeWorkbook } from '../../../testkit/excel';

const NOW = new Date('2026-11-28T12:00:00Z');
const T = NOW.getTime();

function rulebook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.seed('Rules', [
    ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator', 'Expected'],
    ['BKT-1', 'Versioning on', 'aws_s3_bucket', 'versioning', 'equals', 'Enabled'],
  ]);
  book.seed('Resources', [
    ['Resource ID', 'Resource Type', 'versioning'],
    ['b-1', 'aws_s3_bucket', 'Suspended'],
  ]);
  return book;
}

const validateAt = (book: FakeWorkbook, at: number) =>
  createFakeExcel(book).run((ctx) => validateWorkbook(ctx, NOW, { guard: { clock: () => at } }));

describe('the run guard', () => {
  it.each([
    ['started a minute ago', T - 60_000, 'refused'],
    ['started just inside the expiry', T - GUARD_EXPIRY_MS + 1, 'refused'],
    ['crashed long ago (expired)', T - GUARD_EXPIRY_MS, 'runs'],
    ['unreadable', Number.NaN, 'runs'],
  ])('a marker of another run %s: %s', async (_name, at, outcome) => {
    const book = rulebook();
    book.settings.set(GUARD_KEY, Number.isNaN(at) ? 'garbage' : JSON.stringify({ owner: 'pane', at }));
    const run = validateAt(book, T);
    if (outcome === 'refused') {
      await expect(run).rejects.toThrow(ALREADY_RUNNING);
      expect(book.sheet('Results')).toBeUndefined();
    } else {
      await expect(run).resolves.toBeDefined();
      expect(book.sheet('Results')).toBeDefined();
      expect(book.settings.has(GUARD_KEY)).toBe(false);
    }
  });

  it('two runs started at once (ribbon and task pane): one runs, the other says it is already running', async () => {
    const book = rulebook();
    const results = await Promise.allSettled([validateAt(book, T), validateAt(book, T)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as Error).message).toBe(ALREADY_RUNNING);
    expect(book.sheets.map((s) => s.name).filter((n) => n === 'Results')).toEqual(['Results']);
    expect(book.settings.has(GUARD_KEY)).toBe(false);
  });

  it('a run that fails lets go of the marker, so the next one runs', async () => {
    const book = rulebook();
    let syncs = 0;
    book.fault = (at) =>
      at.kind === 'sync' && ++syncs === 6 ? new FakeRichApiError('GeneralException', 'boom') : undefined;
    await expect(validateAt(book, T)).rejects.toThrow(/boom/);
    book.fault = undefined;
    expect(book.settings.has(GUARD_KEY)).toBe(false);
    await expect(validateAt(book, T)).resolves.toBeDefined();
  });
});
