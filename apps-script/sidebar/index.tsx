// The Google Sheets sidebar: the shared task pane, talking to Code.js through google.script.run.
import { mountTaskpane } from '../../ui/mount';
import { createScriptRunBridge, type ScriptRun } from './bridge';

declare const google: { script: { run: ScriptRun } };

const root = document.getElementById('root');
if (root)
  mountTaskpane(
    root,
    createScriptRunBridge(() => google.script.run),
  );
