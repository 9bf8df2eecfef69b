import { browser } from 'wxt/browser';

(document.getElementById('version') as HTMLElement).textContent = `Version ${browser.runtime.getManifest().version}`;
