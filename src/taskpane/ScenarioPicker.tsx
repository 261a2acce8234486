/**
 * A choice among the scenarios saved in the workbook.
 */
import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { Scenario } from './model/scenario';

export function ScenarioPicker(props: {
  label: string;
  hint?: string;
  scenarios: Scenario[];
  value: string;
  onChange(id: string): void;
  disabled?: boolean;
}): JSX.Element {
  const { scenarios } = props;
  return (
    <Field label={props.label} hint={props.hint}>
      <Select aria-label={props.label} value={props.value} disabled={props.disabled || scenarios.length === 0} onChange={(_e, d) => props.onChange(d.value)}>
        <option value="" disabled>
          {scenarios.length === 0 ? 'No saved scenarios yet' : 'Choose a saved scenario…'}
        </option>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Keeps a chosen scenario id valid as the saved list changes: falls back to the n-th scenario (or ''). */
export function useScenarioChoice(scenarios: Scenario[], fallbackIndex: number): [string, (id: string) => void] {
  const [chosen, setChosen] = React.useState('');
  const valid = scenarios.some((s) => s.id === chosen);
  const fallback = scenarios[Math.min(fallbackIndex, scenarios.length - 1)]?.id ?? '';
  return [valid ? chosen : fallback, setChosen];
}
