// The Problems tab: every problem of the rulebook, each a link that selects its cell.
import * as React from 'react';
import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { HostActions, ProblemView, RunView } from './host-actions';
import { cellRef, errorText } from './format';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column' },
  suggestion: { color: tokens.colorNeutralForeground3 },
});

export function ProblemsPanel({ host, run }: { host: Pick<HostActions, 'selectCell'>; run?: RunView }) {
  const styles = useStyles();
  const [error, setError] = React.useState<string>();
  if (!run) return <Text>Run Validate to see the problems in the rulebook.</Text>;
  if (run.problems.length === 0) return <Text>No problems: every rule and sheet reads cleanly.</Text>;
  const select = (p: ProblemView) => host.selectCell(p.sheet, p.cell).catch((e) => setError(errorText(e)));
  return (
    <>
      {error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>Could not select the cell: {error}</MessageBarBody>
        </MessageBar>
      )}
      <Text>
        {run.problems.length} problem{run.problems.length === 1 ? '' : 's'} — select one to go to its cell.
      </Text>
      <ul className={styles.list} aria-label="Problems">
        {run.problems.map((p, i) => (
          <li key={i} className={styles.item}>
            {p.sheet ? (
              <Link
                as="button"
                onClick={() => select(p)}
                aria-label={`${cellRef(p.sheet, p.cell)}: ${p.message}`}
              >
                {p.severity === 'error' ? '✖' : '⚠'} {cellRef(p.sheet, p.cell)}: {p.message}
              </Link>
            ) : (
              <Text>
                {p.severity === 'error' ? '✖' : '⚠'} {p.message}
              </Text>
            )}
            {p.suggestion && <Text className={styles.suggestion}>{p.suggestion}</Text>}
          </li>
        ))}
      </ul>
    </>
  );
}
