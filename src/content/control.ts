/**
 * The save control injected into each feed item: a plain <button> with an empty <b>, whose look
 * (the labels included, as generated content) is a user stylesheet the site cannot override
 * (src/core/controlStyle.ts). It holds no text: the item's text, read by the site or by our own
 * adapters, stays what it was. Messages go in through textContent only; feed text is data, never
 * markup.
 */
import { ERROR_ATTRIBUTE } from '../core/controlStyle';

export interface ControlLabels {
  /** Accessible names; each begins with the visible text ("Save", "Saved"), as WCAG 2.5.3 asks. */
  name: string;
  savedName: string;
  save: string;
  saved: string;
}

export interface SaveControl {
  button: HTMLButtonElement;
  setSaved(saved: boolean): void;
  setBusy(busy: boolean): void;
  setError(message: string | null): void;
  /** Take the control (and its error line) out of the page. */
  remove(): void;
}

const setAttr = (element: Element, name: string, value: string): void => element.setAttribute(name, value);

/**
 * One control built per document and cloned per item: one native clone of two elements with all
 * their attributes is the cheapest way to make it. Its labels are the content script's language
 * and its accessible name does not name the post's author (the sites' own buttons, "Reply" or
 * "Like", do not either): naming the author cost a read of the post's header and an attribute per
 * item, about a quarter of the time to decorate a 1,000-item timeline (test/bench/content.mjs).
 */
const prototypes = new WeakMap<Document, HTMLButtonElement>();

function controlPrototype(document: Document, labels: ControlLabels): HTMLButtonElement {
  const known = prototypes.get(document);
  if (known) return known;
  const button = document.createElement('button');
  button.type = 'button';
  // Hidden until the stylesheet arrives, which shows it (its display is !important).
  button.hidden = true;
  setAttr(button, 'data-stroom-action', 'save');
  setAttr(button, 'aria-pressed', 'false');
  setAttr(button, 'aria-label', labels.name);
  const texts = document.createElement('b');
  setAttr(texts, 'save', labels.save);
  setAttr(texts, 'saved', labels.saved);
  button.append(texts);
  prototypes.set(document, button);
  return button;
}

export function createControl(document: Document, labels: ControlLabels): SaveControl {
  return new Control(controlPrototype(document, labels).cloneNode(true) as HTMLButtonElement, labels);
}

/** A class, not an object of closures: one is made per item, and only its two fields are its own. */
class Control implements SaveControl {
  /** Made on the first failure: a control that never fails (almost all) never has one. */
  #error: HTMLElement | null = null;

  constructor(
    readonly button: HTMLButtonElement,
    private readonly labels: ControlLabels,
  ) {}

  setSaved(saved: boolean): void {
    const { button, labels } = this;
    if (button.getAttribute('aria-pressed') === String(saved)) return; // nothing to redraw
    setAttr(button, 'aria-pressed', String(saved));
    setAttr(button, 'aria-label', saved ? labels.savedName : labels.name);
  }

  setBusy(busy: boolean): void {
    if (busy) setAttr(this.button, 'aria-busy', 'true');
    else this.button.removeAttribute('aria-busy');
  }

  setError(message: string | null): void {
    if (!message) {
      this.#error?.remove();
      return;
    }
    if (!this.#error) {
      this.#error = this.button.ownerDocument.createElement('span');
      setAttr(this.#error, ERROR_ATTRIBUTE, '');
      setAttr(this.#error, 'role', 'alert'); // an alert is announced when it goes in (a status region may not be)
    }
    this.#error.textContent = message;
    // Beside its button, wherever the adapter placed it (outside it: it is no part of the button's name).
    if (this.#error.previousSibling !== this.button) this.button.after(this.#error);
  }

  remove(): void {
    this.button.remove();
    this.#error?.remove();
  }
}
