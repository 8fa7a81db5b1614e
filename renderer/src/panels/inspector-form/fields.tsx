/**
 * Form fields of the inspector. A field keeps what is being typed as a draft
 * and commits on Enter or blur (selects and checkboxes at once); the commit
 * says whether the value was taken, and a refusal shows under the field while
 * the design stays as it was. Undo in a field undoes the typing while there
 * is any, else the last edit of the design, so undoing typing never comes
 * back as an edit.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Attribute } from '../../../../shared/model/attributes.js';
import { runAction } from '../../actions/run.js';
import { formatVlanSet, parseVlanSet } from '../../../../shared/model/vlan-set.js';

/** Commits a value; returns the refusal message, or undefined when taken. */
export type Commit = (value: unknown) => string | undefined;

function Field(props: {
  label: string;
  unit?: string | undefined;
  help?: string | undefined;
  error?: string | undefined;
  htmlFor: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <div className={`field${props.error ? ' has-error' : ''}`} data-testid={props.testId}>
      <label htmlFor={props.htmlFor} title={props.help}>
        {props.label}
        {props.unit && <span className="unit">{props.unit}</span>}
      </label>
      {props.children}
      {props.error && (
        <p className="field-error" role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A text or number input with a draft. `parse` turns the text into the value to commit. */
export function TextField(props: {
  label: string;
  value: string;
  commit: Commit;
  parse?: (text: string) => unknown;
  unit?: string | undefined;
  help?: string | undefined;
  placeholder?: string | undefined;
  type?: 'text' | 'number';
  testId: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const save = () => {
    if (draft === null || draft === props.value) {
      setDraft(null);
      setError(undefined);
      return;
    }
    const problem = props.commit(props.parse ? props.parse(draft) : draft);
    setError(problem);
    if (!problem) setDraft(null);
  };
  return (
    <Field label={props.label} unit={props.unit} help={props.help} error={error} htmlFor={id} testId={props.testId}>
      <input
        id={id}
        className="nodrag nokey"
        type={props.type ?? 'text'}
        value={draft ?? props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value === props.value ? null : e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          const undoKey = (e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y');
          if (undoKey && draft === null) {
            // Nothing typed: the browser's own undo would bring back text already committed, so undo the design instead.
            e.preventDefault();
            runAction(e.key.toLowerCase() === 'y' || e.shiftKey ? 'redo' : 'undo');
          }
          if (e.key === 'Escape') {
            setDraft(null);
            setError(undefined);
          }
        }}
        aria-invalid={error !== undefined}
      />
    </Field>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  commit: Commit;
  help?: string | undefined;
  testId: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <Field label={props.label} help={props.help} error={error} htmlFor={id} testId={props.testId}>
      <select
        id={id}
        className="nodrag nokey"
        value={props.value}
        onChange={(e) => setError(props.commit(e.target.value))}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckField(props: {
  label: string;
  value: boolean;
  commit: Commit;
  help?: string | undefined;
  testId: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className={`field field-check${error ? ' has-error' : ''}`} data-testid={props.testId}>
      <input
        id={id}
        type="checkbox"
        className="nodrag nokey"
        checked={props.value}
        onChange={(e) => setError(props.commit(e.target.checked))}
      />
      <label htmlFor={id} title={props.help}>
        {props.label}
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Empty text means "not set"; numbers parse, anything else stays text so the check can name it. */
export const parseNumber = (text: string): unknown =>
  text.trim() === '' ? undefined : Number.isNaN(Number(text)) ? text : Number(text);
export const parseOptionalText = (text: string): unknown => (text.trim() === '' ? undefined : text.trim());
export function parseVlanList(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return formatVlanSet(parseVlanSet(text.replace(/\s+/g, '')));
  } catch {
    return text;
  }
}

/** One attribute of a kind table, drawn as the input its type calls for. */
export function AttributeField(props: {
  name: string;
  attribute: Attribute;
  value: unknown;
  commit: Commit;
  testPrefix: string;
}) {
  const { attribute, value, commit } = props;
  const testId = `${props.testPrefix}-${props.name}`;
  switch (attribute.type) {
    case 'enum': {
      const options = attribute.values.map((v) => ({ value: v, label: v }));
      const withUnset = attribute.default === undefined ? [{ value: '', label: '(not set)' }, ...options] : options;
      return (
        <SelectField
          label={attribute.label}
          help={attribute.help}
          value={typeof value === 'string' ? value : ''}
          options={withUnset}
          commit={(v) => commit(v === '' ? undefined : v)}
          testId={testId}
        />
      );
    }
    case 'bool':
      return (
        <CheckField
          label={attribute.label}
          help={attribute.help}
          value={value === true}
          commit={commit}
          testId={testId}
        />
      );
    case 'int':
    case 'number':
      return (
        <TextField
          label={attribute.label}
          help={attribute.help}
          unit={attribute.unit}
          type="text"
          value={value === undefined ? '' : String(value)}
          placeholder={
            attribute.default !== undefined ? String(attribute.default) : `${attribute.min}–${attribute.max}`
          }
          parse={parseNumber}
          commit={commit}
          testId={testId}
        />
      );
    case 'vlan-list':
      return (
        <TextField
          label={attribute.label}
          help={attribute.help}
          value={typeof value === 'string' ? value : ''}
          placeholder="1-239,241-255"
          parse={parseVlanList}
          commit={commit}
          testId={testId}
        />
      );
    case 'text':
      if (props.name === 'colour') {
        return (
          <ColourField
            label={attribute.label}
            value={typeof value === 'string' ? value : '#64748b'}
            commit={commit}
            testId={testId}
          />
        );
      }
      return (
        <TextField
          label={attribute.label}
          help={attribute.help}
          value={typeof value === 'string' ? value : ''}
          parse={parseOptionalText}
          commit={commit}
          testId={testId}
        />
      );
  }
}

function ColourField(props: { label: string; value: string; commit: Commit; testId: string }) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <Field label={props.label} error={error} htmlFor={id} testId={props.testId}>
      <div className="colour-field">
        <input
          id={id}
          type="color"
          className="nodrag nokey"
          value={props.value}
          onChange={(e) => setError(props.commit(e.target.value.toLowerCase()))}
        />
        <code>{props.value}</code>
      </div>
    </Field>
  );
}

/** Choose members from a list (bond ports, bridge ports, port-channel members). */
export function MemberPicker(props: {
  label: string;
  options: readonly { id: string; label: string; note?: string | undefined }[];
  value: readonly string[];
  commit: Commit;
  testId: string;
}) {
  const [error, setError] = useState<string | undefined>();
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...props.value, id] : props.value.filter((v) => v !== id);
    setError(props.commit(next));
  };
  return (
    <fieldset className={`field members${error ? ' has-error' : ''}`} data-testid={props.testId}>
      <legend>{props.label}</legend>
      {props.options.length === 0 && <p className="muted small">Nothing on this device can join.</p>}
      {props.options.map((o) => (
        <label key={o.id} className="member-option">
          <input
            type="checkbox"
            className="nodrag nokey"
            checked={props.value.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
            data-testid={`${props.testId}-${o.label}`}
          />
          <span>{o.label}</span>
          {o.note && <span className="muted small">{o.note}</span>}
        </label>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
