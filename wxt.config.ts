import { defineConfig } from 'wxt';

// End-to-end tests load a build that may read pages on the loopback test server without a click
// on the toolbar button (a headless browser cannot click it, so activeTab is never granted).
// Only that build, written to .output/e2e-*, has the extra host permission; shipped builds don't.
const e2e = process.env.UNSPUN_E2E === '1';
const EXTENSION_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// The manifest asks only for what a user-initiated check needs. Host access is optional and
// requested at the moment the user asks for a network action (compare with an original URL)
// or turns on automatic checks for a site. README.md § Permissions explains each entry.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDirTemplate: `${e2e ? 'e2e-' : ''}{{browser}}-mv{{manifestVersion}}{{modeSuffix}}`,
  // Explicit imports keep every file readable on its own and the engine free of globals.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    // Strings live in public/_locales/<lang>/messages.json; English is the fallback.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // MV2 has no host_permissions: the e2e build's loopback access goes into permissions there.
    permissions: ['activeTab', 'storage', 'scripting', 'contextMenus', ...(e2e && manifestVersion === 2 ? ['http://127.0.0.1/*'] : [])],
    ...(manifestVersion === 3 ? { optional_host_permissions: ['<all_urls>'] } : { optional_permissions: ['<all_urls>'] }),
    ...(e2e && manifestVersion === 3 ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Stricter than the default: only the extension's own scripts, no plugins, no <base> tricks.
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_CSP } : (EXTENSION_CSP as unknown as { extension_pages: string }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'check-page': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: '__MSG_cmdCheckPage__',
      },
    },
    // light-dark() in the shared palette (src/ui/theme.css) needs Chrome 123; Firefox 142 has it.
    ...(browser !== 'firefox' && { minimum_chrome_version: '123' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'unspun@unspun.dev',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
