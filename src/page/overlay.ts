/**
 * Highlight fallback where the CSS Custom Highlight API is missing: absolutely positioned boxes
 * in a shadow root under <html>, drawn from each range's client rects and redrawn on scroll and
 * resize. The boxes ignore the pointer, so the page stays fully usable under them.
 */
import type { HighlightStyle } from '../messaging/settings';
import { shadowMode } from '../platform/e2e';
import { boxDeclarations, type HighlightKind } from './highlight-style';
import { boxesFor } from './overlay-geometry';

export interface Overlay {
  show(ranges: readonly (Range | null)[], kinds: readonly HighlightKind[], style: HighlightStyle): void;
  setStyle(style: HighlightStyle): void;
  remove(): void;
}

export function createOverlay(doc: Document): Overlay {
  const win = doc.defaultView;
  const host = doc.createElement('unspun-overlay');
  host.setAttribute('data-unspun-ui', '');
  host.setAttribute('style', 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2147483646;');
  const shadow = host.attachShadow({ mode: shadowMode() });
  const css = doc.createElement('style');
  const layer = doc.createElement('div');
  shadow.append(css, layer);

  let ranges: readonly (Range | null)[] = [];
  let kinds: readonly HighlightKind[] = [];
  let frame = 0;

  const draw = () => {
    frame = 0;
    const origin = host.getBoundingClientRect();
    const boxes = boxesFor(
      ranges.map((r, i) => ({ rects: r ? [...r.getClientRects()] : [], kind: kinds[i] ?? 'spun' })),
      origin,
    );
    layer.replaceChildren(
      ...boxes.map((b) => {
        const d = doc.createElement('div');
        d.className = `box ${b.kind}`;
        d.setAttribute('style', `left:${b.left}px;top:${b.top}px;width:${b.width}px;height:${b.height}px;`);
        return d;
      }),
    );
    host.setAttribute('data-unspun-boxes', String(boxes.length));
  };
  const schedule = () => {
    if (!frame && win) frame = win.requestAnimationFrame(draw);
  };

  const setStyle = (style: HighlightStyle) => {
    css.textContent = `.box { position: absolute; box-sizing: border-box; border-radius: 2px; }
.box.spun { ${boxDeclarations('spun', style)} }
.box.credit { ${boxDeclarations('credit', style)} }
.box.restored { ${boxDeclarations('restored', style)} }`;
  };

  return {
    show(r, k, style) {
      ranges = r;
      kinds = k;
      setStyle(style);
      if (!host.isConnected) doc.documentElement.appendChild(host);
      win?.addEventListener('scroll', schedule, { passive: true, capture: true });
      win?.addEventListener('resize', schedule, { passive: true });
      draw();
    },
    setStyle,
    remove() {
      win?.removeEventListener('scroll', schedule, { capture: true });
      win?.removeEventListener('resize', schedule);
      if (frame && win) win.cancelAnimationFrame(frame);
      frame = 0;
      host.remove();
    },
  };
}
