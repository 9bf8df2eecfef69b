/**
 * Test hooks, live only in the end-to-end build (UNSPUN_E2E=1), recognised by the loopback host
 * access that only that build's manifest asks for. Shipped builds never take these branches.
 */
import { browser } from 'wxt/browser';

const LOOPBACK = 'http://127.0.0.1/*';

let cached: boolean | undefined;

export function isE2eBuild(): boolean {
  if (cached === undefined) {
    try {
      const m = browser.runtime.getManifest() as { permissions?: string[]; host_permissions?: string[] };
      cached = [...(m.permissions ?? []), ...(m.host_permissions ?? [])].includes(LOOPBACK);
    } catch {
      cached = false;
    }
  }
  return cached;
}

/** Shadow roots are closed, except in the e2e build where tests must read the tooltip and overlay. */
export const shadowMode = (): ShadowRootMode => (isE2eBuild() ? 'open' : 'closed');

/**
 * Firefox cannot be driven headless here (no click, no storage access from outside), so its e2e
 * build starts with the loopback site allowed for automatic checks.
 */
export const e2eSeedSites = (): string[] => (isE2eBuild() && import.meta.env.FIREFOX ? ['http://127.0.0.1'] : []);
