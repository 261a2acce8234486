/**
 * "Write as": a values snapshot (with the parameters block) or live KENT formulas.
 */
import * as React from 'react';
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { SheetContext } from './model/run';

export type WriteMode = SheetContext['mode'];

export function WriteModeChoice(props: { value: WriteMode; onChange(mode: WriteMode): void; disabled?: boolean }): JSX.Element {
  return (
    <Field
      label="Write as"
      hint={
        props.value === 'live'
          ? 'Formulas refer to the input cells, so the sheet recalculates when the rolls change (needs the add-in).'
          : 'Plain numbers with the parameters recorded: a snapshot to send to people without the add-in.'
      }
    >
      <RadioGroup
        value={props.value}
        disabled={props.disabled}
        aria-label="Write as"
        onChange={(_e, data) => props.onChange(data.value === 'live' ? 'live' : 'values')}
      >
        <Radio value="values" label="Values (snapshot with parameters)" />
        <Radio value="live" label="Live KENT formulas" />
      </RadioGroup>
    </Field>
  );
}
