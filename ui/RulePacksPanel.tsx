// The Rule packs tab: the packs the project ships, each added to the Rules sheet with one click.
import * as React from 'react';
import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { HostActions, RulePackView } from './host-actions';
import { errorText } from './format';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function RulePacksPanel({ host }: { host: Pick<HostActions, 'listRulePacks' | 'addRulePack'> }) {
  const styles = useStyles();
  const [packs, setPacks] = React.useState<RulePackView[]>();
  const [busy, setBusy] = React.useState<string>();
  const [outcome, setOutcome] = React.useState<{ intent: 'success' | 'error'; text: string }>();

  React.useEffect(() => {
    host
      .listRulePacks()
      .then(setPacks, (e) =>
        setOutcome({ intent: 'error', text: `Could not list the rule packs: ${errorText(e)}` }),
      );
  }, [host]);

  const add = async (pack: RulePackView) => {
    setBusy(pack.name);
    setOutcome(undefined);
    try {
      const r = await host.addRulePack(pack.name);
      const skipped = r.skipped ? `, ${r.skipped} already there` : '';
      setOutcome({
        intent: 'success',
        text: `${pack.title}: ${r.added} rules added to ${r.sheet}${skipped}.`,
      });
    } catch (e) {
      setOutcome({ intent: 'error', text: `${pack.title} was not added: ${errorText(e)}` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.panel}>
      {outcome && (
        <MessageBar layout="multiline" intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {!packs && !outcome && <Text>Reading the rule packs…</Text>}
      {packs?.length === 0 && <Text>No rule packs are available here yet.</Text>}
      {packs?.map((p) => (
        <Card key={p.name} role="group" aria-label={p.title}>
          <CardHeader
            header={<Text weight="semibold">{p.title}</Text>}
            description={<Text size={200}>{p.rules} rules</Text>}
          />
          <Text>{p.description}</Text>
          <Button onClick={() => add(p)} disabled={busy !== undefined} aria-label={`Add ${p.title}`}>
            {busy === p.name ? 'Adding…' : 'Add'}
          </Button>
        </Card>
      ))}
    </div>
  );
}
