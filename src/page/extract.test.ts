// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticle, findArticleRoot, rangeFor, readPage } from './extract';

function page(html: string): Document {
  document.documentElement.innerHTML = html;
  return document;
}

describe('page text extraction', () => {
  it('picks the article element over navigation and footer', () => {
    const doc = page(
      `<body><nav>Home World</nav><article><p>${'Trump mentioned he spoke to each leader. '.repeat(10)}</p></article><footer>© Site</footer></body>`,
    );
    expect(findArticleRoot(doc).tagName).toBe('ARTICLE');
  });

  it('turns blocks into lines and keeps inline elements in the flow', () => {
    const doc = page(
      '<body><article><h1>Title</h1><p>Trump <em>mentioned</em> it.</p><figure><figcaption>Cap<br>Getty Photos</figcaption></figure></article></body>',
    );
    const { text } = readPage(doc.querySelector('article') as Element);
    expect(text).toBe('Title\nTrump mentioned it.\nCap\nGetty Photos\n');
  });

  it('never reads editable areas, forms, code or scripts', () => {
    const doc = page(
      '<body><article><p>Visible text.</p><div contenteditable="true">draft mentioned</div><textarea>typed</textarea><pre>code()</pre><script>var a=1</script></article></body>',
    );
    const { text } = readPage(doc.querySelector('article') as Element);
    expect(text).toContain('Visible text.');
    for (const hidden of ['draft', 'typed', 'code()', 'var a']) expect(text).not.toContain(hidden);
  });

  it('maps text offsets back to a DOM range across element boundaries', () => {
    const doc = page('<body><article><p>The White <b>Home</b> chief</p></article></body>');
    const pt = readPage(doc.querySelector('article') as Element);
    const start = pt.text.indexOf('White');
    const range = rangeFor(doc, pt.segments, start, start + 'White Home'.length);
    expect(range?.toString()).toBe('White Home');
  });

  it('cuts a huge page at the limit without losing offsets', () => {
    const doc = page(`<body><article><p>${'word '.repeat(1000)}</p><p>tail</p></article></body>`);
    const pt = readPage(doc.querySelector('article') as Element, 100);
    expect(pt.text.length).toBeLessThanOrEqual(101);
    const r = rangeFor(doc, pt.segments, 5, 9);
    expect(r?.toString()).toBe('word');
  });
});

describe('page text inside web components', () => {
  it('reads the text of an open shadow root in place of the host’s children', () => {
    document.documentElement.innerHTML = '<body><article><p>Before.</p><x-story></x-story><p>After.</p></article></body>';
    const host = document.querySelector('x-story') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Trump mentioned it inside a component.</p>';
    const pt = readPage(document.querySelector('article') as Element);
    expect(pt.text).toContain('Trump mentioned it inside a component.');
    const start = pt.text.indexOf('mentioned');
    expect(rangeFor(document, pt.segments, start, start + 'mentioned'.length)?.toString()).toBe('mentioned');
  });
});

describe('articles in frames', () => {
  const story = `<article>${'<p>Trump mentioned he instructed officers to start peace talks at once. </p>'.repeat(12)}</article>`;

  /** A page with one frame whose document is `inner` (null: another origin) and whose box is `w`×`h`. */
  function framed(outer: string, inner: string | null, w = 700, h = 1200): HTMLIFrameElement {
    document.documentElement.innerHTML = `<body>${outer}</body>`;
    // A <frame> element: happy-dom loads no frames and would log a refusal for an <iframe>.
    const frame = document.createElement('frame') as unknown as HTMLIFrameElement;
    frame.setAttribute('src', 'http://other.example/story');
    document.body.append(frame);
    let doc: Document | null = null;
    if (inner !== null) {
      doc = document.implementation.createHTMLDocument('frame');
      doc.body.innerHTML = inner;
    }
    // Stand-ins for what a browser reports.
    Object.defineProperty(frame, 'contentDocument', { value: doc });
    frame.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, width: w, height: h, right: w, bottom: h, toJSON: () => ({}) });
    return frame;
  }

  it('reads the article of a same-origin frame when it is longer than the page’s own text', () => {
    framed('<nav>Home</nav><p>Our partner’s report, below.</p>', story);
    const found = findArticle(document);
    expect(found.doc).not.toBe(document);
    expect(found.root.tagName).toBe('ARTICLE');
    expect(found.unreadableFrame).toBeNull();
  });

  it('keeps the page’s own article when a frame holds less', () => {
    framed(story, '<p>Comments (0)</p>');
    const found = findArticle(document);
    expect(found.doc).toBe(document);
    expect(found.root.tagName).toBe('ARTICLE');
  });

  it('names a large frame of another origin when the readable text is too short to be the article', () => {
    framed('<nav>Home</nav><p>Our partner’s report, below.</p>', null);
    expect(findArticle(document).unreadableFrame).toBe('other.example');
  });

  it('ignores frames of another origin beside a real article, and small ones', () => {
    framed(story, null);
    expect(findArticle(document).unreadableFrame).toBeNull();
    framed('<p>Short page.</p>', null, 300, 90);
    expect(findArticle(document).unreadableFrame).toBeNull();
  });
});
