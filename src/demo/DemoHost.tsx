/**
 * The demo host page: a banner, the sample workbook on the left (tabs and grids) and the real task pane
 * on the right, both working on the same in-memory workbook.
 */
import * as React from 'react';
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, tokens, webLightTheme } from '@fluentui/react-components';
import type { WorkbookGateway } from '../excel/gateway';
import { App } from '../taskpane/App';
import { WorkbookView, type ObservableWorkbook } from './WorkbookView';

export const BANNER = 'Demo host: the task pane running outside Excel on the built-in sample workbook. Open manifest.xml in Excel to use your own workbooks.';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2 },
  split: { display: 'flex', gap: tokens.spacingHorizontalM, flexGrow: 1, minHeight: 0 },
  workbook: { flexGrow: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', overflowY: 'auto' },
  pane: { width: '400px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}` },
});

export function DemoHost(props: { gateway: WorkbookGateway & ObservableWorkbook }): JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <MessageBar intent="info">
          <MessageBarBody>{BANNER}</MessageBarBody>
        </MessageBar>
        <div className={styles.split}>
          <section className={styles.workbook} aria-label="Sample workbook">
            <WorkbookView workbook={props.gateway} />
          </section>
          <aside className={styles.pane} aria-label="Task pane">
            <App gateway={props.gateway} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
