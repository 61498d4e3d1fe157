// The Import tab: read resources from a file (the CLI's import kinds) into a Resources sheet.
import * as React from 'react';
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { HostActions, ImportKind } from './host-actions';
import { cellRef, errorText } from './format';

export const IMPORT_KINDS: { value: ImportKind; text: string }[] = [
  { value: 'auto', text: 'Detect from the file' },
  { value: 'kubernetes', text: 'Kubernetes YAML' },
  { value: 'terraform', text: 'Terraform plan JSON' },
  { value: 'aws', text: 'AWS Config / CLI JSON' },
  { value: 'json', text: 'JSON array of objects' },
  { value: 'csv', text: 'CSV with a header row' },
];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function ImportPanel({
  importResources,
}: {
  importResources: NonNullable<HostActions['importResources']>;
}) {
  const styles = useStyles();
  const [kind, setKind] = React.useState<ImportKind>('auto');
  const [file, setFile] = React.useState<File>();
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<{
    intent: 'success' | 'error' | 'warning';
    text: string;
    /** What was skipped and why, one line each, so a long list stays readable. */
    notes?: string[];
  }>();
  const inputId = React.useId();

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const r = await importResources(kind, file.name, await file.text());
      const notes = r.problems.map((p) => `${cellRef(p.sheet, p.cell)} ${p.message}`.trim());
      setOutcome({
        intent: r.problems.length ? 'warning' : 'success',
        text: `${r.added} resources added to ${r.sheet}${r.skipped ? `, ${r.skipped} skipped` : ''}.`,
        notes,
      });
    } catch (e) {
      setOutcome({ intent: 'error', text: `Nothing was imported: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel}>
      <Text>Add resources from a file exported by your tools.</Text>
      <Field label="Kind of file">
        <Dropdown
          value={IMPORT_KINDS.find((k) => k.value === kind)?.text}
          selectedOptions={[kind]}
          onOptionSelect={(_, d) => setKind((d.optionValue as ImportKind) ?? 'auto')}
        >
          {IMPORT_KINDS.map((k) => (
            <Option key={k.value} value={k.value}>
              {k.text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <label htmlFor={inputId}>File to import</label>
      <input
        id={inputId}
        type="file"
        accept=".json,.yaml,.yml,.csv,.txt"
        onChange={(e) => setFile(e.target.files?.[0])}
      />
      <Button appearance="primary" onClick={run} disabled={!file || busy}>
        {busy ? 'Importing…' : 'Import'}
      </Button>
      {outcome && (
        <MessageBar layout="multiline" intent={outcome.intent}>
          <MessageBarBody>
            {outcome.text}
            {outcome.notes && outcome.notes.length > 0 && (
              <ul className={styles.notes}>
                {outcome.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
