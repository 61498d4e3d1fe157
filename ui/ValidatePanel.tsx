// The Validate tab: run the rulebook with progress through reading, checking and writing, cancel, then the summary.
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { HostActions, RunPhase, RunView } from './host-actions';
import { SummaryCards } from './SummaryCards';
import { errorText, isAbort, percent, PHASE_WORDS } from './format';

const PHASES: RunPhase[] = ['reading', 'checking', 'writing'];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface ValidatePanelProps {
  host: Pick<HostActions, 'validate'>;
  run?: RunView;
  onRun: (run: RunView) => void;
}

export function ValidatePanel({ host, run, onRun }: ValidatePanelProps) {
  const styles = useStyles();
  const [progress, setProgress] = React.useState<{ phase: RunPhase; fraction: number }>();
  const [message, setMessage] = React.useState<{ intent: 'error' | 'warning' | 'success'; text: string }>();
  const controller = React.useRef<AbortController>();

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setMessage(undefined);
    setProgress({ phase: 'reading', fraction: 0 });
    try {
      const view = await host.validate((phase, fraction) => {
        if (!abort.signal.aborted) setProgress({ phase, fraction: Math.max(0, Math.min(1, fraction)) });
      }, abort.signal);
      if (abort.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      onRun(view);
      setMessage({ intent: 'success', text: `Checked ${view.totals.checks} rule–resource pairs.` });
    } catch (e) {
      setMessage(
        isAbort(e)
          ? { intent: 'warning', text: 'Validation cancelled.' }
          : { intent: 'error', text: `Validation failed: ${errorText(e)}` },
      );
    } finally {
      controller.current = undefined;
      setProgress(undefined);
    }
  };

  const overall = progress ? (PHASES.indexOf(progress.phase) + progress.fraction) / PHASES.length : 0;
  return (
    <div className={styles.panel}>
      <Text>Check every resource against every rule, and write Results, Summary and Run History.</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={start} disabled={progress !== undefined}>
          Validate
        </Button>
        {progress && <Button onClick={() => controller.current?.abort()}>Cancel</Button>}
      </div>
      {progress && (
        <div role="status">
          <Text>{`${PHASE_WORDS[progress.phase]}… ${percent(overall)}`}</Text>
          <ProgressBar
            value={overall}
            max={1}
            aria-label={`${PHASE_WORDS[progress.phase]}, ${percent(overall)}`}
          />
        </div>
      )}
      {message && (
        <MessageBar layout="multiline" intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {run && <SummaryCards run={run} />}
    </div>
  );
}
