/**
 * The whole task pane: header, four tabs (Scenarios, Compare, Commissioning, Accuracy) and the shared
 * status area. Talks to the workbook only through the WorkbookGateway it is given.
 */
import * as React from 'react';
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
} from '@fluentui/react-components';
import type { WorkbookGateway } from '../excel/gateway';
import { StatusArea, StatusProvider } from './status';
import { SavedScenariosProvider } from './saved-scenarios';
import { ScenariosPanel } from './panels/ScenariosPanel';
import { ComparePanel } from './panels/ComparePanel';
import { CommissioningPanel } from './panels/CommissioningPanel';
import { AccuracyPanel } from './panels/AccuracyPanel';

type TabId = 'scenarios' | 'compare' | 'commissioning' | 'accuracy';

const TABS: { id: TabId; label: string }[] = [
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'compare', label: 'Compare' },
  { id: 'commissioning', label: 'Commissioning' },
  { id: 'accuracy', label: 'Accuracy' },
];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    maxWidth: '560px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column' },
  // Four tabs do not fit in the narrowest panes: let them wrap rather than be cut off.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // A class that sets display would override the hidden attribute, so hidden panels get their own.
  hiddenPanel: { display: 'none' },
});

export function App(props: { gateway: WorkbookGateway }): JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>('scenarios');
  return (
    <FluentProvider theme={webLightTheme}>
      <StatusProvider>
        <SavedScenariosProvider gateway={props.gateway}>
          <main className={styles.root}>
            <header className={styles.header}>
              <Text as="h1" size={500} weight="semibold">
                Kent Place Planner
              </Text>
              <Text size={200}>Pupil forecasts, surplus places and forecast accuracy.</Text>
            </header>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_e, data: SelectTabData) => setTab(data.value as TabId)}
              aria-label="Planner tasks"
            >
              {TABS.map((t) => (
                <Tab key={t.id} value={t.id} id={`kpp-tab-${t.id}`} aria-controls={`kpp-panel-${t.id}`}>
                  {t.label}
                </Tab>
              ))}
            </TabList>
            <StatusArea />
            {/* Panels stay mounted (hidden when not chosen) so a planner's choices survive switching tabs. */}
            {TABS.map((t) => (
              <section
                key={t.id}
                id={`kpp-panel-${t.id}`}
                role="tabpanel"
                aria-labelledby={`kpp-tab-${t.id}`}
                hidden={tab !== t.id}
                className={tab === t.id ? styles.panel : styles.hiddenPanel}
              >
                {t.id === 'scenarios' && <ScenariosPanel gateway={props.gateway} />}
                {t.id === 'compare' && <ComparePanel gateway={props.gateway} />}
                {t.id === 'commissioning' && <CommissioningPanel gateway={props.gateway} />}
                {t.id === 'accuracy' && <AccuracyPanel gateway={props.gateway} />}
              </section>
            ))}
          </main>
        </SavedScenariosProvider>
      </StatusProvider>
    </FluentProvider>
  );
}
