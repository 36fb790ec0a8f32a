/**
 * Display helpers shared by the playback panels. Upstream message ids are 32 hex digits (`MessageClientIDSetter`:
 * address, pid, class-loader hash, time and a counter); the tail is what tells two messages of one run apart.
 */
export function shortMsgId(msgId: string): string {
  return msgId.length > 12 ? `…${msgId.slice(-8)}` : msgId;
}

/**
 * The last four hex digits, for chips too narrow for `shortMsgId`: within one run, message ids differ in
 * their counter, which is the tail. The full id stays in the chip's title.
 */
export function tinyMsgId(msgId: string): string {
  return msgId.length > 6 ? `…${msgId.slice(-4)}` : msgId;
}

/** "3,012" in English, "3,012" in Chinese too (both group by thousands); fractions to two places. */
export function formatNumber(lang: string, value: number): string {
  return numberFormat(lang === 'en' ? 'en-US' : 'zh-CN').format(value);
}

/** One formatter per locale: building an Intl.NumberFormat costs far more than using one, and playback
 * formats hundreds of numbers a frame. */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(locale, format);
  }
  return format;
}
