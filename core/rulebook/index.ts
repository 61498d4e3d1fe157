// The rulebook reader's public face: grids in, the Rulebook model (with its problems) out.
export { readRulebook } from './read';
export { defaultSettings, SETTING_KEYS } from './read-settings';
export {
  RULE_COLUMNS,
  RESOURCE_COLUMNS,
  WAIVER_COLUMNS,
  OWNER_COLUMNS,
  SETTINGS_COLUMNS,
  RESULT_COLUMNS,
  generatedColumn,
  type ColumnSpec,
  type ColumnTable,
} from './headers';
export * from './model';
