import { NAME_SERVER_DEFAULTS, NETWORK_DEFAULTS, type SettingInfo } from '../../scenario';
import { getAt } from './draft';
import { FieldErrors, SelectField, useForm } from './fields';
import { LatencyField } from './latency';
import { RemoveButton, Section, SettingField, listOf, useList } from './sections';

/** The link classes of `network.latency`, in the order the form shows them. */
const CLASSES = ['producerToNameServer', 'producerToBroker', 'brokerToNameServer', 'brokerToBroker'] as const;
type LinkClass = (typeof CLASSES)[number];

/** The class whose latency a link between `a` and `b` replaces (as `linkLatency` in defaults.ts decides). */
export function linkClass(a: unknown, b: unknown): LinkClass {
  const ends = new Set([a, b]);
  if (ends.has('producer') && ends.has('namesrv')) return 'producerToNameServer';
  if (ends.has('producer')) return 'producerToBroker';
  if (ends.has('namesrv')) return 'brokerToNameServer';
  return 'brokerToBroker';
}

/** Every endpoint a link may name: the producer, the name server, each broker process (`name@id` for slaves). */
export function endpointsOf(brokers: unknown): string[] {
  const out = ['producer', 'namesrv'];
  for (const b of listOf(brokers)) {
    const name = (b as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') continue;
    const id = (b as { brokerId?: unknown }).brokerId;
    const ref = typeof id === 'number' && id > 0 ? `${name}@${id}` : name;
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}

function LinkItem({ index, endpoints }: { index: number; endpoints: string[] }) {
  const { t, draft } = useForm();
  const between = listOf(getAt(draft, ['network', 'links', index, 'between']));
  const options = endpoints.map((e) => ({ value: e, label: e }));
  const cls = linkClass(between[0], between[1]);
  return (
    <>
      <div className="se-row">
        {([0, 1] as const).map((end) => (
          <SelectField
            key={end}
            path={['network', 'links', index, 'between', end]}
            label={t(end === 0 ? 'editor.network.link.end1' : 'editor.network.link.end2')}
            options={options}
          />
        ))}
      </div>
      {/* The pair as a whole: the same end twice, or a pair another link already sets. */}
      <FieldErrors path={['network', 'links', index, 'between']} id={`se-link-${index}-err`} />
      <LatencyField
        path={['network', 'links', index, 'latency']}
        label={t('editor.network.link.latency', { n: index + 1 })}
        hint={t('editor.network.link.hint', { class: t(`editor.network.${cls}`) })}
        required
      />
    </>
  );
}

/** `network.latency` per class of link, and `network.links`, the overrides of single pairs. */
export function NetworkSection() {
  const { t, draft } = useForm();
  const { items, add, remove } = useList(['network', 'links']);
  const endpoints = endpointsOf(getAt(draft, ['brokers']));
  const taken = new Set(
    items.map((l) => {
      const pair = listOf((l as { between?: unknown } | null)?.between);
      return [String(pair[0]), String(pair[1])].sort().join(' ');
    }),
  );
  // A new link starts between the producer and the first broker it does not reach by a link yet.
  const firstFree =
    endpoints.slice(2).find((e) => !taken.has(['producer', e].sort().join(' '))) ?? endpoints[2] ?? 'namesrv';
  return (
    <Section title={t('editor.section.network')}>
      <p className="se-note">{t('editor.network.intro')}</p>
      {CLASSES.map((c) => (
        <LatencyField
          key={c}
          path={['network', 'latency', c]}
          label={t(`editor.network.${c}`)}
          info={NETWORK_DEFAULTS[c]}
        />
      ))}
      <h3 className="se-subhead">{t('editor.network.connect')}</h3>
      <LatencyField
        path={['network', 'connectLatency']}
        label={t('editor.network.connectLatency')}
        info={NETWORK_DEFAULTS.connectLatency}
      />
      <div className="se-settings">
        <SettingField
          path={['network', 'connectTimeoutMillis']}
          name="connectTimeoutMillis"
          info={NETWORK_DEFAULTS.connectTimeoutMillis as SettingInfo<unknown>}
        />
      </div>
      <h3 className="se-subhead">{t('editor.network.links')}</h3>
      {items.length === 0 && <p className="se-note">{t('editor.network.links.empty')}</p>}
      {items.map((_, i) => (
        <fieldset key={i} className="se-item">
          <legend>{t('editor.network.link.legend', { n: i + 1 })}</legend>
          <RemoveButton label={t('editor.network.link.remove', { n: i + 1 })} onClick={() => remove(i)} />
          <LinkItem index={i} endpoints={endpoints} />
        </fieldset>
      ))}
      <button
        type="button"
        className="se-add"
        onClick={() => add({ between: ['producer', firstFree], latency: { kind: 'fixed', ms: 40 } })}
      >
        {t('editor.network.link.add')}
      </button>
    </Section>
  );
}

/** `nameServer`: its address, processing latency, broker expiry and scan, and ORDER_TOPIC_CONFIG support. */
export function NameServerSection() {
  const { t } = useForm();
  const rows = Object.entries(NAME_SERVER_DEFAULTS) as [string, SettingInfo<unknown>][];
  return (
    <Section title={t('editor.section.nameServer')}>
      <p className="se-note">{t('editor.nameServer.intro')}</p>
      <LatencyField
        path={['nameServer', 'processingLatency']}
        label={t('editor.nameServer.processingLatency')}
        info={NAME_SERVER_DEFAULTS.processingLatency}
      />
      <div className="se-settings">
        {rows
          .filter(([name]) => name !== 'processingLatency')
          .map(([name, info]) => (
            <SettingField key={name} path={['nameServer', name]} name={name} info={info} />
          ))}
      </div>
    </Section>
  );
}
