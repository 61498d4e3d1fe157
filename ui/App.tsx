// The task pane (and the Google Sheets sidebar): tabs for Validate, Problems, My items, Rule builder, Rule packs, Import.
import * as React from 'react';
import {
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { HostActions, KeyValueStore, RunView } from './host-actions';
import { ValidatePanel } from './ValidatePanel';
import { ProblemsPanel } from './ProblemsPanel';
import { MyItemsPanel } from './MyItemsPanel';
import { RuleBuilder } from './RuleBuilder';
import { RulePacksPanel } from './RulePacksPanel';
import { ImportPanel } from './ImportPanel';

export type TabName = 'validate' | 'problems' | 'mine' | 'builder' | 'packs' | 'import';

// Layout lives on <main>, not on FluentProvider: Fluent copies the provider's className onto every portal mount
// (applyStylesToPortals), so a min-height there turned each dropdown's portal into a white layer over the whole pane.
const useStyles = makeStyles({
  main: {
    minWidth: '280px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalS,
    minHeight: '100vh',
    // Every panel fits 320 px: text that cannot wrap at a space (ids, paths, e-mails) breaks where it must.
    overflowWrap: 'anywhere',
  },
  tabs: { flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
});

export interface AppProps {
  host: HostActions;
  /** Where the name typed for My items is remembered (window.localStorage in a browser). */
  storage: KeyValueStore;
  initialTab?: TabName;
  theme?: Theme;
}

export function App({ host, storage, initialTab = 'validate', theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabName>(initialTab);
  const [run, setRun] = React.useState<RunView>();
  // Panels are built when first shown and then kept, so switching tabs keeps a half-built rule.
  const [seen, setSeen] = React.useState<Set<TabName>>(() => new Set([initialTab]));
  const importResources = host.importResources?.bind(host);

  const tabs: { name: TabName; label: string; render: () => React.ReactNode }[] = [
    {
      name: 'validate',
      label: 'Validate',
      render: () => <ValidatePanel host={host} run={run} onRun={setRun} />,
    },
    {
      name: 'problems',
      label: run?.problems.length ? `Problems (${run.problems.length})` : 'Problems',
      render: () => <ProblemsPanel host={host} run={run} />,
    },
    {
      name: 'mine',
      label: 'My items',
      render: () => <MyItemsPanel host={host} storage={storage} run={run} />,
    },
    { name: 'builder', label: 'Rule builder', render: () => <RuleBuilder host={host} /> },
    { name: 'packs', label: 'Rule packs', render: () => <RulePacksPanel host={host} /> },
  ];
  if (importResources)
    tabs.push({
      name: 'import',
      label: 'Import',
      render: () => <ImportPanel importResources={importResources} />,
    });

  return (
    <FluentProvider theme={theme}>
      <main className={styles.main}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          aria-label="Rulesheet"
          onTabSelect={(_, d) => {
            const next = d.value as TabName;
            setTab(next);
            setSeen((s) => (s.has(next) ? s : new Set(s).add(next)));
          }}
        >
          {tabs.map((t) => (
            <Tab key={t.name} value={t.name} id={`tab-${t.name}`} aria-controls={`panel-${t.name}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        {tabs.map((t) => (
          <section
            key={t.name}
            id={`panel-${t.name}`}
            role="tabpanel"
            aria-labelledby={`tab-${t.name}`}
            hidden={tab !== t.name}
          >
            {seen.has(t.name) && t.render()}
          </section>
        ))}
      </main>
    </FluentProvider>
  );
}
