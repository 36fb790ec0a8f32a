import { useId, type ReactNode } from 'react';
import type { Latency, SettingInfo } from '../../scenario';
import { getAt, pathText, type Path } from './draft';
import { FieldErrors, InputField, useForm, type T } from './fields';

const LATENCY_FIELDS = {
  fixed: ['ms'],
  uniform: ['minMs', 'maxMs'],
  lognormal: ['medianMs', 'p99Ms'],
} as const;

function isLatency(value: unknown): value is Latency {
  if (value === null || typeof value !== 'object') return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'fixed' || kind === 'uniform' || kind === 'lognormal';
}

/** A distribution as a person reads it: `0.5 ms`, `uniform 1–3 ms`; anything else as JSON. */
export function latencyText(value: unknown, t: T): string {
  if (!isLatency(value)) return JSON.stringify(value) ?? '';
  switch (value.kind) {
    case 'fixed':
      return t('editor.latency.summary.fixed', { ms: value.ms });
    case 'uniform':
      return t('editor.latency.summary.uniform', { min: value.minMs, max: value.maxMs });
    case 'lognormal':
      return t('editor.latency.summary.lognormal', { median: value.medianMs, p99: value.p99Ms });
  }
}

/**
 * A latency distribution: its kind (choosing one starts from sensible numbers), then its numbers. Beside it,
 * the version's default and what it is (`info`), or `hint`. `required`: no "(default)" choice, for a value
 * the format needs (a link's latency).
 */
export function LatencyField({
  path,
  label,
  info,
  hint,
  required = false,
}: {
  path: Path;
  label: string;
  info?: SettingInfo<unknown>;
  hint?: ReactNode;
  required?: boolean;
}) {
  const { t, draft, update, version, lang, errors } = useForm();
  const id = useId();
  const value = getAt(draft, path) as { kind?: unknown } | undefined;
  const kind = typeof value?.kind === 'string' ? value.kind : '';
  const fields = LATENCY_FIELDS[kind as keyof typeof LATENCY_FIELDS] ?? [];
  const invalid = errors.has(pathText(path));
  const changeKind = (next: string) =>
    update(
      path,
      next === 'fixed'
        ? { kind: next, ms: 1 }
        : next === 'uniform'
          ? { kind: next, minMs: 1, maxMs: 3 }
          : next === 'lognormal'
            ? { kind: next, medianMs: 1, p99Ms: 20 }
            : undefined,
    );
  return (
    <div className="se-row se-latency">
      <div className="se-field" data-path={pathText(path)}>
        <label htmlFor={id}>{t('editor.latency.part', { label, part: t('editor.latency.kind') })}</label>
        <select
          id={id}
          value={kind}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-err` : ''}`}
          onChange={(e) => changeKind(e.target.value)}
        >
          {(!required || kind === '') && <option value="">{t('editor.unset')}</option>}
          {(['fixed', 'uniform', 'lognormal'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`editor.latency.${k}`)}
            </option>
          ))}
        </select>
        <div id={`${id}-hint`} className="se-hint">
          {info ? (
            <>
              <span className="se-default" data-default-for={version}>
                {t('editor.defaultValue', { version, value: latencyText(info.defaults[version], t) })}
              </span>
              <span className="se-desc">{info.description[lang === 'en' ? 'en' : 'zh']}</span>
            </>
          ) : (
            hint
          )}
        </div>
        <FieldErrors path={path} id={`${id}-err`} />
      </div>
      {fields.map((f) => (
        <InputField
          key={f}
          path={[...path, f]}
          // The number's own label is short; its accessible name says whose number it is.
          label={
            <>
              <span className="visually-hidden">{t('editor.latency.of', { label })}</span>{' '}
              {t(`editor.latency.${f}`)}
            </>
          }
          numeric
        />
      ))}
    </div>
  );
}
