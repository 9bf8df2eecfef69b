/** Typed senders over webextension-polyfill: the reply type follows the message kind. */
import { browser } from 'wxt/browser';
import type { BackgroundToContent, ReplyOf, ToBackground } from './protocol';

export function sendToBackground<M extends ToBackground>(message: M): Promise<ReplyOf<M>> {
  return browser.runtime.sendMessage(message) as Promise<ReplyOf<M>>;
}

export function sendToTab<M extends BackgroundToContent>(tabId: number, message: M): Promise<ReplyOf<M>> {
  return browser.tabs.sendMessage(tabId, message) as Promise<ReplyOf<M>>;
}
