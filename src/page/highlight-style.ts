/** The look of highlights, shared by the CSS Custom Highlight API and the overlay fallback. */
import type { HighlightStyle } from '../messaging/settings';

export const COLORS = {
  spun: { fill: 'rgba(255, 196, 0, 0.45)', line: 'rgba(200, 90, 0, 0.9)' },
  credit: { fill: 'rgba(120, 180, 255, 0.45)', line: 'rgba(30, 90, 200, 0.9)' },
  restored: { fill: 'rgba(76, 175, 80, 0.35)', line: 'rgba(46, 125, 50, 0.9)' },
} as const;

export type HighlightKind = keyof typeof COLORS;

/** Declarations for one kind of highlight in `::highlight()` (text-decoration works there). */
export function highlightDeclarations(kind: HighlightKind, style: HighlightStyle): string {
  const c = COLORS[kind];
  const fill = style !== 'underline' ? `background-color: ${c.fill};` : '';
  const line = style !== 'background' ? `text-decoration: underline wavy ${c.line}; text-decoration-thickness: 2px;` : '';
  return `${fill} ${line}`.trim();
}

/** Declarations for an overlay box (a div cannot draw a wavy text underline: a bottom border instead). */
export function boxDeclarations(kind: HighlightKind, style: HighlightStyle): string {
  const c = COLORS[kind];
  const fill = style !== 'underline' ? `background-color: ${c.fill};` : '';
  const line = style !== 'background' ? `border-bottom: 2px solid ${c.line};` : '';
  return `${fill} ${line}`.trim();
}
