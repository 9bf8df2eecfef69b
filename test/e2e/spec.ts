/** Setup shared by the specs about one fixture page. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type CheckedPage, checkFixture } from './browser';
import { type FixtureServer, startFixtureServer } from './server';

/**
 * Before the spec's tests: serve the fixtures, check `fixture` in a browser with the extension
 * (`checkFixture`; `beforeCheck` runs on the loaded page first) and hand the result to `ready`.
 * After them: close the browser and the server.
 */
export function checkFixtureForSpec(
  fixture: string,
  ready: (checked: CheckedPage, server: FixtureServer) => void | Promise<void>,
  beforeCheck?: (page: Page) => Promise<void>,
): void {
  let server: FixtureServer | undefined;
  let checked: CheckedPage | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    checked = await checkFixture(server, fixture, beforeCheck);
    await ready(checked, server);
  });
  afterAll(async () => {
    await checked?.close();
    await server?.close();
  });
}
