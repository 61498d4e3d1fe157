// Every write step of the Excel adapter fails in turn; after each, no user cell, earlier Run History row or Results set is lost.
import { GUARD_KEY } from '../../addin/excel/run-guard';
import { validateWorkbook } from '../../addin/excel/validate';
import type { FakeWorkbook } from '../../testkit/excel';
import { createFakeExcel, FakeRichApiError } from '../../testkit/excel';
import {
  BUDGET_BYTES,
  DAY_TWO,
  RULES,
  snapshot,
  USER_SHEETS,
  validatedOnDayOne,
  type Snapshot,
} from './excel-workbook';

/** Commands that only read or tune the request: every other command changes the workbook. */
const NOT_WRITES = new Set(['load', 'suspendApiCalculationUntilNextSync']);

type Fault = NonNullable<FakeWorkbook['fault']>;
type At = Parameters<Fault>[0];
const isWrite = (at: At) => at.kind === 'command' && !NOT_WRITES.has(at.op);

async function dayTwo(book: FakeWorkbook): Promise<unknown> {
  try {
    await createFakeExcel(book).run((ctx) => validateWorkbook(ctx, DAY_TWO, { budgetBytes: BUDGET_BYTES }));
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Counts what a clean day-two run does: its requests and its write commands. */
async function counted(): Promise<{ sheets: Snapshot; syncs: number; writes: number; before: Snapshot }> {
  const book = await validatedOnDayOne();
  const before = snapshot(book);
  let syncs = 0;
  let writes = 0;
  book.fault = (at) => {
    if (at.kind === 'sync') syncs++;
    else if (isWrite(at)) writes++;
    return undefined;
  };
  const error = await dayTwo(book);
  if (error) throw error;
  return { sheets: snapshot(book), syncs, writes, before };
}

let clean: Awaited<ReturnType<typeof counted>>;
beforeAll(async () => {
  clean = await counted();
});

function expectNothingLost(now: Snapshot): void {
  const { before, sheets: after } = clean;
  const width = RULES[0].length;
  for (const name of USER_SHEETS) {
    const rows = now.get(name) ?? [];
    const was = before.get(name) ?? [];
    // Rules: the user's own columns; the engine's generated ones come after them.
    if (name === 'Rules')
      expect(rows.map((r) => r.slice(0, width))).toEqual(was.map((r) => r.slice(0, width)));
    else expect(rows).toEqual(was);
  }
  const history = now.get('Run History') ?? [];
  const earlier = before.get('Run History') ?? [];
  expect(history.slice(0, earlier.length)).toEqual(earlier);
  expect([earlier.length, (after.get('Run History') ?? []).length]).toContain(history.length);
  for (const name of ['Results', 'Summary'])
    expect([before.get(name), after.get(name)]).toContainEqual(now.get(name));
  expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
}

/** The run fails, or only the run guard's release failed: the marker stays behind, to expire. */
function expectFailedOrGuardLeft(book: FakeWorkbook, error: unknown): void {
  if (error === undefined) expect(book.settings.has(GUARD_KEY)).toBe(true);
  else expect(error).toBeInstanceOf(Error);
}

/** Fails the nth occurrence of what `pick` selects, with an error that is not about payload size. */
async function failing(
  pick: (at: At) => boolean,
  n: number,
): Promise<{ book: FakeWorkbook; error: unknown }> {
  const book = await validatedOnDayOne();
  let seen = 0;
  book.fault = (at) =>
    pick(at) && ++seen === n ? new FakeRichApiError('GeneralException', `injected failure ${n}`) : undefined;
  const error = await dayTwo(book);
  book.fault = undefined;
  return { book, error };
}

describe('the Excel adapter when a write step fails', () => {
  it('the scenario writes Results in several requests and changes them on day two', () => {
    expect(clean.syncs).toBeGreaterThan(6);
    expect(clean.sheets.get('Results')).not.toEqual(clean.before.get('Results'));
  });

  it('every sync() in turn', async () => {
    for (let n = 1; n <= clean.syncs; n++) {
      const { book, error } = await failing((at) => at.kind === 'sync', n);
      expectFailedOrGuardLeft(book, error);
      expectNothingLost(snapshot(book));
    }
  });

  it('every write command in turn (values, formats, sheet add, rename, move, delete)', async () => {
    for (let n = 1; n <= clean.writes; n++) {
      const { book, error } = await failing(isWrite, n);
      expectFailedOrGuardLeft(book, error);
      expectNothingLost(snapshot(book));
    }
  });
});
