// The `rulesheet` command line: validate, lint, import, init. `run` returns the exit code so tests call it in-process.
import { Command, CommanderError } from 'commander';
import { registerImport } from './commands/import';
import { registerInit } from './commands/init';
import { registerLint } from './commands/lint';
import { registerValidate } from './commands/validate';
import { firstLine } from './io/input-error';
import { processIO, type CliIO } from './io/streams';
import { packageVersion } from './report/version';

/**
 * Exit codes: 0 done; 1 a FAIL/ERROR at or above --fail-on remains (validate) or the rulebook has an
 * error-severity problem (lint); 2 a usage error or input that cannot be read or written.
 */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('rulesheet')
    .description('Security rules written as spreadsheet rows, checked against every resource.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showSuggestionAfterError(true);
  registerValidate(program, io, (code) => (exitCode = code));
  registerLint(program, io, (code) => (exitCode = code));
  registerImport(program);
  registerInit(program);

  // The import and init commands report through process.exitCode; it is read here and put back.
  const outerExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (typeof process.exitCode === 'number' && process.exitCode !== 0) exitCode = process.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr.write(`rulesheet: ${firstLine(err)}\n`);
    if (process.env.RULESHEET_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return 2;
  } finally {
    process.exitCode = outerExitCode;
  }
  return exitCode;
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
