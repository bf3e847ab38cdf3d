/**
 * The save control's look. The background injects it into each feed page as a user stylesheet
 * (scripting.insertCSS with origin USER, src/background/index.ts), with every declaration
 * !important: in the cascade a user's important declarations beat every declaration of the page,
 * its !important ones and inline styles included, so the site cannot restyle the control. The
 * button starts from `all: initial`, which also keeps out what it would inherit (the site's letter
 * spacing, text transforms, transitions).
 *
 * A shadow root isolated the control before. Building one per item cost about a quarter of the
 * time to decorate a 1,000-item timeline (test/bench/content.mjs), and it did not protect the
 * host element's own box from the page's rules.
 *
 * `all: initial` is for the button and the error line only. The browser restyles every control
 * on the page when one is clicked, and `all` on all six parts (each pseudo-element and the <b>)
 * made that cost 21-56 ms on a 1,000-item page, against 6-15 ms with `all` on the button alone
 * (traced clicks); setting some twenty properties on each part cost as much as `all` did. The
 * other parts set only what a site's rules for every element or button would break: their
 * display, position, spacing and visibility.
 *
 * Plain text, no DOM and no extension API: shared by the content script (the error line's
 * attribute) and the background (the sheet), and read by the tests.
 */

/** What the control is made of (src/content/control.ts): these selectors style nothing else. */
const BUTTON = 'button[data-stroom-action=save]';
const LABELS = `${BUTTON}>b`;
export const ERROR_ATTRIBUTE = 'data-stroom-error';
const ERROR = `span[${ERROR_ATTRIBUTE}]`;

/*
 * Clicking must not make the browser lay out the page again: on a long feed that costs tens of
 * milliseconds between the click and the next frame (a layout inside one item is followed by the
 * page's fragment tree, up to the root). So a click changes only colours and visibility: both
 * labels are generated content of the <b>, laid out in one grid cell from the start, and the state
 * shows one of them. The busy state is a cursor, not an opacity (opacity below 1 makes a layer,
 * and that is a layout). Grey at about half opacity reads on light and dark feeds alike.
 * The button is `hidden` until this sheet arrives, so it never shows unstyled.
 */
const RULES = [
  `${BUTTON},${ERROR}{all:initial}`,
  `${BUTTON}::before,${LABELS},${LABELS}::before,${LABELS}::after{position:static;margin:0;padding:0;letter-spacing:inherit;visibility:inherit}`,
  `${BUTTON}::after{content:none}`,
  `${BUTTON}{display:flex;width:max-content;align-items:center;gap:5px;box-sizing:border-box;min-height:26px;margin:4px 0 6px;padding:3px 10px 3px 8px;border-radius:13px;border:1px solid #8888;color:inherit;font:13px/1.2 system-ui,sans-serif;cursor:pointer}`,
  `${BUTTON}:hover{background:#8882}`,
  `${BUTTON}:focus-visible{outline:2px solid #1a8791;outline-offset:2px}`,
  `${BUTTON}[aria-pressed=true]{background:#0e5a66;border-color:#0e5a66;color:#fff}`,
  `${BUTTON}[aria-busy=true]{cursor:progress}`,
  `${BUTTON}::before{content:'';display:block;flex:none;width:10px;height:13px;background:currentColor;clip-path:polygon(0 0,100% 0,100% 100%,50% 70%,0 100%)}`,
  `${LABELS}{display:inline-grid;font:inherit;color:inherit}`,
  `${LABELS}::before{content:attr(save);display:block;grid-area:1/1}`,
  `${LABELS}::after{content:attr(saved);display:block;grid-area:1/1}`,
  `${BUTTON}[aria-pressed=true]>b::before,${BUTTON}[aria-pressed=false]>b::after{visibility:hidden}`,
  `${ERROR}{display:block;margin:0 0 6px;font:12px/1.2 system-ui,sans-serif;color:#c5221f}`,
];

/** Each declaration of compact CSS (`selector{a:b;c:d}`, no `;` or braces in values) made !important. */
export function allImportant(css: string): string {
  return css.replace(/([{;])([^{};]+)(?=[;}])/g, '$1$2!important');
}

export const CONTROL_CSS = allImportant(RULES.join(''));
