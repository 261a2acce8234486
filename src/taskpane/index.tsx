/**
 * Entry of dist/taskpane.html. Inside Excel the pane works on the open workbook (OfficeGateway);
 * opened anywhere else (a browser, a test) it works on the sample Kent workbook held in memory, which is
 * loaded only then, so the Excel path does not carry it.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkbookGateway } from '../excel/gateway';
import { OfficeGateway } from '../excel/office-gateway';
import { App } from './App';
import { rootElement, showStartFailure as showFailure } from './start-page';

/** The sample workbook in memory (outside Excel). */
async function sampleGateway(): Promise<WorkbookGateway> {
  const [{ MemoryGateway }, { sampleWorkbook }] = await Promise.all([import('../excel/memory-gateway'), import('../sample')]);
  return new MemoryGateway(sampleWorkbook());
}

/** Shows a start-up failure in the page itself (never console-only). */
function showStartFailure(error: unknown): void {
  showFailure('Kent Place Planner could not start.', error);
}

function mount(gateway: WorkbookGateway): void {
  createRoot(rootElement()).render(
    <React.StrictMode>
      <App gateway={gateway} />
    </React.StrictMode>,
  );
}

function startOutsideExcel(): void {
  sampleGateway().then(mount, showStartFailure);
}

if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
  // office.js did not load (offline, or a plain browser page without it): use the sample workbook.
  startOutsideExcel();
} else {
  Office.onReady((info) => {
    try {
      if (info.host === Office.HostType.Excel) mount(new OfficeGateway());
      else startOutsideExcel();
    } catch (error) {
      showStartFailure(error);
    }
  }).catch(showStartFailure);
}
