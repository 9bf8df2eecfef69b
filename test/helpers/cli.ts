/** Runs the CLI's `main` in-process against the real data assets, capturing its output. */
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `stdin` is the text fed to `-`, or a function that produces the bytes. */
export async function runCli(argv: string[], stdin: string | (() => Promise<Buffer>) = ''): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    stdin: typeof stdin === 'string' ? async () => Buffer.from(stdin) : stdin,
    assetsRoot: new URL('../../public/', import.meta.url),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { code, out, err };
}
