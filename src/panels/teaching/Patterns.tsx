/**
 * SVG fill patterns, so that states differ by texture and not only by colour: diagonal hatching for "past
 * the budget" or "down", dots for "waiting". Each SVG renders its own copy with ids made unique by `prefix`.
 */
export function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern
        id={`${prefix}-hatch`}
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="8" height="8" className="teach-pattern-bg" />
        <line x1="0" y1="0" x2="0" y2="8" className="teach-pattern-line" strokeWidth="3" />
      </pattern>
      <pattern
        id={`${prefix}-hatch-bad`}
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(-45)"
      >
        <rect width="8" height="8" className="teach-pattern-bg-bad" />
        <line x1="0" y1="0" x2="0" y2="8" className="teach-pattern-line-bad" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="teach-pattern-bg" />
        <circle cx="3" cy="3" r="1.4" className="teach-pattern-dot" />
      </pattern>
    </defs>
  );
}

/** `url(#...)` for one of the patterns. */
export function patternUrl(prefix: string, name: 'hatch' | 'hatch-bad' | 'dots'): string {
  return `url(#${prefix}-${name})`;
}

/** A DOM-id-safe version of React's `useId()` value (which contains colons). */
export function safeId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '');
}
