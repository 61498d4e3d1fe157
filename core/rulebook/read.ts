// Reading a workbook's grids into the Rulebook: every sheet the engine knows, with every problem as data.
import { normalizeName } from '../names';
import { problem, type Problem } from '../problems';
import type { Grid } from '../types';
import type { Rulebook, RulesSheet } from './model';
import { checkRuleTypes, readRules } from './read-rules';
import { emptyResources, readResourceSheet } from './read-resources';
import { readWaivers } from './read-waivers';
import { waiverTargets } from './waiver-targets';
import { readOwners } from './read-owners';
import { defaultSettings, readSettings } from './read-settings';
import { readPreviousHistory, readPreviousResults } from './read-previous';
import {
  cleanGrids,
  findSheet,
  findSheetsByPrefix,
  HISTORY_SHEET,
  nearestSheet,
  OWNERS_SHEET,
  RESOURCES_PREFIX,
  RESULTS_SHEET,
  RULES_SHEET,
  SETTINGS_SHEET,
  WAIVERS_SHEET,
} from './sheets';

/**
 * Reads every grid into the rulebook. Never throws: problems are collected in sheet order (Rules, Resources,
 * Exceptions, Owners, Settings, Results) and rule problems are also kept on their rule.
 */
export function readRulebook(grids: Grid[]): Rulebook {
  const all = cleanGrids(grids);
  const book: Rulebook = {
    rules: [],
    resourceSheets: [],
    resources: [],
    waivers: [],
    owners: [],
    settings: defaultSettings(),
    previousResults: [],
    previousHistory: [],
    grids: new Map(),
    problems: [],
  };
  for (const g of all) {
    const key = normalizeName(g.name);
    if (!book.grids.has(key)) book.grids.set(key, g);
  }
  const add = (found: readonly Problem[]) => {
    // A loop, not push(...found): a huge sheet's problems would overflow the argument limit.
    for (const p of found) book.problems.push(p);
  };
  // Each sheet is read on its own, so a fault in one (a bug, hostile data) leaves the others read.
  const guard = (sheet: string, read: () => void, report: (found: readonly Problem[]) => void = add) => {
    try {
      read();
    } catch (e) {
      const detail = `The ${sheet} sheet could not be read: ${e instanceof Error ? e.message : String(e)}`;
      report([problem('data_unreadable', { detail }, { sheet })]);
    }
  };

  let rulesSheet: RulesSheet | undefined;
  const rulesProblems: Problem[] = [];
  const rulesGrid = findSheet(all, RULES_SHEET);
  if (rulesGrid) {
    guard(rulesGrid.name, () => {
      const read = readRules(rulesGrid);
      rulesSheet = read.sheet;
      book.rulesSheet = read.sheet;
      book.rules = read.rules;
      for (const p of read.problems) rulesProblems.push(p);
    });
  } else {
    const params = { sheet: RULES_SHEET.name, suggestion: nearestSheet(all, RULES_SHEET.name) };
    rulesProblems.push(problem('missing_sheet', params, { sheet: RULES_SHEET.name }));
  }

  // One sheet at a time under its own guard; duplicates are still found across sheets, in grid order.
  const resources = emptyResources();
  for (const grid of findSheetsByPrefix(all, RESOURCES_PREFIX))
    guard(grid.name, () => readResourceSheet(grid, resources));
  book.resourceSheets = resources.sheets;
  book.resources = resources.resources;

  if (rulesSheet) {
    const sheet = rulesSheet;
    guard(sheet.name, () => {
      for (const p of checkRuleTypes(sheet, book.rules, book.resources)) rulesProblems.push(p);
    });
  }
  add(sortByRow(rulesProblems));
  add(resources.problems);

  // Settings are read before Exceptions (Expires dates need the time zone); their problems keep their place below.
  const settingsGrid = findSheet(all, SETTINGS_SHEET);
  const settingsProblems: Problem[] = [];
  if (settingsGrid) {
    const keep = (found: readonly Problem[]) => {
      for (const p of found) settingsProblems.push(p);
    };
    guard(
      settingsGrid.name,
      () => {
        const read = readSettings(settingsGrid);
        book.settings = read.settings;
        keep(read.problems);
      },
      keep,
    );
  }

  const waiversGrid = findSheet(all, WAIVERS_SHEET);
  if (waiversGrid) {
    guard(waiversGrid.name, () => {
      const read = readWaivers(
        waiversGrid,
        book.rules.map((r) => r.id).filter((id) => id !== ''),
        book.settings.timeZone,
        book.resources.length > 0 ? waiverTargets(book.rules, book.resources) : undefined,
      );
      book.waivers = read.waivers;
      add(read.problems);
    });
  }

  const ownersGrid = findSheet(all, OWNERS_SHEET);
  if (ownersGrid) {
    guard(ownersGrid.name, () => {
      const read = readOwners(ownersGrid);
      book.owners = read.owners;
      add(read.problems);
    });
  }

  add(settingsProblems);

  const resultsGrid = findSheet(all, RESULTS_SHEET);
  if (resultsGrid) {
    guard(resultsGrid.name, () => {
      const read = readPreviousResults(resultsGrid);
      book.previousResults = read.previousResults;
      add(read.problems);
    });
  }

  const historyGrid = findSheet(all, HISTORY_SHEET);
  if (historyGrid) guard(historyGrid.name, () => (book.previousHistory = readPreviousHistory(historyGrid)));

  return book;
}

// Rule problems found after the resources (unknown types) join their rows, so the list reads top to bottom;
// within a row the order stays as found (the sort is stable).
function sortByRow(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.location.row ?? -1) - (b.location.row ?? -1));
}
