/** The playback bar's glyphs: simple shapes, drawn in the text colour, never the only label (see aria names). */
const ICONS = {
  restart: (
    <>
      <path
        d="M6.5 8.5A7 7 0 1 1 5 13"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
      <path d="M3 4.5v6h6z" />
    </>
  ),
  stepBack: <path d="M5 5h2.6v14H5zM19.5 5v14L9 12z" />,
  play: <path d="M7 4.5v15L19.5 12z" />,
  pause: <path d="M6 5h4.2v14H6zM13.8 5H18v14h-4.2z" />,
  stepForward: <path d="M4.5 5v14L15 12zM16.4 5H19v14h-2.6z" />,
  previousNotable: (
    <>
      <path
        d="M12 6l-6 6 6 6M19 6l-6 6 6 6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinejoin="round"
      />
    </>
  ),
  nextNotable: (
    <>
      <path
        d="M5 6l6 6-6 6M12 6l6 6-6 6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinejoin="round"
      />
    </>
  ),
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name]}
    </svg>
  );
}
