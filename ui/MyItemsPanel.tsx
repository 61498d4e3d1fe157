// The My items tab: failures whose Fix Owner is me (the signed-in user, or a name typed once and remembered).
import * as React from 'react';
import { Badge, Button, Input, Field, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { HostActions, ItemView, KeyValueStore, RunView } from './host-actions';
import { cellRef } from './format';

export const NAME_KEY = 'rulesheet.myName';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // Long rule and resource ids wrap inside a 320 px pane instead of pushing it sideways.
  link: { textAlign: 'left', whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Every way a person's items may be written in Fix Owner: what they typed (or the host's sign-in), and, through
 * each Owners row whose Owner or Email is that, the row's Owner and Email too. Case and spacing are ignored.
 */
export function identitiesOf(run: Pick<RunView, 'owners'>, identity: string): Set<string> {
  const me = norm(identity);
  const names = new Set<string>(me ? [me] : []);
  if (!me) return names;
  for (const o of run.owners ?? []) {
    const name = norm(o.name);
    const email = norm(o.email);
    if (name !== me && email !== me) continue;
    if (name) names.add(name);
    if (email) names.add(email);
  }
  return names;
}

/** The items a person must fix: FAIL and ERROR whose Fix Owner is them, by name or by the Owners sheet's Email. */
export function itemsFor(run: RunView, identity: string): ItemView[] {
  const mine = identitiesOf(run, identity);
  return run.items.filter((i) => i.status !== 'WAIVED' && mine.has(norm(i.fixOwner)));
}

export interface MyItemsProps {
  host: Pick<HostActions, 'getUserName' | 'selectCell'>;
  storage: KeyValueStore;
  run?: RunView;
}

export function MyItemsPanel({ host, storage, run }: MyItemsProps) {
  const styles = useStyles();
  const [name, setName] = React.useState<string>(() => storage.getItem(NAME_KEY) ?? '');
  const [draft, setDraft] = React.useState('');
  const [editing, setEditing] = React.useState(false);

  React.useEffect(() => {
    if (name) return;
    let live = true;
    host.getUserName().then(
      (n) => live && n.trim() && setName(n.trim()),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, name]);

  const save = () => {
    const n = draft.trim();
    if (!n) return;
    storage.setItem(NAME_KEY, n);
    setName(n);
    setEditing(false);
  };

  if (!name || editing) {
    return (
      <form
        className={styles.panel}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field
          label="Your name or e-mail, as in Fix Owner or the Owners sheet"
          hint="Typed once; the pane remembers it."
        >
          <Input value={draft} onChange={(_, d) => setDraft(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={!draft.trim()}>
            Show my items
          </Button>
          {editing && <Button onClick={() => setEditing(false)}>Cancel</Button>}
        </div>
      </form>
    );
  }

  const mine = run ? itemsFor(run, name) : [];
  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Text>
          Items for <strong>{name}</strong>
        </Text>
        <Link
          as="button"
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          Not you?
        </Link>
      </div>
      {!run && <Text>Run Validate to see what is yours to fix.</Text>}
      {run && mine.length === 0 && (
        <Text>
          Nothing to fix: no failing resource has {[...identitiesOf(run, name)].join(' or ')} as Fix Owner.
        </Text>
      )}
      {mine.length > 0 && (
        <ul className={styles.list} aria-label="My items">
          {mine.map((i, n) => (
            <li key={n} className={styles.item}>
              <Link
                as="button"
                className={styles.link}
                title={`${i.ruleId} · ${i.resourceId}: ${i.title}`}
                onClick={() => void host.selectCell(i.sheet, i.cell).catch(() => undefined)}
                aria-label={`${i.ruleId} on ${i.resourceId}: ${i.title}`}
              >
                {i.ruleId} · {i.resourceName || i.resourceId}: {i.title}
              </Link>
              <Text>{i.message}</Text>
              <div className={styles.row}>
                <Badge
                  appearance="tint"
                  color={i.severity === 'Critical' || i.severity === 'High' ? 'danger' : 'warning'}
                >
                  {i.severity}
                </Badge>
                {i.overdue ? (
                  <Badge appearance="filled" color="danger">
                    overdue since {i.due}
                  </Badge>
                ) : (
                  i.due && <Text size={200}>due {i.due}</Text>
                )}
                <Text size={200}>{cellRef(i.sheet, i.cell)}</Text>
              </div>
              {i.remediation && <Text size={200}>{i.remediation}</Text>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
