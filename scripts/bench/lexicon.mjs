// The peers' lexicons:
// - the spinner table (data/spinner/*.tsv): its spun forms, what a naive detector would look for;
// - the channel's keys (public/data/channel.bin.gz): every spun form the engine's channel model
//   knows (WordNet, LibreOffice, Moby, the spinner table), as the decoded model lists them.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

/** Spun forms of the spinner table, deduplicated. */
export function spinnerLexicon() {
  const spun = ['data/spinner/seed-pairs.tsv', 'data/spinner/known-swaps.tsv'].flatMap((f) =>
    readFileSync(new URL(f, root), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[1])
      .filter(Boolean),
  );
  return [...new Set(spun)];
}

/** Every key (spun form, lowercase, 1–5 words) of the channel model in public/data/channel.bin.gz. */
export function channelLexicon(resources) {
  return resources.channel.keys();
}
