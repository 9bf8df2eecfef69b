/**
 * Likely original source: which publisher first reported this text. Each publisher's signals
 * (interview attributions, programme names, datelines, sign-offs, credit-line house styles) are
 * data in data/publishers.json; this module only weighs them. Signals are read from the restored
 * text as well as the page's text, so a spun attribution ("instructed CNBC") counts once restored
 * ("told CNBC").
 */
import data from './data/publishers.json';
import { LiteralScanner } from './literals';
import type { PageMeta, Source, SourceCandidate } from './types';

interface Signal {
  /** The pattern and its flags (always with g); compiled on first use, as most never run. */
  source: string;
  flags: string;
  weight: number;
  label: string;
  /** Strings one of which every match contains ([]: none known). */
  literals: readonly string[];
}

/** A signal with literals one of which every match contains (ids into the scanner); null: always run it. */
interface CompiledSignal extends Signal {
  need: number[] | null;
  re?: RegExp;
}

const regexOf = (s: CompiledSignal): RegExp => {
  s.re ??= new RegExp(s.source, s.flags);
  return s.re;
};

interface Publisher {
  name: string;
  domain: string;
  spelling: string;
  signals: CompiledSignal[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How spinners other than the seed's write "told" ("informed CNBC"). */
const SPUN_TOLD = ['informed', 'advised', 'notified'];

/**
 * Signals every outlet shares, built from how articles name it: a staff contributor line
 * ("CNN's Jane Doe contributed to this report"), the outlet's own reporting ("NBC News has
 * reached out"), its own analysis ("according to a Reuters tally").
 */
function genericSignals(names: readonly string[]): Signal[] {
  const n = `(?:${names.map(escapeRe).join('|')})`;
  return [
    {
      source: `\\b${n}(?:'s|’s) [A-Z][\\p{L}'’-]+(?: [A-Z][\\p{L}'’-]+){1,2} (?:contributed|added|reported)\\b`,
      flags: 'gu',
      weight: 3,
      label: "staff contributor line '$0'",
      literals: names.flatMap((name) => [`${name}'s `, `${name}’s `]),
    },
    {
      source: `\\b${n} (?:has |had )?(?:reached out|contacted|obtained|reviewed|verified|confirmed|was unable to|could not independently)\\b`,
      flags: 'g',
      weight: 2.5,
      label: "the outlet's own reporting: '$0'",
      literals: names.map((name) => `${name} `),
    },
    {
      // "told CNBC" as other spinners write it (the seed's "instructed" is restored by the decoder;
      // these are ordinary words it leaves): still someone speaking to the outlet.
      source: `\\b(?:${SPUN_TOLD.join('|')}) ${n}\\b`,
      flags: 'g',
      weight: 2.5,
      label: "'$0': a statement to the outlet (a spun 'told')",
      literals: names.flatMap((name) => SPUN_TOLD.map((v) => `${v} ${name}`)),
    },
  ];
}

// Most signals name an outlet ("told CNBC"): one scan of a page for the literals each signal
// requires rules out nearly all of them at once. A data signal's `literals` are derived from its
// pattern by literals.ts (scripts/data/build-signal-literals.mjs writes them; literals.test.ts
// checks they are current and sound); a generic signal requires one of the outlet's names with
// what follows it in the pattern.
const LITERAL_IDS = new Map<string, number>();
const literalId = (lit: string) => {
  let id = LITERAL_IDS.get(lit);
  if (id === undefined) {
    id = LITERAL_IDS.size;
    LITERAL_IDS.set(lit, id);
  }
  return id;
};
const compile = (s: Signal): CompiledSignal => ({ ...s, need: s.literals.length > 0 ? s.literals.map(literalId) : null });

const PUBLISHERS: Publisher[] = data.publishers.map((p) => ({
  name: p.name,
  domain: p.domain,
  spelling: p.spelling,
  signals: [
    ...p.signals.map((s) =>
      compile({ source: s.re, flags: `${'flags' in s ? s.flags : ''}g`, weight: s.weight, label: s.label, literals: s.literals }),
    ),
    ...genericSignals(p.names).map(compile),
  ],
}));

const SCANNER = new LiteralScanner([...LITERAL_IDS.keys()]);

/**
 * The labels a publisher puts in its photo credits ("Photograph: Name/Agency" at the Guardian, "Name / AP
 * file" at NBC News), or null: on a page of that publisher another label is a spun one (analyze.ts).
 */
export function houseCreditLabels(publisher: string | null): ReadonlySet<string> | null {
  const p = data.publishers.find((q) => q.name === publisher);
  return p && 'creditLabels' in p && p.creditLabels ? new Set(p.creditLabels) : null;
}

/** Every signal's pattern and the literals one of which it requires (null: none); for tests. */
export function signalRequirements(): { re: RegExp; literals: string[] | null }[] {
  const byId = [...LITERAL_IDS.keys()];
  return PUBLISHERS.flatMap((p) =>
    p.signals.map((s) => ({ re: regexOf(s), literals: s.need ? s.need.map((id) => byId[id] as string) : null })),
  );
}

/** Whether `sig` can match a body whose literals are `found`. */
function mayMatch(sig: CompiledSignal, found: Uint8Array): boolean {
  if (sig.need === null) return true;
  for (const id of sig.need) if (found[id] === 1) return true;
  return false;
}

const SPELLING = {
  uk: new RegExp(`\\b(?:${data.spelling.uk.join('|')})\\b`, 'gi'),
  us: new RegExp(`\\b(?:${data.spelling.us.join('|')})\\b`, 'gi'),
};

/** Below this summed evidence no publisher is named (a recipe or a blog post has none). */
const NONE_SCORE = 2.2;
/** A signal repeated counts less each time: weight × (1 + ln n). */
const repeatFactor = (n: number) => 1 + Math.log(n);

export interface SourceInput {
  text: string;
  /** The text with spun wording and credit lines repaired: credit house styles and attributions match there. */
  restoredText: string;
  url?: string;
  meta?: PageMeta;
}

export function inferSource({ text, restoredText, url, meta }: SourceInput): Source {
  const ownHost = hostOf(url);
  const scores = new Map<Publisher, { score: number; evidence: string[] }>();
  const add = (p: Publisher, weight: number, reason: string) => {
    const s = scores.get(p) ?? { score: 0, evidence: [] };
    s.score += weight;
    s.evidence.push(reason);
    scores.set(p, s);
  };

  const bodies = restoredText === text ? [text] : [restoredText, text];
  // Literals found in each body: the restored text's always, the page text's when first needed.
  const found: (Uint8Array | undefined)[] = [SCANNER.scan(bodies[0] as string)];
  for (const p of PUBLISHERS) {
    if (ownHost && sameSite(ownHost, p.domain)) continue;
    for (const sig of p.signals) {
      let seen: Map<string, number> | null = null;
      for (let b = 0; b < bodies.length; b++) {
        if (sig.need !== null) {
          let f = found[b];
          if (f === undefined) {
            f = SCANNER.scan(bodies[b] as string);
            found[b] = f;
          }
          if (!mayMatch(sig, f)) continue;
        }
        const body = bodies[b] as string;
        const re = regexOf(sig);
        re.lastIndex = 0;
        for (let m = re.exec(body); m !== null; m = re.exec(body)) {
          if (m[0].length === 0) re.lastIndex++;
          seen ??= new Map();
          seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
        }
        if (seen !== null) break; // the restored text found it; the page text would repeat it
      }
      if (seen === null) continue;
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      const example = [...seen.keys()][0] ?? '';
      add(p, sig.weight * repeatFactor(total), sig.label.replaceAll('$0', example.trim()) + (total > 1 ? ` (${total}×)` : ''));
    }
  }

  for (const hint of metaHints(meta, ownHost)) {
    const p = PUBLISHERS.find((q) => sameSite(hint.host, q.domain));
    if (p) add(p, hint.weight, hint.reason);
  }

  // Honest reposts say where the story came from: "This article originally appeared on CNBC",
  // "Source: Reuters", "first published by The Guardian", "via AP".
  for (const body of bodies) {
    for (const m of body.matchAll(CREDIT_LINE_RE)) {
      // The name may run into words after it ("Reuters Staff", and /i lets any word in): its longest start that names a publisher.
      const words = (m[1] ?? '').trim().split(/[ \t]+/);
      let p: Publisher | undefined;
      for (let k = words.length; k > 0 && !p; k--) p = publisherNamed(words.slice(0, k).join(' '));
      if (p && !(ownHost && sameSite(ownHost, p.domain))) {
        add(p, 4, `'${m[0].trim()}'`);
        break;
      }
    }
    if (restoredText === text) break;
  }

  // House spelling only tips the balance between publishers already in the running.
  const uk = scores.size > 0 ? count(SPELLING.uk, restoredText) : 0;
  const us = scores.size > 0 ? count(SPELLING.us, restoredText) : 0;
  if (scores.size > 0 && uk + us >= 2) {
    const variety = uk > us * 2 ? 'uk' : us > uk * 2 ? 'us' : null;
    if (variety) {
      for (const [p, s] of scores) {
        if (p.spelling === variety) {
          s.score += 0.5;
          s.evidence.push(`${variety === 'uk' ? 'British' : 'American'} spelling (${variety === 'uk' ? uk : us} words)`);
        }
      }
    }
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  const z = Math.exp(NONE_SCORE) + ranked.reduce((acc, [, s]) => acc + Math.exp(s.score), 0);
  const candidates: SourceCandidate[] = ranked.slice(0, 5).map(([p, s]) => ({
    publisher: p.name,
    domain: p.domain,
    confidence: round(Math.exp(s.score) / z),
  }));
  const top = ranked[0];
  if (!top || (candidates[0]?.confidence ?? 0) < 0.4) {
    return { publisher: null, domain: null, confidence: 0, evidence: top ? top[1].evidence : [], candidates };
  }
  return {
    publisher: top[0].name,
    domain: top[0].domain,
    confidence: candidates[0]?.confidence ?? 0,
    evidence: top[1].evidence,
    candidates,
  };
}

// "originally appeared on" and the forms a spinner gives it ("in the beginning seemed on", "initially printed in").
const CREDIT_LINE_RE =
  /(?:(?:originally|initially|in the beginning) (?:appeared|seemed|came out|published|printed|issued|released|ran) (?:on|in|at|by)|first (?:appeared|published) (?:on|in|by)|republished (?:from|with permission (?:from|of))|(?:^|\n)[ \t]*(?:Source|Via|Courtesy of):)[ \t]+((?:the[ \t]+)?[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4})/gi;

/** A publisher by its display name, a short form ("AP", "the FT") or its domain. */
function publisherNamed(named: string): Publisher | undefined {
  const n = named
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[.,;:]+$/, '');
  const aliases: Record<string, string> = {
    ap: 'Associated Press',
    ft: 'Financial Times',
    bbc: 'BBC News',
    wsj: 'The Wall Street Journal',
    afp: 'Agence France-Presse',
  };
  const byAlias = aliases[n];
  return PUBLISHERS.find((p) => {
    const name = p.name.toLowerCase().replace(/^the\s+/, '');
    return p.name === byAlias || n === name || n.startsWith(`${name} `) || n === p.domain || n === p.domain.split('.')[0];
  });
}

interface MetaHint {
  host: string;
  weight: number;
  reason: string;
}

function metaHints(meta: PageMeta | undefined, ownHost: string | null): MetaHint[] {
  if (!meta) return [];
  const hints: MetaHint[] = [];
  const canonical = hostOf(meta.canonicalUrl);
  if (canonical && (!ownHost || !sameSite(canonical, ownHost))) {
    hints.push({ host: canonical, weight: 4, reason: `canonical link points to ${canonical}` });
  }
  const linkCounts = new Map<string, number>();
  for (const l of meta.links ?? []) {
    const h = hostOf(l);
    if (h && (!ownHost || !sameSite(h, ownHost))) linkCounts.set(h, (linkCounts.get(h) ?? 0) + 1);
  }
  for (const [h, n] of linkCounts) hints.push({ host: h, weight: Math.min(2, 0.7 * repeatFactor(n)), reason: `links to ${h} (${n}×)` });
  return hints;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

function sameSite(host: string, domain: string): boolean {
  const d = domain.split('/')[0] ?? domain;
  return host === d || host.endsWith(`.${d}`);
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
