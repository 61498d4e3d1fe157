// The rule builder: type, then field/operator/expected from what the resources hold or a Condition, a live preview, Add rule.
import * as React from 'react';
import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BuilderData, HostActions, PreviewView, RuleCandidate } from './host-actions';
import { checkCondition } from '../core';
import { PreviewCard } from './PreviewCard';
import { ConditionField } from './ConditionField';
import {
  CHECK_CHOICES,
  type CheckForm,
  expectedHint,
  MATCH_CHOICES,
  missingParts,
  offersMatchCase,
  OPERATOR_CHOICES,
  SEVERITY_CHOICES,
  takesExpected,
  withMatchCase,
} from './builder-choices';
import { cellRef, errorText } from './format';

const MAX_OPTIONS = 100;
const PREVIEW_DELAY_MS = 300;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  wide: { width: '100%', minWidth: 0 },
  meaning: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  option: { display: 'flex', flexDirection: 'column' },
});

export type BuilderHost = Pick<HostActions, 'getBuilderData' | 'previewRule' | 'addRule'>;

const filterBy = (items: readonly string[], text: string) => {
  const t = text.trim().toLowerCase();
  return (t ? items.filter((i) => i.toLowerCase().includes(t)) : items).slice(0, MAX_OPTIONS);
};

export function RuleBuilder({ host }: { host: BuilderHost }) {
  const styles = useStyles();
  const [data, setData] = React.useState<BuilderData>();
  const [loadError, setLoadError] = React.useState<string>();
  const [type, setType] = React.useState('');
  // Row form by default; the Condition keeps its text while the person switches back and forth.
  const [form, setForm] = React.useState<CheckForm>('row');
  const [condition, setCondition] = React.useState('');
  const [field, setField] = React.useState('');
  const [operator, setOperator] = React.useState('');
  const [expected, setExpected] = React.useState('');
  // Text compares ignoring case unless this is ticked (then the rule gets the `… matching case` operator).
  const [matchCase, setMatchCase] = React.useState(false);
  const [match, setMatch] = React.useState<'all' | 'any' | 'none'>('all');
  const [ruleId, setRuleId] = React.useState('');
  // The Rule ID follows the chosen type's prefix until the person types one of their own.
  const [ownId, setOwnId] = React.useState(false);
  const [title, setTitle] = React.useState('');
  const [severity, setSeverity] = React.useState('Medium');
  const [preview, setPreview] = React.useState<PreviewView>();
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<{ intent: 'success' | 'error'; text: string }>();

  const typeRef = React.useRef(type);
  typeRef.current = type;
  const load = React.useCallback(() => {
    setLoadError(undefined);
    host.getBuilderData().then(
      (d) => {
        setData(d);
        setOwnId(false);
        setRuleId(d.types.find((t) => t.type === typeRef.current)?.nextRuleId ?? d.nextRuleId);
      },
      (e) => setLoadError(errorText(e)),
    );
  }, [host]);
  React.useEffect(load, [load]);

  const typeView = data?.types.find((t) => t.type === type);
  const fieldView = typeView?.fields.find((f) => f.path === field);
  const wantsExpected = takesExpected(operator);
  const hasWildcard = field.includes('[*]');
  const byCondition = form === 'condition';
  // Parsed on every keystroke, in the pane: problems and Reads As need no round trip to the host.
  const conditionCheck = React.useMemo(() => checkCondition(condition), [condition]);
  const candidate: RuleCandidate = byCondition
    ? { ruleId, title, resourceType: type, condition, field: '', operator: '', expected: '', severity }
    : {
        ruleId,
        title,
        resourceType: type,
        field: field.trim(),
        operator: withMatchCase(operator, matchCase),
        expected: wantsExpected ? expected : '',
        match: hasWildcard ? match : undefined,
        severity,
      };

  // The preview follows the check only; Rule ID, title and severity do not change what passes.
  const checkKey = JSON.stringify([
    candidate.resourceType,
    candidate.condition,
    candidate.field,
    candidate.operator,
    candidate.expected,
    candidate.match,
  ]);
  const seq = React.useRef(0);
  React.useEffect(() => {
    const ready = byCondition
      ? type && condition.trim() && conditionCheck.problems.length === 0
      : type && field.trim() && operator && (!wantsExpected || expected.trim());
    const mine = ++seq.current;
    if (!ready) {
      setPreview(undefined);
      setBusy(false);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      host.previewRule(candidate).then(
        (p) => mine === seq.current && (setPreview(p), setBusy(false)),
        (e) =>
          mine === seq.current &&
          (setPreview(undefined),
          setBusy(false),
          setOutcome({ intent: 'error', text: `Preview failed: ${errorText(e)}` })),
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // candidate is rebuilt every render; checkKey is its part the preview depends on.
  }, [checkKey, host]);

  const missing = missingParts(candidate, preview, form);
  const add = async () => {
    setOutcome(undefined);
    try {
      const added = await host.addRule(candidate);
      setOutcome({
        intent: 'success',
        text: `Rule ${added.ruleId} added at ${cellRef(added.sheet, added.cell)}. Validate to see it run.`,
      });
      setField('');
      setOperator('');
      setExpected('');
      setCondition('');
      setTitle('');
      setPreview(undefined);
      load();
    } catch (e) {
      setOutcome({ intent: 'error', text: `The rule was not added: ${errorText(e)}` });
    }
  };

  if (loadError) {
    return (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>
          Could not read the resources: {loadError}{' '}
          <Button size="small" onClick={load}>
            Try again
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!data) return <Text>Reading the resources…</Text>;
  if (data.types.length === 0)
    return <Text>No resources yet: add rows to a Resources sheet (or import a file), then come back.</Text>;

  const fieldPaths = typeView?.fields.map((f) => f.path) ?? [];
  const operatorChoice = OPERATOR_CHOICES.find((o) => o.name === operator);
  return (
    <form
      className={styles.form}
      aria-label="Rule builder"
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length === 0) void add();
      }}
    >
      <Field label="Resource type" required>
        <Dropdown
          className={styles.wide}
          placeholder="Choose a type"
          value={type}
          selectedOptions={type ? [type] : []}
          onOptionSelect={(_, d) => {
            const next = d.optionValue ?? '';
            setType(next);
            setField('');
            setExpected('');
            if (!ownId) setRuleId(data.types.find((t) => t.type === next)?.nextRuleId ?? data.nextRuleId);
          }}
        >
          {data.types.map((t) => (
            <Option key={t.type} value={t.type} text={t.type}>
              {t.type} ({t.count})
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Field label="Check">
        <RadioGroup value={form} onChange={(_, d) => setForm(d.value as CheckForm)}>
          {CHECK_CHOICES.map((c) => (
            <Radio key={c.value} value={c.value} label={c.text} />
          ))}
        </RadioGroup>
      </Field>

      {byCondition ? (
        <ConditionField value={condition} check={conditionCheck} onChange={setCondition} />
      ) : (
        <>
          <Field
            label="Field"
            required
            hint={
              fieldView
                ? `Set on ${fieldView.seen} of ${typeView?.count} resources.`
                : 'A column or a path such as spec.containers[*].image.'
            }
          >
            <Combobox
              className={styles.wide}
              freeform
              disabled={!type}
              placeholder="Choose or type a field"
              value={field}
              selectedOptions={field ? [field] : []}
              onChange={(e) => setField(e.target.value)}
              onOptionSelect={(_, d) => {
                setField(d.optionValue ?? '');
                setExpected('');
              }}
            >
              {filterBy(fieldPaths, fieldPaths.includes(field) ? '' : field).map((p) => (
                <Option key={p} value={p}>
                  {p}
                </Option>
              ))}
            </Combobox>
          </Field>

          {hasWildcard && (
            <Field label="Which elements must hold">
              <Dropdown
                className={styles.wide}
                value={MATCH_CHOICES.find((m) => m.value === match)?.text}
                selectedOptions={[match]}
                onOptionSelect={(_, d) => setMatch((d.optionValue as typeof match) ?? 'all')}
              >
                {MATCH_CHOICES.map((m) => (
                  <Option key={m.value} value={m.value}>
                    {m.text}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}

          <Field
            label="Operator"
            required
            hint={operatorChoice ? `The field ${operatorChoice.meaning}` : undefined}
          >
            <Dropdown
              className={styles.wide}
              placeholder="Choose what the field must do"
              disabled={!type}
              value={operator}
              selectedOptions={operator ? [operator] : []}
              onOptionSelect={(_, d) => setOperator(d.optionValue ?? '')}
            >
              {OPERATOR_CHOICES.map((o) => (
                <Option key={o.name} value={o.name} text={o.name}>
                  <span className={styles.option}>
                    <span>{o.name}</span>
                    <span className={styles.meaning}>{o.meaning}</span>
                  </span>
                </Option>
              ))}
            </Dropdown>
          </Field>

          {offersMatchCase(operator) && (
            <Checkbox
              label="Match case (ALL is not all)"
              checked={matchCase}
              onChange={(_, d) => setMatchCase(d.checked === true)}
            />
          )}

          {operator && wantsExpected && (
            <Field label="Expected" required hint={expectedHint(operator)}>
              <Combobox
                className={styles.wide}
                freeform
                placeholder="Choose or type a value"
                value={expected}
                selectedOptions={[]}
                onChange={(e) => setExpected(e.target.value)}
                onOptionSelect={(_, d) => d.optionValue !== undefined && setExpected(d.optionValue)}
              >
                {filterBy(fieldView?.values ?? [], '').map((v) => (
                  <Option key={v} value={v}>
                    {v}
                  </Option>
                ))}
              </Combobox>
            </Field>
          )}
        </>
      )}

      <PreviewCard preview={preview} busy={busy} />

      <Field label="Title" required hint="A plain sentence, e.g. “Production buckets keep versioning on”.">
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label="Rule ID" required>
        <Input
          value={ruleId}
          onChange={(_, d) => {
            setRuleId(d.value);
            setOwnId(true);
          }}
        />
      </Field>
      <Field label="Severity">
        <Dropdown
          className={styles.wide}
          value={severity}
          selectedOptions={[severity]}
          onOptionSelect={(_, d) => setSeverity(d.optionValue ?? 'Medium')}
        >
          {SEVERITY_CHOICES.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Button appearance="primary" type="submit" disabled={missing.length > 0}>
        Add rule
      </Button>
      {missing.length > 0 && <Text size={200}>Still needed: {missing.join(', ')}.</Text>}
      {outcome && (
        <MessageBar layout="multiline" intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
