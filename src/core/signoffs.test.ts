import { beforeAll, describe, expect, it } from 'vitest';
import { realResources } from '../../test/helpers/resources';
import { analyze } from './analyze';
import { type ChannelCandidate, type ChannelModel, channelFrom } from './channel';
import type { Resources } from './resources';
import { findSignoffs } from './signoffs';

const channel: ChannelModel = channelFrom({
  maxSpunWords: 1,
  lookup: (spun) =>
    ({
      accounting: ['reporting'],
      modifying: ['editing'],
      help: ['assistance'],
      through: ['by'],
      gave: ['contributed'],
      reputation: ['report'],
      story: ['report'],
      'enhancing by': ['editing by'],
    })[spun]?.map((original): ChannelCandidate => ({ original, logProb: -1, source: 'wordnet' })),
  isPrefix: () => false,
});

describe('findSignoffs', () => {
  it('restores the swapped words of a Reuters sign-off, keeping the names', () => {
    const text = 'Prices fell.\n(Accounting by Saeed Rahman in New York; Modifying by Peter Caldwell)\n';
    const hits = findSignoffs(text, channel);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Accounting by', 'Modifying by']);
    expect(hits.flatMap((h) => h.swaps.map((s) => [s.text, s.restored]))).toEqual([
      ['Accounting', 'Reporting'],
      ['Modifying', 'Editing'],
    ]);
  });

  it('restores a formula the spinner table lists as a phrase, whose words no thesaurus pairs', () => {
    const text = 'Prices fell.\n(Reporting by Saeed Rahman; Enhancing by Peter Caldwell)\n';
    expect(findSignoffs(text, channel).flatMap((h) => h.swaps.map((s) => [s.text, s.restored]))).toEqual([['Enhancing', 'Editing']]);
  });

  it('finds an intact formula, so the decoder leaves it alone, with nothing to restore', () => {
    const text = 'Ships waited.\n— With assistance from Anna Sorensen\n(Reporting by Jane Doe)';
    expect(findSignoffs(text, channel).map((h) => [text.slice(h.start, h.end), h.swaps.length])).toEqual([
      ['With assistance from', 0],
      ['Reporting by', 0],
    ]);
  });

  it('restores the Associated Press’s “… contributed to this report” after a name', () => {
    const text = 'Talks ended.\nAssociated Press writer Priya Mbeki gave to this report.\n';
    const hits = findSignoffs(text, channel);
    expect(hits.map((h) => [text.slice(h.start, h.end), h.swaps.map((s) => s.restored)])).toEqual([
      ['gave to this report', ['contributed']],
    ]);
    expect(findSignoffs('Maria Santos contributed to this report.', channel).map((h) => h.swaps.length)).toEqual([0]);
    // Not after a name, or not where the sentence ends: prose.
    expect(findSignoffs('Everyone gave to this report.', channel)).toEqual([]);
    expect(findSignoffs('Priya Mbeki gave to this report and more.', channel)).toEqual([]);
  });

  it('restores a swapped “report” too, and leaves a newsroom’s own “to this story” as written', () => {
    const text = 'Talks ended.\nCNBC’s Lars Halvorsen gave to this reputation.\n';
    expect(findSignoffs(text, channel).flatMap((h) => h.swaps.map((s) => [s.text, s.restored]))).toEqual([
      ['gave', 'contributed'],
      ['reputation', 'report'],
    ]);
    expect(findSignoffs('Talks ended.\nLars Halvorsen gave to this story.\n', channel)).toEqual([]);
  });

  it('finds the “to this report” line of a long page after prose that used the words first', () => {
    const prose = 'Officials objected to this report and to this report’s sources.\n';
    const text = `${prose}${'Talks went on.\n'.repeat(200)}Priya Mbeki gave to this report.\nMore talks.\nJo Lee contributed to this report.`;
    expect(findSignoffs(text, channel).map((h) => text.slice(h.start, h.end))).toEqual([
      'gave to this report',
      'contributed to this report',
    ]);
  });

  it('needs a sign-off’s place and a name after it: prose that starts the same way is not one', () => {
    expect(findSignoffs('Accounting by the firm showed a loss.', channel)).toEqual([]);
    expect(findSignoffs('Analysts said (accounting by Smith aside) the loss was small.', channel)).toEqual([]);
    expect(findSignoffs('(Accounting by hand is slow)', channel)).toEqual([]);
    // The closing "by" must be as written.
    expect(findSignoffs('(Accounting through Saeed Rahman)', channel)).toEqual([]);
  });
});

describe('sign-offs in an analysis', () => {
  let res: Resources;
  beforeAll(async () => {
    res = await realResources();
  });
  const spun =
    'Oil costs mentioned on Monday they had fallen. Merchants instructed reporters that demand was weak, in response to a analysis. ' +
    'Analysts mentioned provide would additionally rise earlier than the assembly.\n' +
    '(Accounting by Saeed Rahman; Modifying by Peter Caldwell)\n— With assistance from Anna Sorensen';

  it('restores the formula on a spun page and leaves an intact one alone', () => {
    const a = analyze(spun, res);
    expect(a.verdict.spun).toBe(true);
    const at = (w: string) => a.spans.find((s) => s.text === w);
    expect(at('Accounting')?.restored).toBe('Reporting');
    expect(a.spans.filter((s) => s.start > spun.indexOf('— With'))).toEqual([]);
    expect(a.source.publisher).toBe('Reuters');
  });
});
