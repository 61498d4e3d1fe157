// HostActions over google.script.run: each action is one server call to a global of Code.js, plain values only.
import type {
  AddedRows,
  AddedRule,
  BuilderData,
  HostActions,
  PreviewView,
  RuleCandidate,
  RulePackView,
  RunView,
} from '../../ui/host-actions';

/** The part of google.script.run the bridge uses (the client-side API of HtmlService pages). */
export interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const message =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return new Error(message);
}

function abortError(): Error {
  const e = new Error('The validation was cancelled.');
  e.name = 'AbortError';
  return e;
}

export function createScriptRunBridge(run: () => ScriptRun): HostActions {
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const runner = run()
        .withSuccessHandler((value) => resolve(value as T))
        .withFailureHandler((error) => reject(asError(error)));
      const fn = runner[name];
      if (typeof fn !== 'function') {
        reject(new Error(`The script has no function ${name}; paste the latest Code.js.`));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    });

  return {
    async validate(onProgress, signal) {
      if (signal?.aborted) throw abortError();
      // Apps Script runs the whole validation in one server call: progress is its start and its end.
      onProgress('reading', 0);
      const view = await call<RunView>('sidebarValidate');
      // The server cannot be stopped mid-run; a cancel made meanwhile still drops the answer.
      if (signal?.aborted) throw abortError();
      onProgress('writing', 1);
      return view;
    },
    selectCell: (sheet, cell) => call<void>('sidebarSelectCell', sheet, cell),
    getBuilderData: () => call<BuilderData>('sidebarGetBuilderData'),
    previewRule: (candidate: RuleCandidate) => call<PreviewView>('sidebarPreviewRule', candidate),
    addRule: (candidate: RuleCandidate) => call<AddedRule>('sidebarAddRule', candidate),
    listRulePacks: () => call<RulePackView[]>('sidebarListRulePacks'),
    addRulePack: (name: string) => call<AddedRows>('sidebarAddRulePack', name),
    getUserName: () => call<string>('sidebarGetUserName'),
  };
}
