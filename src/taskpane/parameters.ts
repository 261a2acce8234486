/**
 * The parameter form: what the planner types (text, percentages) and the ScenarioParameters it means.
 */
import type { AveragingMethod } from '../engine/ratios';
import { DEFAULT_PARAMETERS, type ScenarioParameters } from './model/scenario';

export interface ParameterForm {
  horizon: string;
  ratioYears: string;
  method: AveragingMethod;
  alpha: string;
  yieldPerDwelling: string;
  /** Target surplus, as a percentage (5 = 5%). */
  targetPct: string;
  targetMaxPct: string;
  persistYears: string;
  assumptions: string;
}

export type ParameterField = keyof ParameterForm;

export const METHODS: { value: AveragingMethod; label: string; hint: string }[] = [
  { value: 'mean', label: 'Mean of the ratios', hint: "Simple average of the last few years' ratios (Kent's usual method)." },
  {
    value: 'pooled',
    label: 'Pooled ratio',
    hint: 'All pupils over all of the cohorts they came from, across the window: larger years count more.',
  },
  { value: 'weighted', label: 'Weighted (recent years heavier)', hint: 'A weighted mean in which the latest year counts most and the oldest least.' },
  {
    value: 'exponential',
    label: 'Exponential smoothing',
    hint: 'Recent years count most; alpha (between 0 and 1) sets how quickly older years fade.',
  },
  {
    value: 'median135',
    label: 'Median of 1, 3 and 5 years',
    hint: 'The middle of the 1-, 3- and 5-year pooled ratios: one odd year cannot swing it.',
  },
];

function trimNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

export function formFromParameters(p: ScenarioParameters): ParameterForm {
  return {
    horizon: String(p.horizon),
    ratioYears: String(p.ratioYears),
    method: p.method,
    alpha: trimNumber(p.alpha),
    yieldPerDwelling: trimNumber(p.yieldPerDwelling),
    targetPct: trimNumber(p.target * 100),
    targetMaxPct: trimNumber(p.targetMax * 100),
    persistYears: String(p.persistYears),
    assumptions: p.assumptions,
  };
}

export const DEFAULT_FORM: ParameterForm = formFromParameters(DEFAULT_PARAMETERS);

/** Reads a number typed by the planner ("1,234", " 5 ", "5%"); NaN when it is not one. */
export function readNumber(text: string): number {
  const cleaned = text.replace(/[,\s%]/g, '');
  if (cleaned === '') return NaN;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * The parameters the form means, and a message per field that is not a number. Range checks (horizon
 * 1-50, min <= max ...) are the model's validateParameters' job.
 */
export function parametersFromForm(form: ParameterForm): {
  parameters: ScenarioParameters;
  problems: Partial<Record<ParameterField, string>>;
} {
  const problems: Partial<Record<ParameterField, string>> = {};
  const num = (field: ParameterField, text: string, what: string): number => {
    const n = readNumber(text);
    if (Number.isNaN(n)) problems[field] = `Enter a number for ${what}.`;
    return n;
  };
  const parameters: ScenarioParameters = {
    horizon: num('horizon', form.horizon, 'the forecast horizon'),
    ratioYears: num('ratioYears', form.ratioYears, 'the ratio window'),
    method: form.method,
    alpha: form.method === 'exponential' ? num('alpha', form.alpha, 'alpha') : readNumber(form.alpha) || DEFAULT_PARAMETERS.alpha,
    yieldPerDwelling: num('yieldPerDwelling', form.yieldPerDwelling, 'the pupil yield per dwelling'),
    target: num('targetPct', form.targetPct, 'the target surplus') / 100,
    targetMax: num('targetMaxPct', form.targetMaxPct, 'the top of the target band') / 100,
    persistYears: num('persistYears', form.persistYears, 'the years a shortfall must last'),
    assumptions: form.assumptions,
  };
  return { parameters, problems };
}
