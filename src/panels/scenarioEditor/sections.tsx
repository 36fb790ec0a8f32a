import type { ReactNode } from 'react';
import {
  BROKER_DEFAULTS,
  PRODUCER_DEFAULTS,
  SCENARIO_VERSIONS,
  TOPIC_DEFAULTS,
  WORKLOAD_DEFAULTS,
  type SettingInfo,
} from '../../scenario';
import { getAt, parseNumberList, parseTextList, type Path } from './draft';
import { InputField, SelectField, useForm, type Option, type T } from './fields';
import { FaultTimeline } from './FaultTimeline';
import { LatencyField, latencyText } from './latency';

/** A setting's default in the chosen version, as shown beside its field. */
export function formatDefault(value: unknown, unit: string | undefined, t: T): string {
  if (value === null || value === undefined) return t('editor.none');
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'object') return latencyText(value, t);
  return unit ? `${String(value)} ${unit}` : String(value);
}

/** The line under a field: the version's default and what the setting does, in the page's language. */
function SettingHint({ info }: { info: SettingInfo<unknown> }) {
  const { t, lang, version } = useForm();
  return (
    <>
      <span className="se-default" data-default-for={version}>
        {t('editor.defaultValue', { version, value: formatDefault(info.defaults[version], info.unit, t) })}
      </span>
      <span className="se-desc">{info.description[lang === 'en' ? 'en' : 'zh']}</span>
    </>
  );
}

/** The line under a field that has no default table: its default, then what it does. */
export function Hint({ value, desc }: { value: string; desc: string }) {
  const { t, version } = useForm();
  return (
    <>
      <span className="se-default" data-default-for={version}>
        {t('editor.defaultValue', { version, value })}
      </span>
      <span className="se-desc">{desc}</span>
    </>
  );
}

const BOOL_OPTIONS: Option[] = [
  { value: 'true', label: 'true' },
  { value: 'false', label: 'false' },
];

/** One setting of a default table, its control chosen by the type of its default. */
export function SettingField({ path, name, info }: { path: Path; name: string; info: SettingInfo<unknown> }) {
  const { t, version } = useForm();
  const sample = info.defaults[version] ?? info.defaults['5.3.3'];
  const hint = <SettingHint info={info} />;
  if (typeof sample === 'boolean') {
    return (
      <SelectField
        path={path}
        label={name}
        code
        hint={hint}
        options={BOOL_OPTIONS}
        defaultLabel={t('editor.unset')}
        toValue={(v) => v === 'true'}
      />
    );
  }
  if (Array.isArray(sample)) {
    return <InputField path={path} label={name} code hint={hint} parse={parseNumberList} items />;
  }
  if (typeof sample === 'string' && (name === 'mode' || name === 'selector' || name === 'flushDiskType')) {
    const values =
      name === 'mode'
        ? ['SYNC', 'ASYNC', 'ONEWAY']
        : name === 'selector'
          ? ['none', 'hash', 'random', 'machineRoom']
          : ['ASYNC_FLUSH', 'SYNC_FLUSH'];
    return (
      <SelectField
        path={path}
        label={name}
        code
        hint={hint}
        options={values.map((v) => ({ value: v, label: v }))}
        defaultLabel={t('editor.unset')}
      />
    );
  }
  if (typeof sample === 'object' && sample !== null) return null; // latencies have their own control
  return <InputField path={path} label={name} code hint={hint} numeric={typeof sample !== 'string'} />;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="se-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="se-remove" aria-label={label} title={label} onClick={onClick}>
      <span aria-hidden="true">✕</span>
    </button>
  );
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A list in the draft: its items, and commands to add one and remove one. */
export function useList(path: Path) {
  const { draft, update } = useForm();
  const items = listOf(getAt(draft, path));
  return {
    items,
    add: (item: unknown) => update(path, [...items, item]),
    remove: (index: number) => {
      const next = items.filter((_, i) => i !== index);
      update(path, next.length === 0 && path[0] !== 'brokers' ? undefined : next);
    },
  };
}

export function VersionSection() {
  const { t } = useForm();
  return (
    <Section title={t('editor.section.version')}>
      <div className="se-row">
        <SelectField
          path={['rocketmqVersion']}
          label={t('editor.version')}
          hint={t('editor.version.hint')}
          options={SCENARIO_VERSIONS.map((v) => ({ value: v, label: v }))}
        />
        <InputField path={['seed']} label={t('editor.seed')} hint={t('editor.seed.hint')} numeric />
      </div>
    </Section>
  );
}

