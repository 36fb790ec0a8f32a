import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import type { Lang, MessageKey } from '../../i18n';
import type { ScenarioVersion } from '../../scenario';
import { getAt, inputText, parseNumberInput, pathText, type Draft, type Path } from './draft';

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What every field of the form needs: the draft, its errors by path, and how to change a path. */
export interface FormContextValue {
  draft: Draft;
  errors: Map<string, string[]>;
  update: (path: Path, value: unknown) => void;
  t: T;
  lang: Lang;
  version: ScenarioVersion;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('useForm outside the scenario editor');
  return ctx;
}

/**
 * The validator's messages for this path, each naming it; with `items`, also those of the list's items
 * (`workload[0].timesMs[2]`), which a list typed into one input has no field of their own for.
 */
function errorsAt(errors: Map<string, string[]>, p: string, items: boolean): [string, string][] {
  const out: [string, string][] = (errors.get(p) ?? []).map((m) => [p, m]);
  if (items) {
    for (const [key, list] of errors) {
      if (key.startsWith(`${p}[`)) for (const m of list) out.push([key, m]);
    }
  }
  return out;
}

export function FieldErrors({ path, id, items = false }: { path: Path; id: string; items?: boolean }) {
  const { errors, t } = useForm();
  const p = pathText(path);
  const list = errorsAt(errors, p, items);
  if (list.length === 0) return null;
  return (
    <div id={id} className="se-error" data-error-path={p}>
      {list.map(([at, m], i) => (
        <div key={i}>{t('validation.ui.line', { path: at, message: m })}</div>
      ))}
    </div>
  );
}

interface FieldProps {
  path: Path;
  label: ReactNode;
  hint?: ReactNode;
  /** The label is a code name (shown in monospace, never translated). */
  code?: boolean;
  /** A list typed into one input: its items' problems show here too. */
  items?: boolean;
  className?: string;
}

function Frame({
  path,
  label,
  hint,
  code,
  items = false,
  className,
  children,
}: FieldProps & { children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode }) {
  const { errors } = useForm();
  const id = useId();
  const invalid = errorsAt(errors, pathText(path), items).length > 0;
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={`se-field${className ? ` ${className}` : ''}`} data-path={pathText(path)}>
      <label htmlFor={id} className={code ? 'se-code' : undefined}>
        {label}
      </label>
      {children({ id, describedBy, invalid })}
      {hint && (
        <div id={`${id}-hint`} className="se-hint">
          {hint}
        </div>
      )}
      <FieldErrors path={path} id={`${id}-err`} items={items} />
    </div>
  );
}

/** A text or number input bound to one path; empty removes the value (the default applies). */
export function InputField({
  numeric = false,
  parse,
  placeholder,
  ...props
}: FieldProps & { numeric?: boolean; parse?: (raw: string) => unknown; placeholder?: string }) {
  const { draft, update } = useForm();
  const value = getAt(draft, props.path);
  const read = parse ?? (numeric ? parseNumberInput : (raw: string) => (raw === '' ? undefined : raw));
  // The text as typed while it still means the value in the draft, so that "17, " (on the way to
  // "17, 14") or "1." keeps its separator; any other change of the value (a preset, the JSON tab)
  // shows the value itself.
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed !== null && sameValue(read(typed), value) ? typed : inputText(value);
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          spellCheck={false}
          autoComplete="off"
          value={shown}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            update(props.path, read(e.target.value));
          }}
        />
      )}
    </Frame>
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export interface Option {
  value: string;
  label: string;
}

/** A choice bound to one path; the empty option removes the value (the default applies). */
export function SelectField({
  options,
  defaultLabel,
  toValue = (v) => v,
  ...props
}: FieldProps & { options: Option[]; defaultLabel?: string; toValue?: (v: string) => unknown }) {
  const { draft, update } = useForm();
  const value = getAt(draft, props.path);
  const current = value === undefined ? '' : String(value);
  const known = options.some((o) => o.value === current);
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={current}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => update(props.path, e.target.value === '' ? undefined : toValue(e.target.value))}
        >
          {defaultLabel !== undefined && <option value="">{defaultLabel}</option>}
          {!known && current !== '' && <option value={current}>{current}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}
