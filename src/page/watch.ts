/**
 * Follows single-page-app navigation and late-loaded content: DOM mutations and history
 * navigation, debounced, call `onSettled`. Our own UI and our own text swaps never count, and
 * neither does typing in inputs, editable areas or code blocks.
 */
import { isSkipped } from './extract';

export interface PageWatch {
  /** Run `fn` (which changes the page) without its mutations counting as page changes. */
  ignore<T>(fn: () => T): T;
  stop(): void;
}

/** True when a mutation happened inside our UI or an area we never read. */
export function isOwnOrSkipped(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkipped(n as Element)) return true;
  }
  return false;
}

export function watchPage(doc: Document, onSettled: () => void, debounceMs = 700): PageWatch {
  const win = doc.defaultView;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(onSettled, debounceMs);
  };
  const relevant = (r: MutationRecord) => {
    if (isOwnOrSkipped(r.target)) return false;
    if (r.type === 'childList') {
      const changed = [...r.addedNodes, ...r.removedNodes];
      return changed.some((n) => !(n.nodeType === 1 && (n as Element).hasAttribute('data-unspun-ui')));
    }
    return true;
  };
  const observer = new MutationObserver((records) => {
    if (records.some(relevant)) settle();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  win?.addEventListener('popstate', settle);
  win?.addEventListener('hashchange', settle);
  return {
    ignore(fn) {
      try {
        return fn();
      } finally {
        observer.takeRecords();
      }
    },
    stop() {
      clearTimeout(timer);
      observer.disconnect();
      win?.removeEventListener('popstate', settle);
      win?.removeEventListener('hashchange', settle);
    },
  };
}
