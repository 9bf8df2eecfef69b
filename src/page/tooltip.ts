/**
 * Hover tooltip with the likely original wording, drawn in a closed shadow root so the page's
 * styles cannot reach it and it cannot restyle the page. Text only: page-derived strings go
 * through textContent, never markup.
 */
import type { Span } from '../core/types';
import { shadowMode } from '../platform/e2e';
import { t } from '../platform/i18n';
import type { SpanRanges } from './span-ranges';

export interface Tooltip {
  /**
   * Watch the pointer over the painted spans (`painted` holds their indices and may change while
   * attached); `restored` when the ranges cover restored wording shown in the page.
   */
  attach(ranges: SpanRanges, painted: ReadonlySet<number>, spans: readonly Span[], restored?: boolean): void;
  detach(): void;
}

const CSS = `:host { all: initial; }
.tip { position: fixed; z-index: 2147483647; max-width: 320px; padding: 6px 9px; border-radius: 6px;
  font: 13px/1.4 system-ui, sans-serif; background: #1d2330; color: #f4f6fa; box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: none; }
.tip[hidden] { display: none; }
.label { opacity: .75; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; }
.orig { font-weight: 600; }`;

export function createTooltip(doc: Document): Tooltip {
  const host = doc.createElement('unspun-tooltip');
  host.setAttribute('data-unspun-ui', '');
  // Closed in shipped builds; the e2e build opens it so a test can read what it shows.
  const shadow = host.attachShadow({ mode: shadowMode() });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  tip.setAttribute('role', 'tooltip');
  shadow.append(style, tip);

  let ranges: SpanRanges | null = null;
  let painted: ReadonlySet<number> = new Set();
  let spans: readonly Span[] = [];
  let showingRestored = false;
  let pending = false;
  let lastEvent: MouseEvent | null = null;

  const show = (span: Span, rect: DOMRect) => {
    tip.replaceChildren();
    const label = doc.createElement('div');
    label.className = 'label';
    label.textContent = showingRestored
      ? t('tooltipOnPage')
      : span.kind === 'credit'
        ? t('tooltipRepairedCredit')
        : t('tooltipLikelyOriginal');
    const orig = doc.createElement('div');
    orig.className = 'orig';
    orig.textContent = showingRestored ? span.text : span.restored;
    tip.append(label, orig);
    if (!showingRestored && span.alternatives.length) {
      const alt = doc.createElement('div');
      alt.textContent = t('tooltipAlternatives', span.alternatives.join(', '));
      tip.append(alt);
    }
    tip.hidden = false;
    host.setAttribute('data-state', 'shown');
    tip.style.left = `${Math.max(4, rect.left)}px`;
    tip.style.top = `${rect.bottom + 6}px`;
  };

  const onMove = (e: MouseEvent) => {
    lastEvent = e;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!lastEvent) return;
      const hit = hitTest(lastEvent.clientX, lastEvent.clientY);
      if (hit) show(hit.span, hit.rect);
      else {
        tip.hidden = true;
        host.removeAttribute('data-state');
      }
    });
  };

  const hitTest = (x: number, y: number): { span: Span; rect: DOMRect } | null => {
    for (const i of painted) {
      const r = ranges?.at(i);
      if (!r) continue;
      for (const rect of r.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { span: spans[i] as Span, rect };
      }
    }
    return null;
  };

  return {
    attach(r, p, s, restored = false) {
      ranges = r;
      painted = p;
      spans = s;
      showingRestored = restored;
      if (!host.isConnected) (doc.body ?? doc.documentElement).appendChild(host);
      doc.addEventListener('mousemove', onMove, { passive: true });
    },
    detach() {
      doc.removeEventListener('mousemove', onMove);
      host.remove();
    },
  };
}
