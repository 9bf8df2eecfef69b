// Photo-credit and sign-off line templates per publisher (house styles as publicly seen on those sites),
// plus invented photographer / reporter names.
// Template syntax: {N} = a person name (never spun); Word/tag = a spinnable word with its Brown POS tag;
// any other word may only change through the phrase table (Getty Images -> Getty Photos, via -> through).

export const PUBLISHERS = [
  {
    publisher: 'CNBC',
    domain: 'cnbc.com',
    credits: [
      '{N} | Getty Images/nns News/nn | Getty Images/nns',
      '{N} | Bloomberg | Getty Images/nns',
      '{N} | Reuters',
      '{N} | AFP | Getty Images/nns',
    ],
    signoffs: ["— CNBC's {N} contributed/vbd to this report/nn."],
  },
  {
    publisher: 'Reuters',
    domain: 'reuters.com',
    credits: ['REUTERS/{N}', 'REUTERS/{N}/File/nn Photo/nn', 'REUTERS/{N}/Pool/nn'],
    signoffs: ['Reporting/vbg by {N}; Editing/vbg by {N}', 'Reporting/vbg by {N}; Additional/jj reporting/vbg by {N}; Editing/vbg by {N}'],
  },
  {
    publisher: 'Associated Press',
    domain: 'apnews.com',
    credits: ['(AP Photo/{N})', '(AP Photo/{N}, File/nn)'],
    signoffs: ['Associated Press writer/nn {N} contributed/vbd to this report/nn.'],
  },
  { publisher: 'BBC News', domain: 'bbc.com', credits: ['Getty Images/nns', 'PA Media/nns', 'EPA', 'Reuters'], signoffs: [] },
  {
    publisher: 'The Guardian',
    domain: 'theguardian.com',
    credits: [
      'Photograph/nn: {N}/AFP/Getty Images/nns',
      'Photograph/nn: {N}/AP',
      'Photograph/nn: {N}/PA',
      'Photograph/nn: {N}/The Guardian',
    ],
    signoffs: [],
  },
  {
    publisher: 'The New York Times',
    domain: 'nytimes.com',
    credits: ['{N} for The New York Times/nns', '{N}/Agence France-Presse — Getty Images/nns'],
    signoffs: [],
  },
  {
    publisher: 'Bloomberg',
    domain: 'bloomberg.com',
    credits: ['Photographer/nn: {N}/Bloomberg'],
    signoffs: ['—With assistance/nn from {N}.'],
  },
  {
    publisher: 'CNN',
    domain: 'cnn.com',
    credits: ['{N}/AFP/Getty Images/nns', '{N}/Getty Images/nns', '{N}/Reuters'],
    signoffs: ["CNN's {N} contributed/vbd to this report/nn."],
  },
  { publisher: 'Al Jazeera', domain: 'aljazeera.com', credits: ['[{N}/Reuters]', '[File/nn: {N}/AP Photo/nn]', '[{N}/AFP]'], signoffs: [] },
  { publisher: 'The Washington Post', domain: 'washingtonpost.com', credits: ['({N}/AP)', '({N}/The Washington Post)'], signoffs: [] },
  { publisher: 'NBC News', domain: 'nbcnews.com', credits: ['{N} / AFP via Getty Images/nns', '{N} / AP file/nn'], signoffs: [] },
  {
    publisher: 'Financial Times',
    domain: 'ft.com',
    credits: ['© {N}/Bloomberg', '© AFP via Getty Images/nns', '© {N}/Reuters'],
    signoffs: [],
  },
];

const FIRST = [
  'Maria',
  'James',
  'Priya',
  'Tomasz',
  'Aisha',
  'Daniel',
  'Mei',
  'Oscar',
  'Fatima',
  'Lars',
  'Grace',
  'Rafael',
  'Ines',
  'Kwame',
  'Sofia',
  'Henrik',
  'Leila',
  'Patrick',
  'Yuki',
  'Andrea',
  'Dmitri',
  'Chloe',
  'Samuel',
  'Nadia',
  'Owen',
  'Bianca',
  'Emeka',
  'Hannah',
  'Luca',
  'Zara',
];
const LAST = [
  'Alvarez',
  'Whitfield',
  'Nakamura',
  'Kowalski',
  'Okonjo',
  'Lindqvist',
  'Hargreaves',
  'Castellano',
  'Mbeki',
  'Fontaine',
  'Brandauer',
  'Sandoval',
  'Petrakis',
  'Oyelaran',
  'Stroud',
  'Halvorsen',
  'Quintero',
  'Abernathy',
  'Vasiliev',
  'Delacroix',
  'Young',
  'Wood',
  'Marsh',
  'Fields',
  'Stone',
  'Rivers',
  'Park',
  'Hill',
  'Baker',
  'Fox',
];

export function personName(rng) {
  return `${FIRST[Math.floor(rng() * FIRST.length)]} ${LAST[Math.floor(rng() * LAST.length)]}`;
}

/** Tokenize a template into spinner tokens {w, tag, pre, spin, name}. */
export function templateTokens(tpl, rng) {
  const filled = tpl.replace(/\{N\}/g, () => `\uE001${personName(rng)}\uE002`);
  const tokens = [];
  let pre = '',
    inName = false;
  const re = /\uE001|\uE002|[A-Za-z][A-Za-z'.-]*(?:\/[a-z$]+)?|[^A-Za-z\uE001\uE002]+/g;
  for (const m of filled.matchAll(re)) {
    const s = m[0];
    if (s === '\uE001') {
      inName = true;
      continue;
    }
    if (s === '\uE002') {
      inName = false;
      continue;
    }
    if (!/^[A-Za-z]/.test(s)) {
      pre += s;
      continue;
    }
    const k = s.indexOf('/');
    let w = s,
      tag = 'np',
      spin = false;
    if (k > 0) {
      w = s.slice(0, k);
      tag = s.slice(k + 1);
      spin = true;
    }
    // a trailing period belongs to the sentence, not the word
    let tail = '';
    if (/\.$/.test(w) && !/^[A-Z](\.[A-Z])*\.$/.test(w)) {
      tail = '.';
      w = w.slice(0, -1);
    }
    tokens.push({ w, tag, pre, spin, name: inName });
    pre = tail;
  }
  if (pre) tokens.push({ w: '', tag: 'x', pre, spin: false, name: true });
  return tokens;
}
