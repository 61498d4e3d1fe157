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

/** A run refused before writing: the new sheets would not fit Google's 10-million-cell limit. */
export function tooManyCells(cells: number, limit: number): string {
  return (
    `Rulesheet stopped before writing: the spreadsheet would need ${cells.toLocaleString('en-US')} cells while ` +
    `writing (new Results and Summary are written in full before the old ones are removed), over Google's limit of ` +
    `${limit.toLocaleString('en-US')}. Nothing was changed. Turn off passing rows in Settings, delete unused rows ` +
    'and columns, move a large Resources sheet into a separate spreadsheet, or validate it with the command line.'
  );
}

/** A run refused before writing: a cell's text over Google's 50,000 characters. */
export function cellTooLong(where: string, length: number, limit: number): string {
  return (
    `Rulesheet stopped before writing: ${where} would hold ${length.toLocaleString('en-US')} characters, over ` +
    `Google's limit of ${limit.toLocaleString('en-US')} a cell. Nothing was changed. Shorten that text.`
  );
}

/** A write that stopped part way: what is kept, and why it is whole. */
export function writeFailed(detail: string): string {
  return (
    `Rulesheet could not finish writing (${detail}). Results, Summary and Run History are as they were before ` +
    'this run, or complete from it: nothing was half written. Validate again.'
  );
}

/** Writing ran up against the time limit: the steps done are complete, the rest were not started. */
export const OUT_OF_TIME =
  "Rulesheet stopped writing before Google's 6-minute limit for a script. Results, Summary and Run History are " +
  'as they were before this run: nothing was half written. Split the largest Resources sheet into a separate ' +
  'spreadsheet, or validate it with the command line.';
