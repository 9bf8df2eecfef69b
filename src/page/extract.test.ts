// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticleRoot, rangeFor, readPage } from './extract';

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
