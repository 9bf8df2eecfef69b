/**
 * The one message protocol shared by every surface: discriminated unions keyed by `kind`, named
 * by direction. The background owns the engine and its data; tabs and the popup only ask.
 */
import type { Comparison } from '../core/compare';
import type { Analysis, PageMeta } from '../core/types';

/** What the background remembers about one tab. */
export interface TabState {
  tabId: number;
  url: string;
  title: string;
  checkedAt: string;
  /** The text that was analysed (offsets in `analysis` refer to it). */
  text: string;
  analysis: Analysis;
}

/**
 * What a page needs of an analysis to paint it: the spans and the verdict. The page gets no
 * more (the restored text alone is as long as the article), so the reply is cheap to receive.
 */
export type PageAnalysis = Pick<Analysis, 'verdict' | 'spans'>;

/** Who started a check: the user (button, shortcut, menu, popup) or an automatic check on an allowed site. */
export type Trigger = 'manual' | 'auto';

/** content script → background */
export type ContentToBackground =
  | { kind: 'analyze-text'; text: string; url: string; title: string; meta?: PageMeta; trigger?: Trigger }
  /** Sent once when the content script starts: should it check this page by itself? */
  | { kind: 'content-ready'; url: string };

/** popup / options → background */
export type UiToBackground =
  | { kind: 'check-tab'; tabId: number; selectionOnly?: boolean }
  | { kind: 'get-tab-state'; tabId: number }
  /** Align the tab's checked text with the article the user fetched from `originalUrl`. */
  | { kind: 'compare-original'; tabId: number; originalUrl: string; originalText: string };

/** background → content script */
export type BackgroundToContent =
  | { kind: 'run-check'; selectionOnly?: boolean }
  | { kind: 'scroll-to-span'; index: number }
  /** Show the article in its restored wording (true) or exactly as the page had it (false). */
  | { kind: 'set-wording'; restored: boolean }
  | { kind: 'ping' };

export type ToBackground = ContentToBackground | UiToBackground;

/** Replies, by request kind. */
export interface Replies {
  'analyze-text': { ok: true; analysis: PageAnalysis } | Failure;
  'content-ready': { ok: true; auto: boolean };
  'check-tab': { ok: true; state: TabState } | Failure;
  'get-tab-state': { ok: true; state: TabState | null } | Failure;
  'compare-original': { ok: true; comparison: Comparison } | Failure;
  'run-check': { ok: true; highlighted: number } | Failure;
  'scroll-to-span': { ok: boolean };
  'set-wording': { ok: boolean; restored: boolean };
  ping: { ok: true };
}

export interface Failure {
  ok: false;
  error: string;
}

export type ReplyOf<M extends { kind: keyof Replies }> = Replies[M['kind']];

/** Runtime guard: messages arrive as `unknown` and page scripts cannot be trusted to send ours. */
export function isToBackground(m: unknown): m is ToBackground {
  if (typeof m !== 'object' || m === null) return false;
  const k = (m as { kind?: unknown }).kind;
  switch (k) {
    case 'analyze-text': {
      const trigger = (m as { trigger?: unknown }).trigger;
      return (
        typeof (m as { text?: unknown }).text === 'string' &&
        typeof (m as { url?: unknown }).url === 'string' &&
        (trigger === undefined || trigger === 'manual' || trigger === 'auto')
      );
    }
    case 'content-ready':
      return typeof (m as { url?: unknown }).url === 'string';
    case 'check-tab':
    case 'get-tab-state':
      return Number.isInteger((m as { tabId?: unknown }).tabId);
    case 'compare-original':
      return (
        Number.isInteger((m as { tabId?: unknown }).tabId) &&
        typeof (m as { originalText?: unknown }).originalText === 'string' &&
        typeof (m as { originalUrl?: unknown }).originalUrl === 'string'
      );
    default:
      return false;
  }
}

export function isToContent(m: unknown): m is BackgroundToContent {
  if (typeof m !== 'object' || m === null) return false;
  const k = (m as { kind?: unknown }).kind;
  return (
    k === 'run-check' ||
    k === 'ping' ||
    (k === 'scroll-to-span' && Number.isInteger((m as { index?: unknown }).index)) ||
    (k === 'set-wording' && typeof (m as { restored?: unknown }).restored === 'boolean')
  );
}
