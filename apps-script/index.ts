// The Apps Script entry points: every export becomes a global function of the built Code.js (scripts/build-gas.mjs).
import { runHeadline } from '../core';
import { addStarterSheets } from './starter';
import * as text from './messages';
import { listPacks, addPack } from './packs';
import { LOCK_WAIT_MS, runValidation } from './run';
import { installDailyTrigger, removeDailyTrigger } from './schedule';

export {
  sidebarValidate,
  sidebarSelectCell,
  sidebarGetBuilderData,
  sidebarPreviewRule,
  sidebarAddRule,
  sidebarListRulePacks,
  sidebarAddRulePack,
  sidebarGetUserName,
} from './sidebar-server';

const SIDEBAR_FILE = 'Sidebar';

/** Shows a message to whoever is looking; a time-driven run has no UI, so it only logs. */
function tell(message: string, title = text.MENU): void {
  try {
    SpreadsheetApp.getUi().alert(title, message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch {
    console.log(message);
  }
}

/** Builds the menu and nothing else: onOpen runs with limited authorisation and on every open. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu(text.MENU)
    .addItem('Validate', 'validateWorkbook')
    .addItem('Open sidebar', 'showSidebar')
    .addSeparator()
    .addItem('New rulebook', 'createRulebook')
    .addItem('Add rule pack', 'addRulePack')
    .addSeparator()
    .addItem('Schedule daily validation', 'scheduleDailyValidation')
    .addItem('Stop schedule', 'stopSchedule')
    .addToUi();
}

/** Menu › Validate. Returns the message shown, for logs and tests. */
export function validateWorkbook(): string {
  const outcome = runValidation();
  if (!outcome.ok) {
    tell(outcome.message);
    return outcome.message;
  }
  const message = text.done(runHeadline(outcome.run.summary));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(message, text.MENU, 10);
  return message;
}

/** The daily trigger's handler: the same run, without any UI. */
export function runScheduledValidation(): string {
  const outcome = runValidation();
  const message = outcome.ok ? `Validated: ${outcome.run.summary.failing} failing.` : outcome.message;
  console.log(message);
  return message;
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(text.MENU);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Runs a menu command's write; a refusal (BUSY, an unknown pack) is told, like any other outcome. */
function told(work: () => string): string {
  let message: string;
  try {
    message = work();
  } catch (err) {
    message = err instanceof Error ? err.message : String(err);
  }
  tell(message);
  return message;
}

/** Menu › New rulebook: adds the starter sheets that are missing. */
export function createRulebook(): string {
  return told(() => {
    const added = addStarterSheets(SpreadsheetApp.getActiveSpreadsheet(), new Date());
    return added.length > 0
      ? `Added ${added.join(', ')}. Fill in Resources and Rules, then Rulesheet › Validate.`
      : 'This spreadsheet already has every rulebook sheet; nothing was changed.';
  });
}

/** Menu › Add rule pack: asks which pack (the sidebar offers the same list). */
export function addRulePack(name?: string): string {
  const packs = listPacks();
  if (packs.length === 0) {
    tell(text.NO_PACKS);
    return text.NO_PACKS;
  }
  let chosen = name;
  if (!chosen) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(
      text.MENU,
      `Which pack? ${packs.map((p) => p.name).join(', ')}`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return '';
    chosen = answer.getResponseText().trim();
  }
  const pack = chosen;
  return told(() => {
    const added = addPack(pack);
    return `Added ${added.added} rules to ${added.sheet} (${added.skipped} already there).`;
  });
}

export function scheduleDailyValidation(): string {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    tell(text.BUSY);
    return text.BUSY;
  }
  try {
    const message = installDailyTrigger() ? text.SCHEDULED : text.ALREADY_SCHEDULED;
    tell(message);
    return message;
  } finally {
    lock.releaseLock();
  }
}

export function stopSchedule(): string {
  const message = removeDailyTrigger() > 0 ? text.UNSCHEDULED : text.NOT_SCHEDULED;
  tell(message);
  return message;
}
