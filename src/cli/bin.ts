/** Process entry point of the bundled CLI (dist/cli.mjs). */
import { main } from './main';

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: readStdin,
  assetsRoot: new URL('../public/', import.meta.url),
  now: () => new Date(),
});
process.exitCode = code;
