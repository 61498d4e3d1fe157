// The ribbon's function commands: Validate and New rulebook, associated with the manifest's FunctionName ids.
import { createRulebook } from '../excel/create-rulebook';
import { validateWorkbook } from '../excel/validate';
import { runCommand } from './run-command';

Office.onReady(() => {
  Office.actions.associate('validateWorkbook', (event: Office.AddinCommands.Event) =>
    runCommand(event, 'Validate', (context) => validateWorkbook(context, new Date())),
  );
  Office.actions.associate('createRulebook', (event: Office.AddinCommands.Event) =>
    runCommand(event, 'New rulebook', (context) => createRulebook(context, new Date())),
  );
});