export function BrokersSection() {
  const { t } = useForm();
  const { items, add, remove } = useList(['brokers']);
  const names = new Set(items.map((b) => (b as { name?: unknown })?.name));
  let next = items.length;
  while (names.has(`broker-${String.fromCharCode(97 + (next % 26))}${next >= 26 ? next : ''}`)) next++;
  return (
    <Section title={t('editor.section.brokers')}>
      <p className="se-note">{t('editor.brokers.note')}</p>
      {items.map((_, i) => (
        <fieldset key={i} className="se-item">
          <legend>{t('editor.broker.legend', { n: i + 1 })}</legend>
          <RemoveButton label={t('editor.broker.remove', { n: i + 1 })} onClick={() => remove(i)} />
          <div className="se-row">
            <InputField path={['brokers', i, 'name']} label={t('editor.broker.name')} />
            <SelectField
              path={['brokers', i, 'role']}
              label={t('editor.broker.role')}
              defaultLabel={`${t('editor.unset')} ASYNC_MASTER`}
              options={['ASYNC_MASTER', 'SYNC_MASTER', 'SLAVE'].map((v) => ({ value: v, label: v }))}
            />
            <InputField path={['brokers', i, 'brokerId']} label={t('editor.broker.brokerId')} numeric />
            <SelectField
              path={['brokers', i, 'brokerPermission']}
              label={t('editor.broker.perm')}
              defaultLabel={`${t('editor.unset')} 6`}
              options={(['6', '4', '2'] as const).map((v) => ({
                value: v,
                label: t(`editor.broker.perm.${v}`),
              }))}
              toValue={Number}
            />
          </div>
          <LatencyField
            path={['brokers', i, 'storeLatency']}
            label={t('editor.broker.latency')}
            info={BROKER_DEFAULTS.storeLatency}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="se-add"
        onClick={() =>
          add({ name: `broker-${String.fromCharCode(97 + (next % 26))}${next >= 26 ? next : ''}` })
        }
      >
        {t('editor.broker.add')}
      </button>
    </Section>
  );
}

export function TopicsSection() {
  const { t, version } = useForm();
  const { items, add, remove } = useList(['topics']);
  const num = (key: 'readQueueNums' | 'writeQueueNums') =>
    t('editor.defaultValue', { version, value: String(TOPIC_DEFAULTS[key].defaults[version]) });
  return (
    <Section title={t('editor.section.topics')}>
      {items.map((_, i) => (
        <fieldset key={i} className="se-item">
          <legend>{t('editor.topic.legend', { n: i + 1 })}</legend>
          <RemoveButton label={t('editor.topic.remove', { n: i + 1 })} onClick={() => remove(i)} />
          <div className="se-row">
            <InputField path={['topics', i, 'name']} label={t('editor.topic.name')} />
            <InputField
              path={['topics', i, 'readQueueNums']}
              label={t('editor.topic.readQueueNums')}
              hint={num('readQueueNums')}
              numeric
            />
            <InputField
              path={['topics', i, 'writeQueueNums']}
              label={t('editor.topic.writeQueueNums')}
              hint={num('writeQueueNums')}
              numeric
            />
            <InputField
              path={['topics', i, 'perm']}
              label={t('editor.topic.perm')}
              hint={t('editor.defaultValue', {
                version,
                value: String(TOPIC_DEFAULTS.perm.defaults[version]),
              })}
              numeric
            />
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="se-add"
        onClick={() => add({ name: `Topic${items.length + 1}`, readQueueNums: 4, writeQueueNums: 4 })}
      >
        {t('editor.topic.add')}
      </button>
    </Section>
  );
}

export function ProducerSection() {
  const { t, version } = useForm();
  const rows = (Object.entries(PRODUCER_DEFAULTS) as [string, SettingInfo<unknown>][]).filter(([, info]) =>
    info.availableIn.includes(version),
  );
  return (
    <Section title={t('editor.section.producer')}>
      <p className="se-note">{t('editor.producer.intro')}</p>
      <div className="se-settings">
        {rows.map(([name, info]) => (
          <SettingField key={name} path={['producer', name]} name={name} info={info} />
        ))}
      </div>
    </Section>
  );
}

type Schedule = 'none' | 'intervalMs' | 'ratePerSecond' | 'timesMs';
const SCHEDULES = ['none', 'intervalMs', 'ratePerSecond', 'timesMs'] as const;

/** Explicit times to start from: as many as the count (at most 20), spaced as the schedule was. */
function timesFrom(w: Record<string, unknown>): number[] {
  const count = typeof w.count === 'number' && w.count >= 1 ? Math.min(Math.floor(w.count), 20) : 3;
  const step =
    typeof w.intervalMs === 'number' && w.intervalMs > 0
      ? w.intervalMs
      : typeof w.ratePerSecond === 'number' && w.ratePerSecond > 0
        ? 1000 / w.ratePerSecond
        : 100;
  return Array.from({ length: count }, (_, i) => Math.round(i * step * 1000) / 1000);
}

/** A workload with another schedule; explicit times set the count, so the count goes with them. */
export function withSchedule(w: Record<string, unknown>, next: Schedule): Record<string, unknown> {
  const rest = Object.fromEntries(
    Object.entries(w).filter(([k]) => k !== 'intervalMs' && k !== 'ratePerSecond' && k !== 'timesMs'),
  );
  if (next === 'timesMs') {
    const times = Array.isArray(w.timesMs) ? w.timesMs : timesFrom(w);
    delete rest.count;
    return { ...rest, timesMs: times };
  }
  if (Array.isArray(w.timesMs) && rest.count === undefined) rest.count = Math.max(1, w.timesMs.length);
  return next === 'none' ? rest : { ...rest, [next]: next === 'intervalMs' ? 100 : 10 };
}

function WorkloadItem({ index }: { index: number }) {
  const { t, draft, update } = useForm();
  const w = (getAt(draft, ['workload', index]) ?? {}) as Record<string, unknown>;
  const schedule: Schedule =
    w.timesMs !== undefined
      ? 'timesMs'
      : w.ratePerSecond !== undefined
        ? 'ratePerSecond'
        : w.intervalMs !== undefined
          ? 'intervalMs'
          : 'none';
  const setSchedule = (next: Schedule) => update(['workload', index], withSchedule(w, next));
  const W = WORKLOAD_DEFAULTS;
  return (
    <>
      <div className="se-row">
        <InputField path={['workload', index, 'topic']} label={t('editor.workload.topic')} />
        <InputField
          path={['workload', index, 'count']}
          label={t('editor.workload.count')}
          hint={schedule === 'timesMs' ? t('editor.workload.count.fromTimes') : undefined}
          numeric
        />
        <div className="se-field">
          <label htmlFor={`se-schedule-${index}`}>{t('editor.workload.schedule')}</label>
          <select
            id={`se-schedule-${index}`}
            value={schedule}
            onChange={(e) => setSchedule(e.target.value as Schedule)}
          >
            {SCHEDULES.map((s) => (
              <option key={s} value={s}>
                {t(`editor.workload.schedule.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {(schedule === 'intervalMs' || schedule === 'ratePerSecond') && (
          <InputField
            path={['workload', index, schedule]}
            label={`${t('editor.workload.scheduleValue')} (${schedule})`}
            numeric
          />
        )}
      </div>
      {schedule === 'timesMs' && (
        <InputField
          path={['workload', index, 'timesMs']}
          label={t('editor.workload.timesMs')}
          hint={<Hint value={t('editor.none')} desc={t('editor.workload.timesMs.hint')} />}
          parse={parseNumberList}
          items
        />
      )}
      <div className="se-settings">
        <SettingField path={['workload', index, 'mode']} name="mode" info={W.mode} />
        <SettingField path={['workload', index, 'selector']} name="selector" info={W.selector} />
        <InputField path={['workload', index, 'key']} label={t('editor.workload.key')} />
        <InputField
          path={['workload', index, 'keys']}
          label={t('editor.workload.keys')}
          hint={<Hint value={t('editor.none')} desc={t('editor.workload.keys.hint')} />}
          parse={parseTextList}
          items
        />
        <SettingField path={['workload', index, 'bodySize']} name="bodySize" info={W.bodySize} />
        <SettingField path={['workload', index, 'threads']} name="threads" info={W.threads} />
      </div>
    </>
  );
}

export function WorkloadSection() {
  const { t, draft } = useForm();
  const { items, add, remove } = useList(['workload']);
  const firstTopic = (getAt(draft, ['topics', 0, 'name']) as string | undefined) ?? 'TopicTest';
  return (
    <Section title={t('editor.section.workload')}>
      {items.map((_, i) => (
        <fieldset key={i} className="se-item">
          <legend>{t('editor.workload.legend', { n: i + 1 })}</legend>
          <RemoveButton label={t('editor.workload.remove', { n: i + 1 })} onClick={() => remove(i)} />
          <WorkloadItem index={i} />
        </fieldset>
      ))}
      <button
        type="button"
        className="se-add"
        onClick={() => add({ count: 10, intervalMs: 100, topic: firstTopic })}
      >
        {t('editor.workload.add')}
      </button>
    </Section>
  );
}

const FAULT_KINDS = [
  'crash',
  'shutdown',
  'up',
  'slow',
  'busy',
  'partition',
  'heal',
  'flushTimeout',
  'dropReply',
] as const;
const LINK_KINDS = new Set(['partition', 'heal']);
const NO_DURATION = new Set(['up', 'heal']);

function FaultItem({ index, brokers }: { index: number; brokers: string[] }) {
  const { t, draft, update } = useForm();
  const f = (getAt(draft, ['faults', index]) ?? {}) as Record<string, unknown>;
  const kind = typeof f.kind === 'string' ? f.kind : 'crash';
  const changeKind = (next: string) => {
    const base: Record<string, unknown> = { kind: next, atMs: f.atMs ?? 0 };
    if (LINK_KINDS.has(next)) base.link = f.link ?? ['producer', brokers[0] ?? 'broker-a'];
    else base.broker = f.broker ?? brokers[0] ?? 'broker-a';
    if (next === 'slow') base.extraLatency = { kind: 'fixed', ms: 1000 };
    update(['faults', index], base);
  };
  return (
    <div className="se-row">
      <div className="se-field">
        <label htmlFor={`se-fault-kind-${index}`}>{t('editor.fault.kind')}</label>
        <select id={`se-fault-kind-${index}`} value={kind} onChange={(e) => changeKind(e.target.value)}>
          {FAULT_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <InputField path={['faults', index, 'atMs']} label={t('editor.fault.atMs')} numeric />
      {LINK_KINDS.has(kind) ? (
        <>
          <InputField path={['faults', index, 'link', 0]} label={t('editor.fault.linkFrom')} />
          <InputField path={['faults', index, 'link', 1]} label={t('editor.fault.linkTo')} />
        </>
      ) : (
        <InputField path={['faults', index, 'broker']} label={t('editor.fault.broker')} />
      )}
      {kind === 'slow' && (
        <InputField
          path={['faults', index, 'extraLatency', 'ms']}
          label={t('editor.fault.extraMs')}
          numeric
        />
      )}
      {!NO_DURATION.has(kind) && (
        <InputField path={['faults', index, 'durationMs']} label={t('editor.fault.durationMs')} numeric />
      )}
    </div>
  );
}

export function FaultsSection({ endMs, cursorMs }: { endMs: number; cursorMs: number }) {
  const { t, draft } = useForm();
  const { items, add, remove } = useList(['faults']);
  const brokers = listOf(getAt(draft, ['brokers']))
    .map((b) => (b as { name?: unknown })?.name)
    .filter((n): n is string => typeof n === 'string');
  return (
    <Section title={t('editor.section.faults')}>
      <FaultTimeline endMs={endMs} cursorMs={cursorMs} />
      {items.length === 0 && <p className="se-note">{t('editor.faults.empty')}</p>}
      {items.map((_, i) => (
        <fieldset key={i} className="se-item">
          <legend>{t('editor.fault.legend', { n: i + 1 })}</legend>
          <RemoveButton label={t('editor.fault.remove', { n: i + 1 })} onClick={() => remove(i)} />
          <FaultItem index={i} brokers={brokers} />
        </fieldset>
      ))}
      <button
        type="button"
        className="se-add"
        onClick={() => add({ kind: 'crash', atMs: Math.round(cursorMs), broker: brokers[0] ?? 'broker-a' })}
      >
        {t('editor.fault.add')}
      </button>
    </Section>
  );
}
