import { describe, expect, it } from 'vitest';
import { isToBackground, isToContent } from './protocol';

describe('message guards', () => {
  it('accept the protocol messages', () => {
    expect(isToBackground({ kind: 'analyze-text', text: 'a', url: 'u', title: '' })).toBe(true);
    expect(isToBackground({ kind: 'check-tab', tabId: 4 })).toBe(true);
    expect(isToContent({ kind: 'scroll-to-span', index: 2 })).toBe(true);
    expect(isToBackground({ kind: 'content-ready', url: 'https://a.example/' })).toBe(true);
    expect(isToBackground({ kind: 'analyze-text', text: 'a', url: 'u', title: '', trigger: 'auto' })).toBe(true);
    expect(isToContent({ kind: 'set-wording', restored: true })).toBe(true);
  });

  it('reject anything malformed or unknown', () => {
    for (const m of [null, 'x', {}, { kind: 'analyze-text', text: 1 }, { kind: 'check-tab', tabId: '4' }, { kind: 'eval', code: '1' }]) {
      expect(isToBackground(m)).toBe(false);
    }
    expect(isToContent({ kind: 'scroll-to-span', index: 'a' })).toBe(false);
    expect(isToContent({ kind: 'set-wording', restored: 'yes' })).toBe(false);
    expect(isToBackground({ kind: 'analyze-text', text: 'a', url: 'u', title: '', trigger: 'cron' })).toBe(false);
    expect(isToBackground({ kind: 'content-ready' })).toBe(false);
  });
});
