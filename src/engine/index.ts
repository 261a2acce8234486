/**
 * The planning engine: pure place-planning maths with no Office, DOM or React. Every layer (custom
 * functions, task pane, sample data) imports from here.
 */
export * from './errors';
export * from './validate';
export * from './forms-of-entry';
export * from './surplus';
export * from './grouping';
export * from './accuracy';
export * from './commissioning';
export * from './ratios';
export * from './cohort-forecast';
export * from './backtest';
export * from './housing-yield';
