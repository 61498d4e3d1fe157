// Runs one ribbon command's work in Excel.run: a failure is shown to the user, and the command always completes.
import { showMessage } from './notify';

export type CommandWork = (context: Excel.RequestContext) => Promise<unknown>;

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && code !== '' && !err.message.includes(code)
      ? `${err.message} (${code})`
      : err.message;
  }
  return String(err);
}

export async function runCommand(
  event: Office.AddinCommands.Event,
  title: string,
  work: CommandWork,
): Promise<void> {
  try {
    await Excel.run(work);
  } catch (err) {
    console.error(`Rulesheet: ${title} failed`, err);
    try {
      await showMessage(`Rulesheet: ${title} failed`, describe(err));
    } catch {
      // The message could not be shown either; the console has it, and the command must still complete.
    }
  } finally {
    event.completed();
  }
}
