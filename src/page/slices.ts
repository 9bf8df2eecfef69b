/**
 * Long page work (reading a long article, mapping and painting thousands of highlights) is cut
 * into slices of a few milliseconds with a yield to the page between them, so no main-thread task
 * grows long enough to freeze scrolling or typing (target: none over 50 ms).
 */

/** Time one slice may use before yielding. Well under 50 ms: a slice's work is followed by the page's own rendering. */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Let the page run: `scheduler.yield()` where it exists (the continuation keeps its priority),
 * else a message on a fresh channel (a task that, unlike `setTimeout(0)`, is not clamped or
 * throttled). Both let rendering and input run between slices.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Let the page render a frame before going on: for work that changes the page's text, so each
 * frame lays out only one slice's worth of changed paragraphs (slices that run back to back
 * would leave one long layout for the frame after them). Goes on after 100 ms without a frame.
 */
export function yieldToFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    // A frame callback runs before that frame's layout: continue in a task after it.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => void yieldToPage().then(go));
    setTimeout(go, 100);
  });
}

/** Slices of work that changes the page's text: short, one per frame. */
export const EDIT_SLICE_MS = 4;

export interface Pacer {
  /** True once the current slice has used its time: the caller should `await pause()` at its next safe point. */
  due(): boolean;
  /** End the slice: yield to the page (not in a hidden tab, where nothing renders and no one types), then start a new slice. */
  pause(): Promise<void>;
}

export function createPacer(doc: Document | null, sliceMs = SLICE_MS, yieldFn: () => Promise<void> = yieldToPage): Pacer {
  const now = () => performance.now();
  let start = now();
  return {
    due: () => now() - start >= sliceMs,
    async pause() {
      if (doc?.visibilityState !== 'hidden') await yieldFn();
      start = now();
    },
  };
}

/** A pacer that never yields: the whole job runs in the caller's task (synchronous callers, tests). */
export const NO_PAUSE: Pacer = { due: () => false, pause: () => Promise.resolve() };
