/**
 * Display helpers shared by the playback panels. Upstream message ids are 32 hex digits (`MessageClientIDSetter`:
 * address, pid, class-loader hash, time and a counter); the tail is what tells two messages of one run apart.
 */
export function shortMsgId(msgId: string): string {
  return msgId.length > 12 ? `…${msgId.slice(-8)}` : msgId;
}

/** "3,012" in English, "3,012" in Chinese too (both group by thousands); fractions to two places. */
export function formatNumber(lang: string, value: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}
