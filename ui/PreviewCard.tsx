// The live preview of a candidate rule: its plain words, how many would pass and fail, and examples.
import * as React from 'react';
import {
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PreviewView } from './host-actions';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // A condition's paths have no spaces to wrap at in a narrow pane.
  words: { fontStyle: 'italic', overflowWrap: 'anywhere' },
});

export function PreviewCard({ preview, busy }: { preview?: PreviewView; busy: boolean }) {
  const styles = useStyles();
  if (!preview) return busy ? <Spinner size="tiny" label="Trying the rule…" /> : null;
  return (
    <Card role="region" aria-label="Preview" aria-busy={busy}>
      <CardHeader header={<Text weight="semibold">Preview</Text>} />
      {preview.readsAs && <Text className={styles.words}>Reads as: {preview.readsAs}</Text>}
      {preview.problems.map((p, i) => (
        <MessageBar key={i} layout="multiline" intent={p.severity === 'error' ? 'error' : 'warning'}>
          <MessageBarBody>
            {p.message} {p.suggestion}
          </MessageBarBody>
        </MessageBar>
      ))}
      <Text data-testid="preview-counts">
        {preview.passing} would pass · {preview.failing} would fail
        {preview.waived ? ` · ${preview.waived} waived` : ''}
        {preview.errors ? ` · ${preview.errors} errors` : ''}
      </Text>
      {preview.examples.length > 0 && (
        <ul className={styles.list} aria-label="Examples">
          {preview.examples.map((e, i) => (
            <li key={i}>
              {e.status === 'PASS' ? '✔' : '✖'} {e.resourceName || e.resourceId}
              {e.status !== 'PASS' && e.message ? ` — ${e.message}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
