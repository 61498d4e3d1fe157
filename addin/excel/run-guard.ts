// One run at a time per workbook: a marker in the document's settings, honoured by the ribbon and the task pane alike.

/** The settings key; its value is `{ owner, at }` as JSON. */
export const GUARD_KEY = 'Rulesheet.runningSince';
/** A marker older than this is from a run that crashed or was closed: it no longer locks the workbook. */
export const GUARD_EXPIRY_MS = 10 * 60_000;

export const ALREADY_RUNNING =
  'Rulesheet is already validating this workbook (from the ribbon, the task pane or another window). Wait for it ' +
  'to finish, then validate again.';

interface Marker {
  owner: string;
  at: number;
}

function parse(value: unknown): Marker | undefined {
  try {
    const m = JSON.parse(String(value)) as Partial<Marker>;
    return typeof m.owner === 'string' && typeof m.at === 'number' ? { owner: m.owner, at: m.at } : undefined;
  } catch {
    return undefined;
  }
}

async function current(context: Excel.RequestContext): Promise<Marker | undefined> {
  const setting = context.workbook.settings.getItemOrNullObject(GUARD_KEY).load('value');
  await context.sync();
  return setting.isNullObject ? undefined : parse(setting.value);
}

export interface GuardOptions {
  clock?: () => number;
  /** Who this run is (tests); default: a random id. */
  owner?: string;
}

/**
 * Runs `work` holding the workbook's run marker. A live marker of another run refuses with ALREADY_RUNNING;
 * the marker is written, then read back, so of two runs that wrote at once only the last writer goes on.
 */
export async function withRunGuard<T>(
  context: Excel.RequestContext,
  work: () => Promise<T>,
  options: GuardOptions = {},
): Promise<T> {
  const clock = options.clock ?? Date.now;
  const owner = options.owner ?? `${clock()}-${Math.random().toString(36).slice(2)}`;
  const held = await current(context);
  if (held && clock() - held.at < GUARD_EXPIRY_MS) throw new Error(ALREADY_RUNNING);
  context.workbook.settings.add(GUARD_KEY, JSON.stringify({ owner, at: clock() }));
  await context.sync();
  if ((await current(context))?.owner !== owner) throw new Error(ALREADY_RUNNING);
  try {
    return await work();
  } finally {
    // The marker was read back as ours; another run could only have taken it over after it expired.
    try {
      context.workbook.settings.getItemOrNullObject(GUARD_KEY).delete();
      await context.sync();
    } catch {
      // The marker expires on its own.
    }
  }
}
