// Reading the Settings sheet (Key / Value): SLA days per severity, Include Passing, Fail On and Time Zone.
import { didYouMean, normalizeName } from '../names';
import { problem, type Location, type Problem } from '../problems';
import { SEVERITIES, type Cell, type Grid, type Severity } from '../types';
import { cellBoolean, cellText, isBlank } from '../values/cells';
import { headerTexts, mapHeaders, missingColumns, SETTINGS_COLUMNS, SETTINGS_REQUIRED } from './headers';
import type { Settings } from './model';
import { cellAt, isBlankRow, rowAt } from './sheets';

/** Defaults when a setting is absent, blank or bad. Info gets a year: it is worth a look, not a deadline. */
export function defaultSettings(): Settings {
  return {
    slaDays: { Critical: 7, High: 30, Medium: 90, Low: 180, Info: 365 },
    includePassing: false,
    failOn: undefined,
    timeZone: 'UTC',
  };
}

/** The keys as the docs and suggestions spell them. */
export const SETTING_KEYS = [
  ...SEVERITIES.map((s) => `SLA ${s}`),
  'Include Passing',
  'Fail On',
  'Time Zone',
] as const;

type SettingKind = { kind: 'sla'; severity: Severity } | { kind: 'includePassing' | 'failOn' | 'timeZone' };

const NAMED: Record<string, SettingKind> = {
  includepassing: { kind: 'includePassing' },
  includepassingresults: { kind: 'includePassing' },
  showpassing: { kind: 'includePassing' },
  failon: { kind: 'failOn' },
  failthreshold: { kind: 'failOn' },
  failonseverity: { kind: 'failOn' },
  timezone: { kind: 'timeZone' },
  tz: { kind: 'timeZone' },
};

/** `SLA Critical`, `Critical SLA days`, `SLA days - High`: any key holding `sla` and a severity name. */
function settingFor(key: string): SettingKind | undefined {
  const n = normalizeName(key);
  if (NAMED[n]) return NAMED[n];
  if (!n.includes('sla')) return undefined;
  const severity = SEVERITIES.find((s) => n.includes(s.toLowerCase()));
  return severity ? { kind: 'sla', severity } : undefined;
}

export interface SettingsRead {
  settings: Settings;
  problems: Problem[];
}

/**
 * Reads settings row by row. A blank value keeps the default; a later row for the same setting wins, as when
 * reading top to bottom. Unknown keys are warnings; bad values are errors and keep the default.
 */
export function readSettings(grid: Grid): SettingsRead {
  const settings = defaultSettings();
  const headers = headerTexts(rowAt(grid, 0));
  const columns = mapHeaders(headers, SETTINGS_COLUMNS);
  const missing = missingColumns(grid.name, headers, columns, SETTINGS_COLUMNS, SETTINGS_REQUIRED);
  if (missing.length > 0) return { settings, problems: missing };

  const problems: Problem[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row)) continue;
    const keyAt: Location = { sheet: grid.name, row: r, col: columns.key };
    const valueAt: Location = { sheet: grid.name, row: r, col: columns.value };
    const key = cellText(cellAt(row, columns.key));
    const value = cellAt(row, columns.value);
    if (key === '') {
      problems.push(problem('empty_required', { column: headers[columns.key ?? -1] || 'Key' }, keyAt));
      continue;
    }
    const setting = settingFor(key);
    if (!setting) {
      problems.push(problem('unknown_setting', { key, suggestion: nearestKey(key) }, keyAt));
      continue;
    }
    if (isBlank(value)) continue;
    const reason = apply(settings, setting, value);
    if (reason) problems.push(problem('invalid_setting', { key, value: cellText(value), reason }, valueAt));
  }
  return { settings, problems };
}

/** Sets one setting from its cell; returns why the value is refused, or undefined when it was taken. */
function apply(settings: Settings, setting: SettingKind, value: Cell): string | undefined {
  switch (setting.kind) {
    case 'sla': {
      const days = readDays(value);
      if (days === undefined) return 'SLA days must be a whole number of days, 0 or more';
      settings.slaDays[setting.severity] = days;
      return undefined;
    }
    case 'includePassing': {
      const flag = cellBoolean(value);
      if (flag === undefined) return 'use TRUE or FALSE';
      settings.includePassing = flag;
      return undefined;
    }
    case 'failOn': {
      const t = cellText(value).toLowerCase();
      if (t === 'none') {
        settings.failOn = undefined;
        return undefined;
      }
      const severity = SEVERITIES.find((s) => s.toLowerCase() === t);
      if (!severity) {
        const near = didYouMean(t, [...SEVERITIES, 'none']);
        return `use Critical, High, Medium, Low, Info or none${near ? ` (did you mean '${near}'?)` : ''}`;
      }
      settings.failOn = severity;
      return undefined;
    }
    case 'timeZone': {
      const zone = timeZoneName(cellText(value));
      if (!zone) return 'use a time zone name such as UTC or Europe/London';
      settings.timeZone = zone;
      return undefined;
    }
  }
}

/** `30`, `30 days`, `7d` or a number cell; whole and not negative. */
function readDays(value: Cell): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{1,6})\s*(?:days?|d)?$/i.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/** The time zone's canonical IANA name (`europe/london` → `Europe/London`), or undefined when it is unknown. */
function timeZoneName(text: string): string | undefined {
  if (text === '') return undefined;
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function nearestKey(key: string): string | undefined {
  const norms = SETTING_KEYS.map(normalizeName);
  const hit = didYouMean(normalizeName(key), norms);
  return hit === undefined ? undefined : SETTING_KEYS[norms.indexOf(hit)];
}
