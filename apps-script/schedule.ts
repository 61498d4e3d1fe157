// The daily validation: exactly one time-driven trigger for the user, installed and removed here.
export const SCHEDULED_HANDLER = 'runScheduledValidation';
/** The hour (spreadsheet time) the daily run starts; Google picks a minute within it. */
export const SCHEDULE_HOUR = 6;

function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SCHEDULED_HANDLER);
}

/** Installs the trigger unless one exists; removes any duplicates an older version left. Returns whether it added one. */
export function installDailyTrigger(): boolean {
  const existing = ourTriggers();
  for (const extra of existing.slice(1)) ScriptApp.deleteTrigger(extra);
  if (existing.length > 0) return false;
  ScriptApp.newTrigger(SCHEDULED_HANDLER).timeBased().everyDays(1).atHour(SCHEDULE_HOUR).create();
  return true;
}

/** Removes every trigger of the daily run; returns how many there were. */
export function removeDailyTrigger(): number {
  const existing = ourTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  return existing.length;
}
