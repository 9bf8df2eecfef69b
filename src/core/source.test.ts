import { describe, expect, it } from 'vitest';
import data from './data/publishers.json';
import { inferSource } from './source';

const source = (text: string, url?: string) => inferSource({ text, restoredText: text, url });

// One representative passage per publisher: an attribution, dateline, sign-off or house style
// that only the original reporter would write.
const CASES: [string, string][] = [
  ['CNBC', 'Kirill Dmitriev told CNBC that a single call can change the course of history.'],
  ['Reuters', 'LONDON (Reuters) - Oil prices rose on Monday.\n(Reporting by Jane Doe; Editing by John Roe)'],
  ['Associated Press', 'WASHINGTON (AP) — The Senate voted on Tuesday. Associated Press writer Lisa Mascaro contributed to this report.'],
  ['BBC News', 'The minister told the BBC that talks would continue, speaking on the Today programme.'],
  ['The Guardian', 'A spokesperson told the Guardian the plan was under review.\nPhotograph: Tom Reyes/Getty Images'],
  [
    'The New York Times',
    'The mayor said in an interview with The New York Times that he would run again.\nAna Lima for The New York Times',
  ],
  ['Bloomberg', 'Shares fell 3%, according to data compiled by Bloomberg.\nPhotographer: Jenna Albright/Bloomberg'],
  ['CNN', 'Washington (CNN) — The White House told CNN on Friday that the meeting was off.'],
  ['Al Jazeera', 'A resident told Al Jazeera that the shelling continued overnight.\n[Karim Mansour/Reuters]'],
  ['The Washington Post', 'Two officials told The Washington Post that the review had ended.\n(Elena Vasquez/The Washington Post)'],
  ['NBC News', 'The senator told NBC News on Sunday, in an interview on Meet the Press, that she would vote no.'],
  ['Financial Times', 'The chief executive told the Financial Times the bank would cut jobs.\n© Simon Dawes/Bloomberg'],
  ['ABC News', 'The governor told ABC News on Good Morning America that aid was coming.'],
  ['CBS News', 'The secretary told CBS News on Face the Nation that the talks had stalled.'],
  ['Fox News', 'The spokesman told Fox News Digital that the bill would pass.'],
  ['The Wall Street Journal', 'The company told The Wall Street Journal it would appeal. Write to Jane Doe at jane.doe@wsj.com'],
  ['Politico', 'A senior aide told POLITICO the vote would be delayed.'],
  ['Axios', 'The executive told Axios the deal was close. Why it matters: the merger reshapes the market.'],
  ['Sky News', 'The minister told Sky News the strike would go ahead.'],
  ['The Independent', 'A source told The Independent the plan had been shelved.'],
  ['The Telegraph', 'A minister told The Telegraph that the reform was dead.'],
  ['Agence France-Presse', 'KYIV (AFP) - AFP journalists saw smoke over the city, a witness told AFP.'],
  ['NPR', 'The researcher told NPR on Morning Edition that the data were clear.'],
  ['Deutsche Welle', 'The chancellor told DW that Germany would help.'],
  ['USA Today', 'The coach told USA TODAY Sports that the team was ready.'],
  ['Los Angeles Times', 'The actor told The Los Angeles Times that filming had resumed.'],
  ['The Verge', 'A spokesperson told The Verge in a statement to The Verge that the update was paused.'],
  ['TechCrunch', 'The founder told TechCrunch the startup had raised $20 million.'],
  ['Wired', 'A researcher told WIRED the flaw had been patched.'],
  ['Ars Technica', 'An engineer told Ars Technica that the chip shipped late.'],
  ['IGN', 'The director told IGN in an interview with IGN that the sequel was in development.'],
  ['Polygon', 'The studio told Polygon the game would launch in spring.'],
  ['Kotaku', 'Developers told Kotaku that crunch had returned.'],
  ['ESPN', 'The agent told ESPN the contract was signed, according to ESPN Stats & Information.'],
  ['The Athletic', 'Sources told The Athletic that the trade was done.'],
  ['Business Insider', 'The employee told Business Insider the layoffs were sudden.'],
  ['Forbes', 'The billionaire told Forbes his fortune had doubled.'],
  ['Yahoo Finance', 'The strategist told Yahoo Finance that rates would fall.'],
  ['CoinDesk', 'The trader told CoinDesk that bitcoin would recover.'],
  ['South China Morning Post', 'An official told the South China Morning Post the talks were productive.'],
  ['Euronews', 'The commissioner told Euronews that the rules would change.'],
];

describe('inferSource', () => {
  it('has a test passage for every publisher in the data', () => {
    expect(new Set(CASES.map(([p]) => p))).toEqual(new Set(data.publishers.map((p) => p.name)));
  });

  it.each(CASES)('names %s from its own signals', (publisher, text) => {
    const s = source(text);
    expect(s.publisher).toBe(publisher);
    expect(s.evidence.length).toBeGreaterThan(0);
    expect(s.confidence).toBeGreaterThan(0.4);
  });

  it('never names the repost’s own site as the source', () => {
    expect(source('The mayor told CNBC the budget was approved.', 'https://www.cnbc.com/some/repost').publisher).toBeNull();
  });

  it('claims no publisher for text without any signal', () => {
    const s = source('Heat the oven to 200C. Roast the potatoes for 40 minutes, turning them once.');
    expect(s.publisher).toBeNull();
    expect(s.candidates).toEqual([]);
  });

  it('does not take "according to X reporting" as a sign that X wrote the story', () => {
    expect(source('Officials met in Brussels, according to NBC News reporting.').publisher).toBeNull();
  });

  it('ranks candidates best first with confidences that sum to at most 1', () => {
    const s = source('Jane Doe told CNBC on Squawk Box that rates would rise. A trader told Reuters the same.');
    expect(s.candidates[0]?.publisher).toBe('CNBC');
    const total = s.candidates.reduce((a, c) => a + c.confidence, 0);
    expect(total).toBeLessThanOrEqual(1.001);
    for (let i = 1; i < s.candidates.length; i++)
      expect(s.candidates[i - 1]?.confidence ?? 0).toBeGreaterThanOrEqual(s.candidates[i]?.confidence ?? 0);
  });

  it('trusts a canonical link to another publisher', () => {
    const s = inferSource({
      text: 'Prices rose.',
      restoredText: 'Prices rose.',
      url: 'https://repost.example/a',
      meta: { canonicalUrl: 'https://www.reuters.com/markets/a' },
    });
    expect(s.publisher).toBe('Reuters');
  });

  it.each([
    ['This article originally appeared on CNBC.', 'CNBC'],
    ['Prices rose.\nSource: Reuters', 'Reuters'],
    ['It was first published by The Guardian on Monday.', 'The Guardian'],
    ['Republished with permission from the AP.', 'Associated Press'],
  ])('takes a repost’s own note of where the story came from: %s', (text, publisher) => {
    expect(source(text).publisher).toBe(publisher);
  });

  it.each([
    ['Prices rose on Monday.\nCNN’s Jane Doe contributed to this report.', 'CNN'],
    ['Prices rose on Monday. Reuters could not independently verify the account.', 'Reuters'],
    ['Prices rose on Monday.\nAlain Kabeya / AP file', 'NBC News'],
    ['Prices rose on Monday.\nAna Lima/Agence France-Presse — Getty Images', 'The New York Times'],
    ['Prices rose on Monday.\nJon Reyes | AFP | Getty Images', 'CNBC'],
  ])('names the publisher from a contributor line, its own reporting or a lone house-style credit: %s', (text, publisher) => {
    expect(source(text).publisher).toBe(publisher);
  });
});
