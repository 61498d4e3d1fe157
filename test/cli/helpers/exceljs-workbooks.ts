// A real-world-shaped rulebook made by ExcelJS: the same user sheets as openpyxl-workbooks.py makes (ExcelJS cannot draw a chart).
import ExcelJS from 'exceljs';
import { SHEETS } from './rulebook';

export async function makeExceljsRulebook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(SHEETS)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  const rules = wb.getWorksheet('Rules')!;
  rules.getRow(1).eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
  });
  rules.getCell('B2').note = 'Ask Dana before changing this rule';
  rules.getColumn(2).width = 42;

  const inv = wb.addWorksheet('Inventory');
  inv.addRows([
    ['Team', 'Buckets', 'Share', 'Link', 'Tier'],
    ['Payments', 12, null, null, 'Gold'],
    ['Search', 30, null, null, 'Silver'],
    ['Ledger', 8, null, null, 'Bronze'],
  ]);
  for (let r = 2; r <= 4; r++) {
    inv.getCell(r, 3).value = { formula: `B${r}/SUM($B$2:$B$4)`, result: 0.2 };
    inv.getCell(r, 3).numFmt = '0.0%';
  }
  inv.getCell('A6').value = 'Total';
  inv.getCell('B6').value = { formula: 'SUM(B2:B4)', result: 50 };
  inv.getCell('B6').font = { bold: true, italic: true, color: { argb: 'FFC00000' } };
  inv.getCell('D2').value = { text: 'runbook', hyperlink: 'https://wiki.example.com/payments' };
  inv.getCell('D3').value = { text: 'search', hyperlink: 'https://wiki.example.com/search' };
  inv.getCell('A7').value = { error: '#DIV/0!' };
  inv.getCell('A8').value = 'Reviewed quarterly by the platform team';
  inv.mergeCells('A8:E8');
  inv.getCell('A8').alignment = { horizontal: 'center', wrapText: true };
  inv.getCell('A1').note = 'Teams from the CMDB export';
  const validations = (
    inv as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add('E2:E50', { type: 'list', allowBlank: true, formulae: ['"Gold,Silver,Bronze"'] });
  validations.add('B2:B1048576', {
    type: 'whole',
    operator: 'between',
    formulae: [0, 1000],
    showErrorMessage: true,
    errorStyle: 'warning',
  });

  const lookups = wb.addWorksheet('Lookups', { state: 'hidden' });
  lookups.addRows([['Tier'], ['Gold'], ['Silver'], ['Bronze']]);
  const locked = wb.addWorksheet('Locked');
  locked.getCell('A1').value = 'Do not edit';
  locked.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  await locked.protect('audit', {});
  await wb.xlsx.writeFile(file);
}
