/** A loopback HTTP server for fixture pages (test/fixtures/pages). It records every request. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface FixtureServer {
  url: (path: string) => string;
  requests: string[];
  close: () => Promise<void>;
}

const ROOT = join(process.cwd(), 'test/fixtures/pages');

/** `generated`: pages served from memory by path (e.g. `{ 'large.html': html }`), beside the fixture files. */
export async function startFixtureServer(generated: Record<string, string> = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    requests.push(path);
    try {
      const made = generated[path.replace(/^\//, '')];
      const body = made ?? (await readFile(join(ROOT, path)));
      const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
