// Summary cards after a run: pass rate, failing by severity, overdue items.
import * as React from 'react';
import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RunView } from './host-actions';
import { percent } from './format';

const useStyles = makeStyles({
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figure: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function SummaryCards({ run }: { run: RunView }) {
  const styles = useStyles();
  const t = run.totals;
  const failingBySeverity = run.bySeverity.filter((s) => s.failing + s.errors > 0);
  return (
    <section className={styles.cards} aria-label="Summary">
      <Card role="group" aria-label="Pass rate">
        <CardHeader header={<Text weight="semibold">Pass rate</Text>} />
        <Text className={styles.figure} data-testid="pass-rate">
          {percent(t.passRate)}
        </Text>
        <Text>
          {t.passing} passing · {t.failing} failing · {t.waived} waived · {t.errors} errors — {t.checks}{' '}
          checks of {run.rules} rules on {run.resources} resources
        </Text>
      </Card>
      <Card role="group" aria-label="Failing by severity">
        <CardHeader header={<Text weight="semibold">Failing by severity</Text>} />
        {failingBySeverity.length === 0 ? (
          <Text>Nothing is failing.</Text>
        ) : (
          <ul className={styles.list}>
            {failingBySeverity.map((s) => (
              <li key={s.name}>
                {s.name}: {s.failing} failing{s.errors ? `, ${s.errors} errors` : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card role="group" aria-label="Overdue">
        <CardHeader header={<Text weight="semibold">Overdue</Text>} />
        <Text className={styles.figure} data-testid="overdue">
          {run.overdue}
        </Text>
        <Text>
          failures past their due date · {run.newFailures} new, {run.fixed} fixed since the last run
        </Text>
      </Card>
    </section>
  );
}
