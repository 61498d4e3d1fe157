// What the adapter tells people: the few sentences of the Sheets host, in one place.
export const MENU = 'Rulesheet';
export const BUSY =
  'A validation is already running in this spreadsheet (started by you or another editor). Wait for it to finish, then validate again.';
export const NO_SHEET = 'Open Rulesheet from a spreadsheet: there is no active spreadsheet.';

export function tooSlow(elapsedMs: number): string {
  const minutes = (elapsedMs / 60_000).toFixed(1);
  return (
    `Rulesheet stopped before writing: reading and checking took ${minutes} minutes, too close to Google's ` +
    '6-minute limit for a script to finish writing. Nothing was changed. Split the largest Resources sheet ' +
    'into a separate spreadsheet, or validate it with the command line.'
  );
}

export function tooManyCells(cells: number, limit: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `Rulesheet stopped before writing: with its results this spreadsheet would need ${n(cells)} cells, and Google ` +
    `Sheets allows ${n(limit)}. Nothing was changed. Turn off passing rows in Settings, split the largest ` +
    'Resources sheet into a separate spreadsheet, or validate it with the command line.'
  );
}

/** After Validate: core's one-line run summary, and where to look. */
export function done(headline: string): string {
  return `${headline} See Results and Summary.`;
}

export const SCHEDULED =
  'Rulesheet will validate this spreadsheet every day (around 6 a.m., spreadsheet time). Run History keeps the trend.';
export const ALREADY_SCHEDULED = 'A daily validation is already scheduled for you; nothing was added.';
export const UNSCHEDULED = 'The daily validation is stopped.';
export const NOT_SCHEDULED = 'No daily validation was scheduled.';
export const NO_PACKS = 'This copy of Rulesheet was built without any rule packs.';
