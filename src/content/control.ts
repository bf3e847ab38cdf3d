/**
 * The save control injected into each feed item: one <button> in an open shadow root, so the
 * site's CSS cannot restyle it and our CSS cannot leak into the site. Text goes in through
 * textContent only; feed text is data, never markup.
 */

export const CONTROL_TAG = 'stroom-save';

export interface ControlLabels {
  /** Accessible names; each begins with the visible text ("Save", "Saved"), as WCAG 2.5.3 asks. */
  name: string;
  savedName: string;
  save: string;
  saved: string;
}

export interface SaveControl {
  host: HTMLElement;
  button: HTMLButtonElement;
  setSaved(saved: boolean): void;
  setBusy(busy: boolean): void;
  setError(message: string | null): void;
}

// Written compactly: every byte of this text ships in each site's content script (budget 20 KB).
// The visible labels are generated content of the <b> (below), from its save and saved attributes.
// Grey at about half opacity reads on light and dark feeds alike.
const STYLE = `:host{all:initial;display:block;margin:4px 0 6px;color:inherit;font:13px/1.2 system-ui}button{all:unset;display:inline-flex;align-items:center;gap:5px;min-height:18px;padding:3px 10px 3px 8px;border-radius:13px;border:1px solid #8888;cursor:pointer}button:hover{background:#8882}button:focus-visible{outline:2px solid #1a8791;outline-offset:2px}button[aria-pressed=true]{background:#0e5a66;border-color:#0e5a66;color:#fff}button[aria-busy=true]{cursor:progress}button:before{content:'';width:10px;height:13px;background:currentColor;clip-path:polygon(0 0,100% 0,100% 100%,50% 70%,0 100%)}b{display:inline-grid;font:inherit}b:before{content:attr(save);grid-area:1/1}b:after{content:attr(saved);grid-area:1/1}[aria-pressed=true] b:before,[aria-pressed=false] b:after{visibility:hidden}.error{margin-left:8px;font-size:12px;color:#c5221f}`;

const setAttr = (element: Element, name: string, value: string): void => element.setAttribute(name, value);

/*
 * Clicking must not make the browser lay out the page again: on a long feed that costs tens of
 * milliseconds between the click and the next frame (a layout inside one item is followed by the
 * page's fragment tree, up to the root). So a click changes only colours and visibility: both
 * labels are laid out in one grid cell from the start and the state shows one of them. The busy
 * state is a cursor, not an opacity (opacity below 1 makes a layer, and that is a layout).
 */

/** The browser build.mjs built for; undefined where the source runs unbuilt (tests): both ways are tried. */
declare const __FIREFOX__: boolean | undefined;

/**
 * The stylesheet every control adopts where constructable sheets work (they are not subject to the
 * page's style CSP); null where they do not, and the prototype carries a <style>, cloned with it.
 */
function sharedSheet(): CSSStyleSheet | null {
  try {
    const made = new CSSStyleSheet();
    made.replaceSync(STYLE);
    return made;
  } catch {
    return null;
  }
}

/** Made once: null where constructable sheets do not work, and the prototype carries a <style>. */
let sheet: CSSStyleSheet | null | undefined;

/**
 * One control built per document and cloned per item: its shadow root is
 * clonable, so one native clone makes the host, the shadow root and the button, where building
 * them node by node cost several times more. Only the accessible name, which names the post's
 * author, is set per item. The labels are generated content: four fewer nodes per control than
 * two labelled spans, a tenth of the cost of decorating a 1,000-item timeline
 * (test/bench/content.mjs). The accessible name begins with the visible label.
 */
const prototypes = new WeakMap<Document, HTMLElement>();

/** The labels are the content script's language, the same for every control. */
function controlPrototype(document: Document, labels: ControlLabels): HTMLElement {
  const known = prototypes.get(document);
  if (known) return known;
  const host = document.createElement(CONTROL_TAG);
  const button = document.createElement('button');
  button.type = 'button';
  setAttr(button, 'data-stroom-action', 'save');
  setAttr(button, 'aria-pressed', 'false');
  const texts = document.createElement('b');
  setAttr(texts, 'save', labels.save);
  setAttr(texts, 'saved', labels.saved);
  button.append(texts);
  const shadow = host.attachShadow({ mode: 'open', clonable: true } as ShadowRootInit);
  shadow.append(button);
  // Firefox content scripts cannot adopt a sheet made in their own compartment: its build goes
  // straight to a <style> (and leaves sharedSheet out).
  if (sheet === undefined) sheet = typeof __FIREFOX__ === 'boolean' && __FIREFOX__ ? null : sharedSheet();
  // The <style> is Firefox's (and unbuilt tests'): Chromium's build adopts the sheet and leaves it out.
  if (!sheet && (typeof __FIREFOX__ !== 'boolean' || __FIREFOX__)) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    shadow.append(style);
  }
  prototypes.set(document, host);
  return host;
}

export function createControl(document: Document, labels: ControlLabels): SaveControl {
  const prototype = controlPrototype(document, labels);
  // Clonable shadow roots: Chromium 124 and Firefox 123 (the manifest asks for those or later).
  let host = prototype.cloneNode(true) as HTMLElement;
  // jsdom (the unbuilt tests) clones no shadow root: there the same control is built. Both builds leave this out.
  if (typeof __FIREFOX__ !== 'boolean' && !host.shadowRoot) {
    host = document.createElement(CONTROL_TAG);
    host.attachShadow({ mode: 'open' }).append(...Array.from(prototype.shadowRoot!.childNodes, (child) => child.cloneNode(true)));
  }
  const shadow = host.shadowRoot!;
  if (sheet) shadow.adoptedStyleSheets = [sheet];
  const button = shadow.firstChild as HTMLButtonElement;
  setAttr(button, 'aria-label', labels.name);
  // The error line is made on the first failure: a control that never fails (almost all) never has one.
  let error: HTMLElement | null = null;
  return {
    host,
    button,
    setSaved(saved) {
      if (button.getAttribute('aria-pressed') === String(saved)) return; // nothing to redraw
      setAttr(button, 'aria-pressed', String(saved));
      setAttr(button, 'aria-label', saved ? labels.savedName : labels.name);
    },
    setBusy(busy) {
      if (busy) setAttr(button, 'aria-busy', 'true');
      else button.removeAttribute('aria-busy');
    },
    setError(message) {
      if (!error) {
        if (!message) return;
        error = document.createElement('span');
        error.className = 'error';
        setAttr(error, 'role', 'alert'); // made with its message: an alert is announced on insertion, a status region may not be
        shadow.append(error);
      }
      if (error.textContent !== (message ?? '')) error.textContent = message ?? '';
    },
  };
}
