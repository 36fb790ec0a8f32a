import { createContext, useContext, useId, type ReactNode } from 'react';
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

/** The validator's messages for exactly this path, each naming it. */
export function FieldErrors({ path, id }: { path: Path; id: string }) {
  const { errors, t } = useForm();
  const p = pathText(path);
  const list = errors.get(p);
  if (!list) return null;
  return (
    <div id={id} className="se-error" data-error-path={p}>
      {list.map((m, i) => (
        <div key={i}>{t('validation.ui.line', { path: p, message: m })}</div>
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
  className?: string;
}

function Frame({
  path,
  label,
  hint,
  code,
  className,
  children,
}: FieldProps & { children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode }) {
  const { errors } = useForm();
  const id = useId();
  const invalid = errors.has(pathText(path));
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
      <FieldErrors path={path} id={`${id}-err`} />
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
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          spellCheck={false}
          autoComplete="off"
          value={inputText(value)}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => update(props.path, read(e.target.value))}
        />
      )}
    </Frame>
  );
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
