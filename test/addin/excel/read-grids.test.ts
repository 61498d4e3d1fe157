// Which extra sheets the Excel reader loads for the Rules sheet: exactly those core reads a list from.
import { isCoreSheet } from '../../../addin/excel/read-grids';
import { referencedSheets } from '../../../core';

describe('referencedSheets', () => {
  it.each([
    ["'Approved Images'!Image", ['approvedimages']],
    ['Registries!Name', ['registries']],
    ["  'It''s'!Name  ", ["it's"]],
    // Core reads a list only from a whole Expected cell; a mention inside other text is not a reference.
    ['see Registries!Name for the list', []],
    ['Hello!', []],
    ['no reference', []],
  ])('%s → %j', (cell, expected) => {
    expect(referencedSheets({ name: 'Rules', rows: [['Expected'], [cell]] })).toEqual(expected);
  });
});

describe('isCoreSheet', () => {
  it.each([
    ['Rules', true],
    ['rulebook', true],
    ['Waivers', true],
    ['Configuration', true],
    ['Run History', true],
    ['Resources - AWS', true],
    ['Summary', false],
    ['Notes', false],
  ])('%s → %s', (name, expected) => {
    expect(isCoreSheet(name)).toBe(expected);
  });
});
