import { useEffect, useRef } from 'react';
import type { Lang } from '../../i18n';
import type { RpcKind } from '../../view/folds/rpcKinds';
import type { RpcToken, TopologyState } from '../../view/folds/topology';
import { cssZoomOf } from '../teaching/unzoomedSize';
import type { TopologyLayout } from './layout';
import { placeToken, tokenTitle, type T } from './tokenModel';

/**
 * The RPC tokens drawn on one canvas, for when there are too many for one SVG element each: hundreds of
 * tokens moving every frame cost the browser more to style and paint as elements than the frame has. The
 * glyphs and colours are the SVG tokens' (the theme's CSS variables); hovering a token shows the same text
 * as an SVG token's title. The count in the legend is the accessible text; the canvas itself is hidden
 * from assistive technology like the SVG tokens' layer.
 */
export function TokenCanvas({
  tokens,
  model,
  layout,
  selectedMsgId,
  t,
  lang,
}: {
  tokens: readonly RpcToken[];
  model: TopologyState;
  layout: TopologyLayout;
  selectedMsgId: string | null;
  t: T;
  lang: Lang;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  /** The tokens as last drawn, with their points, for hover hit-testing. */
  const drawn = useRef<{ token: RpcToken; x: number; y: number }[]>([]);
  /** The language of the hover text, as of the last render. */
  const hoverText = useRef({ t, lang });

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(layout.width * ratio);
    const height = Math.round(layout.height * ratio);
    if (el.width !== width || el.height !== height) {
      el.width = width;
      el.height = height;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, layout.width, layout.height);
    const colours = themeColours(el);
    const points: { token: RpcToken; x: number; y: number }[] = [];
    for (const token of tokens) {
      const placed = placeToken(token, model, layout);
      if (!placed) continue;
      const { x, y } = placed.point;
      points.push({ token, x, y });
      const failed = token.phase === 'timedOut' || token.phase === 'lateReply';
      const colour = failed ? colours.bad : kindColour(colours, token.kind);
      drawGlyph(ctx, token.kind, x, y);
      if (placed.hollow) {
        ctx.fillStyle = colours.surface;
        ctx.fill();
        ctx.lineWidth = 3;
        ctx.strokeStyle = colour;
        ctx.stroke();
      } else {
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = colours.surface;
        ctx.stroke();
      }
      if (selectedMsgId !== null && token.msgId === selectedMsgId) {
        ctx.beginPath();
        ctx.arc(x, y, 12, 0, 2 * Math.PI);
        ctx.lineWidth = 3;
        ctx.strokeStyle = colours.focus;
        ctx.stroke();
      }
    }
    drawn.current = points;
    hoverText.current = { t, lang };
  });

  // The token layer lets the pointer through to the boxes below it, so hovering is watched on the panel's
  // canvas area, which shows the nearest token's text as its tooltip.
  useEffect(() => {
    const area = canvas.current?.parentElement;
    if (!area) return;
    const onMove = (e: globalThis.MouseEvent) => {
      const el = canvas.current;
      if (!el) return;
      const box = el.getBoundingClientRect();
      // Pointer and box are on-screen pixels; the tokens were placed in the canvas's own (unzoomed) ones.
      const zoom = cssZoomOf(el);
      const x = (e.clientX - box.left) / zoom;
      const y = (e.clientY - box.top) / zoom;
      let best: RpcToken | null = null;
      let bestDistance = 9 * 9;
      for (const p of drawn.current) {
        const d = (p.x - x) ** 2 + (p.y - y) ** 2;
        if (d <= bestDistance) {
          best = p.token;
          bestDistance = d;
        }
      }
      const title = best ? tokenTitle(best, hoverText.current.t, hoverText.current.lang) : '';
      if (area.title !== title) area.title = title;
    };
    area.addEventListener('mousemove', onMove);
    return () => {
      area.removeEventListener('mousemove', onMove);
      area.removeAttribute('title');
    };
  }, []);

  return (
    <canvas
      ref={canvas}
      className="topo-layer topo-layer--tokens topo-token-canvas"
      style={{ width: layout.width, height: layout.height }}
      aria-hidden="true"
      data-tokens={tokens.length}
    />
  );
}

interface Colours {
  surface: string;
  accent: string;
  violet: string;
  muted: string;
  bad: string;
  focus: string;
}

function themeColours(el: Element): Colours {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    surface: read('--surface', '#ffffff'),
    accent: read('--accent', '#1d4ed8'),
    violet: read('--teach-violet', '#6d28d9'),
    muted: read('--text-muted', '#555555'),
    bad: read('--bad', '#b91c1c'),
    focus: read('--focus', '#f59e0b'),
  };
}

function kindColour(c: Colours, kind: RpcKind): string {
  if (kind === 'send') return c.accent;
  if (kind === 'route') return c.violet;
  return c.muted;
}

/** The same shapes as the SVG `TokenGlyph` at size 7: circle, diamond, square or triangle. */
function drawGlyph(ctx: CanvasRenderingContext2D, kind: RpcKind, x: number, y: number): void {
  const s = 7;
  ctx.beginPath();
  switch (kind) {
    case 'route':
      ctx.moveTo(x, y - s - 1);
      ctx.lineTo(x + s + 1, y);
      ctx.lineTo(x, y + s + 1);
      ctx.lineTo(x - s - 1, y);
      ctx.closePath();
      return;
    case 'heartbeat':
      ctx.rect(x - s + 1, y - s + 1, 2 * s - 2, 2 * s - 2);
      return;
    case 'register':
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y + s - 1);
      ctx.lineTo(x - s, y + s - 1);
      ctx.closePath();
      return;
    case 'probe':
      ctx.arc(x, y, s - 2, 0, 2 * Math.PI);
      return;
    default:
      ctx.arc(x, y, s, 0, 2 * Math.PI);
  }
}
