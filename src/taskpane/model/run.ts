/**
 * The task pane's model API for running scenarios and writing their results (see the team contract,
 * "Task-pane model"): runScenario, districtTotals and the reconciliation helpers, and the sheet
 * builders that turn results into SheetWrite objects for gateway.writeSheets.
 */
export * from './core';
export * from './forecast-sheet';
export * from './comparison-sheet';
export * from './commissioning-sheet';
export * from './accuracy-sheet';
