/**
 * Entry of dist/index.html, the demo host served at / by `npm start`: waits for office.js (the npm copy;
 * outside Office, Office.onReady resolves with no host), loads the sample Kent workbook into a
 * MemoryGateway and shows it beside the task pane.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryGateway } from '../excel/memory-gateway';
import { sampleWorkbook } from '../sample';
import { rootElement, showStartFailure as showFailure } from '../taskpane/start-page';
import { DemoHost } from './DemoHost';
import { disableTelemetryFrame } from './office-outside';

/** Pause between the steps of a write, so the pane's progress shows as it would in Excel. */
const STEP_DELAY_MS = 25;
/** Start anyway if office.js never reports ready (e.g. blocked): the demo does not need Office. */
const OFFICE_READY_TIMEOUT_MS = 4000;

function showStartFailure(error: unknown): void {
  showFailure('The Kent Place Planner demo could not start.', error);
}

let started = false;
function start(): void {
  if (started) return;
  started = true;
  try {
    const gateway = new MemoryGateway(sampleWorkbook(), { stepDelayMs: STEP_DELAY_MS });
    document.body.style.margin = '0';
    createRoot(rootElement()).render(
      <React.StrictMode>
        <DemoHost gateway={gateway} />
      </React.StrictMode>,
    );
  } catch (error) {
    showStartFailure(error);
  }
}

if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
  start();
} else {
  const timer = setTimeout(start, OFFICE_READY_TIMEOUT_MS);
  Office.onReady((info) => {
    clearTimeout(timer);
    // Outside Office (no host): stop office.js's telemetry frame, which would only be refused by the
    // page's policy (see office-outside.ts). In Office the host owns office.js's logging.
    if (!info.host) disableTelemetryFrame();
    start();
  }).catch(() => start());
}
