/** The upstream tags SendPath models. `4.5.2` is the course's era, `4.9.8` the last 4.x, `5.3.3` current 5.x. */
export const VERSION_IDS = ['4.5.2', '4.9.8', '5.3.3'] as const;

export type VersionId = (typeof VERSION_IDS)[number];

export function isVersionId(x: unknown): x is VersionId {
  return typeof x === 'string' && (VERSION_IDS as readonly string[]).includes(x);
}

/**
 * Reads a version as people write it: `4.9.8`, `v4.9.8` or the git tag `rocketmq-all-4.9.8`.
 * Throws on anything else, naming the versions that exist.
 */
export function parseVersion(text: string): VersionId {
  const trimmed = text
    .trim()
    .replace(/^rocketmq-all-/, '')
    .replace(/^v/, '');
  if (isVersionId(trimmed)) return trimmed;
  throw new Error(`unknown RocketMQ version "${text}"; expected one of ${VERSION_IDS.join(', ')}`);
}

/** `4.x` or `5.x`, for the many places where only the major line matters. */
export function versionLine(version: VersionId): '4.x' | '5.x' {
  return version.startsWith('4.') ? '4.x' : '5.x';
}
