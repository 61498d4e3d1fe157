// `rulesheet import <kind> <input…> --into <rulebook>`: parse inventories into resource rows and merge them into a Resources sheet.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { applyPatches, readRulebookFile, saveRulebookFile } from '../io/rulebook-file';
import { firstLine, InputError } from '../io/input-error';
import { IMPORT_KINDS, importKind } from '../../importers/kinds';
import { sheetNameProblem } from '../../importers/sheet-name';
import { planResourcesWrite } from '../../importers/write';
import type { ImportedResource } from '../../importers/types';

export interface ImportCommandOptions {
  into: string;
  sheet?: string;
  type?: string;
  id?: string;
}

type Log = (line: string) => void;

/** Runs one import and returns the exit code: 0 done, 2 bad input (nothing written). */
export async function runImport(
  kindName: string,
  inputs: string[],
  options: ImportCommandOptions,
  log: Log = console.log,
  logError: Log = console.error,
): Promise<number> {
  const kind = importKind(kindName);
  if (!kind) {
    logError(`Unknown import kind '${kindName}'; use one of: ${Object.keys(IMPORT_KINDS).join(', ')}.`);
    return 2;
  }
  const sheet = options.sheet ?? 'Resources';
  const badName = sheetNameProblem(sheet);
  if (badName) {
    logError(`--sheet: ${badName}.`);
    return 2;
  }
  const rows: ImportedResource[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const input of inputs) {
    let text: string;
    try {
      text = await fs.readFile(input, 'utf8');
    } catch (err) {
      errors.push(`${input}: cannot read the file: ${firstLine(err)}`);
      continue;
    }
    const out = kind(text, path.basename(input), { type: options.type, id: options.id });
    for (const r of out.rows) rows.push(r);
    for (const e of out.errors) errors.push(e);
    for (const w of out.warnings ?? []) warnings.push(w);
  }
  for (const w of warnings) logError(`Warning: ${w}`);
  if (errors.length) {
    for (const e of errors) logError(e);
    logError(
      `Nothing was imported: fix ${errors.length === 1 ? 'the problem' : `the ${errors.length} problems`} above and run again.`,
    );
    return 2;
  }
  if (!rows.length) {
    log(`No resources found in ${inputs.join(', ')}; ${options.into} is unchanged.`);
    return 0;
  }
  let book;
  try {
    book = await readRulebookFile(options.into);
  } catch (err) {
    logError(
      `${firstLine(err)}${/no such file|ENOENT/i.test(String(err)) ? ' (create it with "rulesheet init")' : ''}`,
    );
    return 2;
  }
  const merged = planResourcesWrite(book.grids, sheet, rows);
  const target = merged.sheet;
  try {
    applyPatches(book, merged.patches);
    const warnings = await saveRulebookFile(book);
    for (const w of warnings) logError(`Warning: ${w}`);
  } catch (err) {
    logError(
      err instanceof InputError
        ? err.message
        : `${options.into}: cannot write the ${target} sheet: ${firstLine(err)}`,
    );
    return 2;
  }
  const cols = merged.newColumns.length
    ? `, ${merged.newColumns.length} new column${merged.newColumns.length === 1 ? '' : 's'}`
    : '';
  log(
    `Imported ${rows.length} resource${rows.length === 1 ? '' : 's'} into ${options.into} › ${target}: ${merged.added} added, ${merged.replaced} replaced${cols}.`,
  );
  return 0;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'add resources from inventories to a Resources sheet (rows with the same Type and Resource ID are replaced)',
    )
    .argument('<kind>', `what the inputs are: ${Object.keys(IMPORT_KINDS).join(', ')}`)
    .argument('<input...>', 'files to import')
    .requiredOption('--into <rulebook>', 'the rulebook to add to: a .xlsx file or a folder of CSVs')
    .option('--sheet <name>', 'the Resources sheet to write', 'Resources')
    .option('--type <type>', 'json, csv: the Type of every resource')
    .option('--id <field>', 'json, csv: the field (or column) holding each Resource ID')
    .action(async (kind: string, inputs: string[], opts: ImportCommandOptions) => {
      process.exitCode = await runImport(kind, inputs, opts);
    });
}
