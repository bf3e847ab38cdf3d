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
const STYLE = `:host{all:initial;display:block;margin:4px 0 6px;color:inherit;font:13px/1.2 system-ui,sans-serif}button{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:5px;min-height:26px;padding:3px 10px 3px 8px;border-radius:13px;border:1px solid color-mix(in srgb,currentColor 35%,transparent);cursor:pointer}button:hover{background:color-mix(in srgb,currentColor 10%,transparent)}button:focus-visible{outline:2px solid #1a8791;outline-offset:2px}button[aria-pressed=true]{background:#0e5a66;border-color:#0e5a66;color:#fff}button[aria-busy=true]{cursor:progress}button::before{content:'';width:10px;height:13px;background:currentColor;clip-path:polygon(0 0,100% 0,100% 100%,50% 70%,0 100%)}b{display:inline-grid;font:inherit}b>*{grid-area:1/1}[aria-pressed=true] .save,[aria-pressed=false] .saved{visibility:hidden}.error{margin-left:8px;font-size:12px;color:#c5221f}`;

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

/** Shared stylesheet where constructable sheets work (not subject to the page's style CSP). */
let sharedSheet: CSSStyleSheet | null | undefined;
function styleInto(shadow: ShadowRoot): void {
  // Firefox content scripts cannot adopt a sheet made in their own compartment: its build goes
  // straight to a <style>. Chromium adopts one every time: its build has no <style> fallback.
  if (typeof __FIREFOX__ !== 'boolean' || !__FIREFOX__) {
    if (sharedSheet === undefined) {
      try {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(STYLE);
      } catch {
        sharedSheet = null;
      }
    }
    try {
      if (sharedSheet) {
        shadow.adoptedStyleSheets = [sharedSheet];
        return;
      }
    } catch {
      // Not in Firefox content scripts (above).
    }
    if (typeof __FIREFOX__ === 'boolean') return;
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
}

/** One button built per document and cloned per item: cloning beats building it node by node. */
const prototypes = new WeakMap<Document, HTMLButtonElement>();

function buttonPrototype(document: Document): HTMLButtonElement {
  let button = prototypes.get(document);
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    setAttr(button, 'data-stroom-action', 'save');
    setAttr(button, 'aria-pressed', 'false');
    const labels = document.createElement('b');
    labels.append(document.createElement('span'), document.createElement('span'));
    (labels.firstChild as HTMLElement).className = 'save';
    (labels.lastChild as HTMLElement).className = 'saved';
    button.append(labels);
    prototypes.set(document, button);
  }
  return button;
}

export function createControl(document: Document, labels: ControlLabels): SaveControl {
  const host = document.createElement(CONTROL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  styleInto(shadow);
  const button = buttonPrototype(document).cloneNode(true) as HTMLButtonElement;
  setAttr(button, 'aria-label', labels.name);
  const texts = (button.lastChild as HTMLElement).children;
  (texts[0] as HTMLElement).textContent = labels.save;
  (texts[1] as HTMLElement).textContent = labels.saved;
  shadow.append(button);
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
