/**
 * Tiny DOM builder for extension pages. Strings become text nodes, never markup, so page-derived
 * text cannot inject anything. Attributes are set one by one; `on*` attributes are refused.
 */
type Child = Node | string | number | null | undefined | false;
type Handlers = Record<string, (e: Event) => unknown>;
type Attrs = { on?: Handlers; [name: string]: string | number | boolean | undefined | Handlers };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'on' || v === undefined || v === false || typeof v === 'object') continue;
    if (/^on/i.test(k)) throw new Error(`refusing inline handler attribute ${k}`);
    if (k === 'href' && typeof v === 'string' && !/^(?:https?:|#|blob:)/i.test(v)) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const [type, fn] of Object.entries(attrs.on ?? {})) el.addEventListener(type, fn);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}
