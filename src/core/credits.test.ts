import { beforeAll, describe, expect, it } from 'vitest';
import { realResources } from '../../test/helpers/resources';
import type { ChannelModel } from './channel';
import { findCredits, restyleCredits } from './credits';

let channel: ChannelModel;
beforeAll(async () => {
  channel = (await realResources()).channel;
});

describe('findCredits', () => {
  it('takes any last word only after a name no other one starts the same way', () => {
    // "PA Media", "PA Images" and "PA Wire" share "PA": an unknown word after it is left alone.
    const [c] = findCredits('A caption.\nJane Doe/PA Zorblax\nNext paragraph of the story goes here.', channel);
    expect(c?.restored ?? 'Jane Doe/PA Zorblax').toBe('Jane Doe/PA Zorblax');
    expect(findCredits('Visitors crowded the Getty Center on Sunday to see the new exhibition of photographs.', channel)).toEqual([]);
  });

  it.each([
    ['Chris McGrath | Getty Photos Information | Getty Photos', 'Chris McGrath | Getty Images News | Getty Images', 'Chris McGrath'],
    [
      'Ukrainian Presidential Press Ser | Through Reuters',
      'Ukrainian Presidential Press Ser | Via Reuters',
      'Ukrainian Presidential Press Ser',
    ],
    ['Simon Dawson | No 10 Downing Road', 'Simon Dawson | No 10 Downing Street', 'Simon Dawson'],
    ['Jane Okoro/AFP by way of Getty Photos', 'Jane Okoro/AFP via Getty Images', 'Jane Okoro'],
    ['Photograph: Tom Reyes/Getty Photos', 'Photograph: Tom Reyes/Getty Images', 'Tom Reyes'],
    ['Ana Lima for The New York Multiplication', 'Ana Lima for The New York Times', 'Ana Lima'],
    // Synonyms no thesaurus of ours lists: the brand before them says which name it was.
    ['Owen Stroud/Getty Angles', 'Owen Stroud/Getty Images', 'Owen Stroud'],
    ['Patrick Njoku/AFP/Getty Conceptualizations', 'Patrick Njoku/AFP/Getty Images', 'Patrick Njoku'],
    ['Mei Vasquez for The New York Controls', 'Mei Vasquez for The New York Times', 'Mei Vasquez'],
    ['Emeka Whitfield/AFP/Getty Look-alikes', 'Emeka Whitfield/AFP/Getty Images', 'Emeka Whitfield'],
    // A spinner-table swap of a label's word ("open supply" for "open source"): a repost's note, or a chart's credit.
    ['Supply: Reuters', 'Source: Reuters', null],
    // A word as written can start a longer spun form: "File cabinet" is "File".
    ['REUTERS/Ivo Marten/File cabinet Photo', 'REUTERS/Ivo Marten/File Photo', 'Ivo Marten'],
    // Label swaps rarer than the decoder would believe, from the thesauri's credit vocabulary.
    ['REUTERS/Kai Moreno/House', 'REUTERS/Kai Moreno/Pool', 'Kai Moreno'],
  ])('repairs the mangled credit %s', (line, restored, photographer) => {
    const [c] = findCredits(`A caption.\n${line}\nNext paragraph of the story goes here.`, channel);
    expect(c?.restored).toBe(restored);
    expect(c?.photographer).toBe(photographer);
    expect(c?.mangled).toBe(true);
  });

  it.each([
    // one word swapped: the repair covers that word
    ['Ana Lima for The New York Multiplication', [['Multiplication', 'Times']]],
    ['Owen Stroud/Getty Ikons', [['Ikons', 'Images']]],
    ['REUTERS/Ivo Marten/File cabinet Photo', [['File cabinet', 'File']]],
    // a name the spinner table swaps whole: the repair covers the name
    [
      'Chris McGrath | Getty Photos Information | Getty Photos',
      [
        ['Getty Photos Information', 'Getty Images News'],
        ['Getty Photos', 'Getty Images'],
      ],
    ],
    ['Jane Okoro/AFP by way of Getty Photos', [['by way of Getty Photos', 'via Getty Images']]],
  ])('marks in %s the words the spinner changed', (line, fixes) => {
    const text = `A caption.\n${line}\nNext paragraph of the story goes here.`;
    const [c] = findCredits(text, channel);
    expect(c?.fixes.map((f) => [f.text, f.restored])).toEqual(fixes);
    for (const f of c?.fixes ?? []) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('counts a swapped agency name as a spinner’s tell, a swapped connector or label as a weaker one, and a guessed last word as none', () => {
    const at = (line: string) => findCredits(`A caption.\n${line}\nNext paragraph of the story goes here.`, channel)[0];
    expect(at('Owen Stroud/Getty Photos')).toMatchObject({ mangled: true, tell: 'name' });
    expect(at('Owen Stroud/AFP through Getty Photos')).toMatchObject({ mangled: true, tell: 'name' });
    // A round-trip translation writes "through" for "via" too.
    expect(at('Owen Stroud/AFP through Getty Images')).toMatchObject({ mangled: true, tell: 'wording' });
    // A translated copy mangles a name too ("Getty Marries"): repaired, but no evidence of a spinner.
    expect(at('Owen Stroud/Getty Marries')).toMatchObject({ restored: 'Owen Stroud/Getty Images', mangled: true, tell: null });
    expect(at('Owen Stroud/Getty Images')).toMatchObject({ mangled: false, tell: null });
  });

  it("restores a spun label to the label the page's intact credits use", () => {
    const spun = 'Exposure: Ruth Amadi/The Guardian';
    const page = (lines: string[]) => findCredits(['A caption.', ...lines, 'Next paragraph of the story goes here.'].join('\n'), channel);
    const alone = page([spun]);
    expect(alone[0]?.restored).toMatch(/^Photo: Ruth Amadi/);
    const styled = page(['Photograph: Omar Sallah/The Guardian', 'More of the story.', spun]);
    expect(styled.map((c) => c.restored)).toEqual(['Photograph: Omar Sallah/The Guardian', 'Photograph: Ruth Amadi/The Guardian']);
    expect(styled[1]?.mangled).toBe(true);
  });

  it("follows the house labels of the page's publisher, once known, even over a label as written", () => {
    const lines = (house: ReadonlySet<string> | null, ...credit: string[]) => {
      const text = ['A caption.', ...credit, 'The end of it.'].join('\n');
      const found = findCredits(text, channel);
      return (house ? restyleCredits(text, found, channel, house) : found).map((c) => c.restored);
    };
    expect(lines(null, 'Fatima Nakamura / AP bank')).toEqual(['Fatima Nakamura / AP credit']);
    expect(lines(new Set(['File']), 'Fatima Nakamura / AP bank')).toEqual(['Fatima Nakamura / AP file']);
    expect(lines(null, 'Photo: Hannah Fox/PA')).toEqual(['Photo: Hannah Fox/PA']);
    expect(lines(new Set(['Photograph']), 'Photo: Hannah Fox/PA')).toEqual(['Photograph: Hannah Fox/PA']);
    // a line without a label gets none
    expect(lines(new Set(['Photograph']), 'Hannah Fox/PA')).toEqual(['Hannah Fox/PA']);
  });

  it('restores every spun label on a page to one label they can all be, when none is intact', () => {
    const page = findCredits(
      ['A caption.', 'Shoot: Lucy Ashcombe/PA', 'More of the story.', 'Exposure: Rhys Connolly/Getty Photos', 'The end of it.'].join('\n'),
      channel,
    );
    // "Shoot" can be only "Photograph"; "Exposure" alone would be "Photo"
    expect(page.map((c) => c.restored)).toEqual(['Photograph: Lucy Ashcombe/PA', 'Photograph: Rhys Connolly/Getty Images']);
  });

  it.each([
    'REUTERS/Daniel Okafor',
    '(AP Photo/Joshua Ramos)',
    'Photographer: Jenna Albright/Bloomberg',
    'Brendan Smialowski | AFP | Getty Images',
    '© Simon Dawes/Bloomberg',
    'Andre Kellogg/AFP/Getty Images',
    '[File: Tarek Samy/AP Photo]',
    '(Elena Vasquez/The Washington Post)',
    'Alain Kabeya / AFP via Getty Images',
    'REUTERS/Ilya Baranov/File Photo',
    'Nathaniel Brooks for The New York Times',
    'Marcus Ellery | Bloomberg | Getty Images',
    'Photograph: Lucy Ashcombe/PA',
    'Source: Bloomberg',
  ])('recognises the intact credit %s and leaves it alone', (line) => {
    const [c] = findCredits(line, channel);
    expect(c?.text).toBe(line);
    expect(c?.mangled).toBe(false);
    expect(c?.restored).toBe(line);
  });

  it('does not take ordinary sentences that mention an agency for credits', () => {
    expect(findCredits('Reuters reported that talks would resume on Monday in Geneva.', channel)).toEqual([]);
    expect(findCredits('The company said its shares would list in New York.', channel)).toEqual([]);
  });

  it('reports offsets into the whole text', () => {
    const text = 'Caption line.\n  Anadolu | Anadolu | Getty Photos\n';
    const [c] = findCredits(text, channel);
    expect(c && text.slice(c.start, c.end)).toBe('Anadolu | Anadolu | Getty Photos');
  });

  it('flags a photographer name made of dictionary words on a mangled line, without changing it', () => {
    const [c] = findCredits('Jon Setter Area | Getty Photos Information | Getty Photos', channel);
    expect(c?.restored).toBe('Jon Setter Area | Getty Images News | Getty Images');
    expect(c?.notes.join(' ')).toMatch(/Jon Setter Area/);
  });

  it('does not flag ordinary names', () => {
    const [c] = findCredits('Chris McGrath | Getty Photos Information | Getty Photos', channel);
    expect(c?.notes).toEqual([]);
  });
});
