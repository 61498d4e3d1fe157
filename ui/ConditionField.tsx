// The builder's Condition box: the check as an expression, its problems and Reads As as it is typed, and examples.
import * as React from 'react';
import { Dropdown, Field, Option, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ConditionCheck } from '../core';
import { CONDITION_EXAMPLE_CHOICES, insertExample } from './builder-choices';

const useStyles = makeStyles({
  wide: { width: '100%', minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace },
  // Paths such as podSpec.containers[*].volumeMounts[*] have no spaces to wrap at.
  wrap: { overflowWrap: 'anywhere' },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorPaletteRedForeground1,
    overflowWrap: 'anywhere',
  },
  meaning: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  option: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
});

export function ConditionField({
  value,
  check,
  onChange,
}: {
  value: string;
  /** core's checkCondition of `value`, made by the builder (it also decides readiness from it). */
  check: ConditionCheck;
  onChange: (text: string) => void;
}) {
  const styles = useStyles();
  const box = React.useRef<HTMLTextAreaElement>(null);
  const insert = (example: string) => {
    const el = box.current;
    const at = el ? { start: el.selectionStart, end: el.selectionEnd } : undefined;
    const next = insertExample(value, example, at);
    onChange(next.text);
    // Back to the box with the example selected, so typing replaces it and Delete removes it.
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.start, next.end);
    });
  };
  return (
    <>
      <Field
        label="Condition"
        required
        validationState={check.problems.length > 0 ? 'error' : 'none'}
        hint={'Checks joined with and, or, not, e.g. versioning.status = "Enabled" and name exists.'}
      >
        <Textarea
          ref={box}
          className={styles.wide}
          textarea={{ className: styles.code, spellCheck: false }}
          resize="vertical"
          rows={4}
          placeholder='versioning.status = "Enabled"'
          value={value}
          onChange={(_, d) => onChange(d.value)}
        />
      </Field>
      {check.problems.length > 0 && (
        <ul className={styles.problems} aria-label="Condition problems">
          {check.problems.map((p, i) => (
            <li key={i}>
              Line {p.line}, column {p.column}: {p.message}
              {p.suggestion ? ` ${p.suggestion}` : ''}
            </li>
          ))}
        </ul>
      )}
      {check.readsAs && (
        <Text className={styles.wrap} data-testid="condition-reads-as">
          Reads as: {check.readsAs}
        </Text>
      )}
      <Field label="Insert an example" hint="One for each thing only a condition can say.">
        <Dropdown
          className={styles.wide}
          placeholder="Choose an example"
          value=""
          selectedOptions={[]}
          onOptionSelect={(_, d) => d.optionValue !== undefined && insert(d.optionValue)}
        >
          {CONDITION_EXAMPLE_CHOICES.map((e) => (
            <Option key={e.label} value={e.text} text={e.label}>
              <span className={styles.option}>
                <span>{e.label}</span>
                <span className={styles.meaning}>{e.feature}</span>
              </span>
            </Option>
          ))}
        </Dropdown>
      </Field>
    </>
  );
}
