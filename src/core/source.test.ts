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
  ['The Hill', 'A Senate aide told The Hill that the vote would slip to next week.'],
  ['Newsweek', 'A spokesperson told Newsweek that the company was reviewing the claims.'],
  ['TIME', 'The prime minister told TIME in an interview that the ceasefire would hold.'],
  ['The Economist', 'A central banker told The Economist that inflation had peaked.'],
  ['MarketWatch', 'The analyst told MarketWatch that the rally had further to run.'],
  ['Fortune', 'The chief executive told Fortune that the company would not cut staff.'],
  ['The Atlantic', 'A former official told The Atlantic that the plan was never serious.'],
  ['Vox', 'The economist told Vox that the tariffs would raise prices.'],
  ['HuffPost', 'A campaign spokesperson told HuffPost that the ad would run nationally.'],
  ['Daily Mail', 'A neighbour told MailOnline that the family had moved away.'],
  ['Engadget', 'A company representative told Engadget that the feature is coming to older phones.'],
  ['Gizmodo', 'A spokesperson told Gizmodo that the outage had been resolved.'],
  ['CNET', 'The company told CNET that the price would not change.'],
  ['ZDNET', 'A Microsoft spokesperson told ZDNET that the patch was rolling out.'],
  ["Tom's Hardware", "The chipmaker told Tom's Hardware that the new processors ship in March."],
  ['VentureBeat', 'The founder told VentureBeat that the startup had raised $40 million.'],
  ['PC Gamer', 'The studio told PC Gamer that the patch fixes the crashes.'],
  ['GameSpot', 'The director told GameSpot that the sequel is in development.'],
  ['Eurogamer', 'The publisher told Eurogamer that the release had been delayed.'],
  ['Variety', 'The producer told Variety that filming would resume in the autumn.'],
  ['The Hollywood Reporter', 'A studio source told The Hollywood Reporter that the deal was done.'],
  ['Deadline', 'A spokesperson told Deadline that the series had been renewed.'],
  ['Sports Illustrated', 'The quarterback told Sports Illustrated that he felt healthy.'],
  ['CBC News', 'The premier told CBC News that the province would appeal.'],
  ['The Irish Times', 'The Taoiseach told The Irish Times that the budget would be balanced.'],
  ['France 24', 'The minister told France 24 that the talks had resumed.'],
  ['Nikkei Asia', 'Executives told Nikkei Asia that the factory would open next year.'],
  ['The Times of India', 'A senior officer told The Times of India that the probe was widening.'],
  ['UPI', 'WASHINGTON, Nov. 25 (UPI) -- The Senate passed the bill on Tuesday.'],
  ['PA Media', 'A spokesperson told the PA news agency that the trains would run as normal.'],
  ['Xinhua', 'BEIJING, Nov. 25 (Xinhua) -- The central bank kept its benchmark rate unchanged.'],
  ['Kyodo News', 'A government source told Kyodo News that the summit would go ahead.'],
  ['Yonhap', 'SEOUL, Nov. 25 (Yonhap) -- The military said it had detected a launch.'],
  ["Barron's", "The strategist told Barron's that stocks looked cheap."],
  ['MacRumors', 'A source told MacRumors that the new iPad would launch in the spring.'],
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

  it('takes a photo credited to a Guardian staff photographer as the Guardian’s, whatever its label', () => {
    const text = 'Ministers met on Monday to discuss the plan.\nPicture: Hannah Fox/The Guardian';
    expect(source(text).publisher).toBe('The Guardian');
    expect(source(text).evidence).toEqual(["staff photographer's credit 'Picture: Hannah Fox/The Guardian'"]);
    // an agency's photo on any site says nothing of the publisher
    expect(source('Ministers met on Monday to discuss the plan.\nPicture: Hannah Fox/Reuters').publisher).toBeNull();
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
    ['This text in the beginning seemed on CNBC.', 'CNBC'],
    ['This story was initially printed in The Guardian.', 'The Guardian'],
    ['Prices rose.\nSource: Reuters', 'Reuters'],
    // the note is a line of its own: the next line's words are not part of the name
    ['Prices rose.\nSource: Reuters\nMore talks are planned for next week.', 'Reuters'],
    ['Prices rose.\nVia: The Guardian\nRelated coverage follows below.', 'The Guardian'],
    ['It was first published by The Guardian on Monday.', 'The Guardian'],
    ['Republished with permission from the AP.', 'Associated Press'],
  ])('takes a repost’s own note of where the story came from: %s', (text, publisher) => {
    expect(source(text).publisher).toBe(publisher);
  });

  it.each([
    ['Prices rose on Monday.\nCNN’s Jane Doe contributed to this report.', 'CNN'],
    ['Prices rose on Monday. Reuters could not independently verify the account.', 'Reuters'],
    ['The chief executive informed CNBC in an interview that the company would hire more staff.', 'CNBC'],
    ['Prices rose on Monday.\nAlain Kabeya / AP file', 'NBC News'],
    ['Prices rose on Monday.\nAna Lima/Agence France-Presse — Getty Images', 'The New York Times'],
    ['Prices rose on Monday.\nJon Reyes | AFP | Getty Images', 'CNBC'],
  ])('names the publisher from a contributor line, its own reporting or a lone house-style credit: %s', (text, publisher) => {
    expect(source(text).publisher).toBe(publisher);
  });
});

describe('house spelling', () => {
  const evidenceOf = (text: string) => inferSource({ text, restoredText: text }).evidence;

  it('counts whole words: analysts, realistic and criticism are no British spelling', () => {
    const text = 'The minister told the BBC and a source told CNN that analysts found the analysis realistic despite criticism.';
    expect(evidenceOf(text).filter((e) => /spelling/.test(e))).toEqual([]);
  });

  it('counts whole words: Colorado and laboratory are no American spelling', () => {
    const text = 'The minister told the BBC and a source told CNN that the Colorado laboratory and the Colorado lab were closed.';
    expect(evidenceOf(text).filter((e) => /spelling/.test(e))).toEqual([]);
  });

  it('tips the balance to a publisher of the page’s spelling', () => {
    const text = 'The minister told the BBC and a source told CNN that the organisation would recognise the colour of the centre.';
    expect(inferSource({ text, restoredText: text }).evidence).toContain('British spelling (4 words)');
  });
});
