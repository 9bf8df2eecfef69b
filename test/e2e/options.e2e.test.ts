/** The options page: choices persist across reloads, and old or corrupt stored settings never break it. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './browser';

declare const chrome: { storage: { local: { get: (k: string) => Promise<Record<string, unknown>>; set: (o: object) => Promise<void> } } };

let browser: ExtensionBrowser;
let options: Page;

const stored = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);
const storedHistory = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('history')).history as unknown);
const ready = async () => {
  await options.waitForSelector('body[data-ready="true"]');
};

beforeAll(async () => {
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await ready();
});

afterAll(async () => {
  await browser?.close();
});

describe('the options page', () => {
  it('starts from the defaults: no automatic sites, normal sensitivity', async () => {
    expect(await options.textContent('#sites')).toBe('No sites yet.');
    expect(await options.isChecked('#sensitivity-normal')).toBe(true);
    expect(await options.isChecked('#all-sites')).toBe(false);
    expect(await options.textContent('h1')).toBe('Unspun options');
  });

  it('keeps sensitivity, highlight style and theme across a reload', async () => {
    await options.check('#sensitivity-strict');
    await options.check('#highlight-style-underline');
    await options.check('#theme-dark');
    await options.waitForSelector('html[data-theme="dark"]');
    await options.reload();
    await ready();
    expect(await options.isChecked('#sensitivity-strict')).toBe(true);
    expect(await options.isChecked('#highlight-style-underline')).toBe(true);
    expect(await options.isChecked('#theme-dark')).toBe(true);
    expect(await options.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await stored()).toMatchObject({ version: 2, sensitivity: 'strict', highlightStyle: 'underline', theme: 'dark' });
  });

  it('follows the system colour scheme unless a theme is chosen', async () => {
    const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [light, dark] = ['rgb(255, 255, 255)', 'rgb(22, 26, 33)'];
    await options.check('#theme-system');
    await options.waitForSelector('html:not([data-theme])');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe(dark);
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe(light);
    await options.check('#theme-dark');
    await options.waitForSelector('html[data-theme="dark"]');
    expect(await background()).toBe(dark);
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.check('#theme-light');
    await options.waitForSelector('html[data-theme="light"]');
    expect(await background()).toBe(light);
    await options.emulateMedia({ colorScheme: null });
  });

  it('is fully usable from the keyboard', async () => {
    await options.focus('#sensitivity-strict');
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => stored().then((s) => s.sensitivity)).toBe('normal');
  });

  it('refuses an invalid site and says why', async () => {
    await options.fill('#site-input', 'file:///etc/passwd');
    await options.click('#add-site');
    await expect.poll(() => options.textContent('#options-message')).toContain('is not a web site address');
  });

  it('resets corrupt stored settings with a notice instead of crashing', async () => {
    await browser.worker.evaluate(() => chrome.storage.local.set({ settings: '{"truncated' }));
    await options.reload();
    await ready();
    expect(await options.textContent('#settings-notice')).toContain('reset to the defaults');
    expect(await options.isChecked('#sensitivity-normal')).toBe(true);
    expect(await stored()).toMatchObject({ version: 2, sensitivity: 'normal' });
  });

  it('upgrades settings of an older schema with a notice', async () => {
    await browser.worker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, sites: ['news.example'], threshold: 0.7 } }));
    await options.reload();
    await ready();
    expect(await options.textContent('#settings-notice')).toContain('older version');
    expect(await options.isChecked('#sensitivity-strict')).toBe(true);
    expect(await options.textContent('#sites')).toContain('https://news.example');
    expect(await options.textContent('#sites li')).toContain('needs access');
  });

  it('exports the settings as a JSON file that imports back', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export-settings')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toMatchObject({ app: 'unspun', version: 2, sensitivity: 'strict' });
    await options.check('#sensitivity-sensitive');
    await options.setInputFiles('#import-settings', path);
    await expect.poll(() => options.textContent('#options-message')).toContain('Settings imported');
    await expect.poll(() => stored().then((s) => s.sensitivity)).toBe('strict');
  });
  it('resets an unreadable audit history with a notice and keeps working', async () => {
    await browser.worker.evaluate(() => chrome.storage.local.set({ history: '{"truncated' }));
    await options.reload();
    await ready();
    expect(await options.textContent('#history-notice')).toContain('could not be read');
    expect(await options.textContent('#history')).toBe('No checks yet.');
    await expect.poll(storedHistory).toEqual({ version: 2, entries: [] });
  });

  it('upgrades an audit history of the first releases with a notice, dropping what it cannot read', async () => {
    const old = {
      url: 'https://repost.example/a',
      title: 'Old check',
      time: '2026-01-02T03:04:05.000Z',
      verdict: 'spun',
      score: 0.9,
      spans: 7,
    };
    await browser.worker.evaluate((entry) => chrome.storage.local.set({ history: [entry, { junk: true }, null] }), old);
    await options.reload();
    await ready();
    expect(await options.textContent('#history-notice')).toContain('upgraded from an older format (1 checks kept)');
    expect(await options.$$eval('#history tbody tr', (trs) => trs.length)).toBe(1);
    expect(await options.textContent('#history tbody tr')).toContain('Old check');
    await expect.poll(storedHistory).toEqual({ version: 2, entries: [{ ...old, trigger: 'manual', publisher: null }] });
  });
});
