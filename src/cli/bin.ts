/** Process entry point of the bundled CLI (dist/cli.mjs). */
import { main } from './main';
import { InputError, MAX_INPUT_BYTES } from './read-input';

// Stops reading once past the input limit, so an endless pipe cannot exhaust memory.
const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > MAX_INPUT_BYTES) {
      process.stdin.destroy();
      throw new InputError(`stdin: too large (more than ${MAX_INPUT_BYTES} bytes)`);
    }
  }
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
