// An in-memory fake of the Office.js Excel API subset the add-in uses: `createFakeExcel(book).run(batch)`.
import { FakeRequestContext } from './context';
import { FakeWorkbookProxy } from './proxies';
import { FakeWorkbook } from './workbook';

export { FakeWorkbook, FakeSheet } from './workbook';
export { FakeRichApiError, PAYLOAD_LIMIT_BYTES } from './errors';
export { FakeRequestContext } from './context';

export interface FakeExcel {
  /** Like `Excel.run`: the batch gets a fresh context; whatever it left queued is sent at the end. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A context to use directly (tests of one adapter function). */
  context(): Excel.RequestContext;
}

export function createFakeExcel(book: FakeWorkbook, limitBytes?: number): FakeExcel {
  const context = () =>
    new FakeRequestContext(
      book,
      (ctx) => new FakeWorkbookProxy(ctx),
      limitBytes,
    ) as unknown as Excel.RequestContext;
  return {
    context,
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = context();
      const result = await batch(ctx);
      if ((ctx as unknown as FakeRequestContext).pending > 0) await ctx.sync();
      return result;
    },
  };
}
