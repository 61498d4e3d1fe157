// Reads a written .xlsx with openpyxl (Debian's python3-openpyxl), a strict reader independent of ExcelJS.
import { spawnSync } from 'child_process';
import * as fs from 'fs';

/** Debian's interpreter, where python3-openpyxl installs; a python3 earlier on the PATH may lack it. */
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const MISSING = 3;

const SCRIPT = `
import json, sys
try:
    import openpyxl
except ImportError:
    sys.exit(${MISSING})
wb = openpyxl.load_workbook(sys.argv[1])
with_cells = sys.argv[2] == "cells"
sheets = []
for ws in wb.worksheets:
    sheet = {
        "name": ws.title,
        "validations": [
            {"sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1, "errorStyle": dv.errorStyle}
            for dv in ws.data_validations.dataValidation
        ],
    }
    if with_cells:
        sheet["cells"] = [[c if c is None or isinstance(c, (str, int, float, bool)) else str(c) for c in row] for row in ws.iter_rows(values_only=True)]
    sheets.append(sheet)
print(json.dumps(sheets))
`;

export interface OpenpyxlValidation {
  sqref: string;
  type: string | null;
  formula1: string | null;
  errorStyle: string | null;
}

export interface OpenpyxlSheet {
  name: string;
  validations: OpenpyxlValidation[];
  cells?: (string | number | boolean | null)[][];
}

/**
 * Loads the workbook with openpyxl and lists each sheet's data validations (and, when asked, its values).
 * Throws with one line when python3-openpyxl is missing, and with openpyxl's own last line when it refuses
 * the file.
 */
export function openpyxlRead(file: string, options: { cells?: boolean } = {}): OpenpyxlSheet[] {
  const run = spawnSync(PYTHON, ['-c', SCRIPT, file, options.cells ? 'cells' : 'validations'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error || run.status === MISSING) {
    throw new Error(
      `python3-openpyxl is missing (${PYTHON}): install it with "apt-get install -y python3-openpyxl", as .ci/run does`,
    );
  }
  if (run.status !== 0) {
    const last = run.stderr.trim().split('\n').pop() ?? '';
    throw new Error(`openpyxl refuses ${file}: ${last}`);
  }
  return JSON.parse(run.stdout) as OpenpyxlSheet[];
}
