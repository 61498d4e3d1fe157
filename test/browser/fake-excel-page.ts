// Browser entry for the taskpane browser test: installs the in-memory Excel fake as window.Excel, seeded with grids.
import { createFakeExcel, FakeWorkbook } from '../../testkit/excel';
import type { Cell } from '../../core';

interface PageGlobals {
  Excel: unknown;
  rulesheetFakeBook?: FakeWorkbook;
  rulesheetSheetValues?: (name: string) => (string | number | boolean)[][];
}

export function installFakeExcel(grids: { name: string; rows: Cell[][] }[]): void {
  const g = window as unknown as PageGlobals;
  const book = new FakeWorkbook();
  for (const grid of grids) book.seed(grid.name, grid.rows);
  const fake = createFakeExcel(book);
  g.Excel = { run: fake.run.bind(fake) };
  g.rulesheetFakeBook = book;
  g.rulesheetSheetValues = (name) => {
    const sheet = book.sheet(name);
    const box = sheet?.usedBox(true);
    return sheet && box ? sheet.values({ r0: 0, c0: 0, r1: box.r1, c1: box.c1 }) : [];
  };
}

(window as unknown as { rulesheetInstallFakeExcel: typeof installFakeExcel }).rulesheetInstallFakeExcel =
  installFakeExcel;
