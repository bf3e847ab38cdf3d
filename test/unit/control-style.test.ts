/**
 * The save control's user stylesheet (src/content/controlStyle.ts): every declaration must be
 * !important, or a page rule could override it, and the rules must style only Stroom's control.
 * That the page really cannot restyle it is checked in Chromium (test/e2e/save-and-popup.test.ts).
 */
import { CONTROL_CSS, allImportant } from '../../src/content/controlStyle';

describe('allImportant', () => {
  test('marks each declaration of every rule, and nothing in a selector', () => {
    expect(allImportant('a,b:hover{color:red;margin:0 1px}c::before{content:\'\'}')).toBe(
      "a,b:hover{color:red!important;margin:0 1px!important}c::before{content:''!important}",
    );
  });
});

describe('the control stylesheet', () => {
  const rules = CONTROL_CSS.split('}').filter(Boolean).map((rule) => {
    const [selectors = '', body = ''] = rule.split('{');
    return { selectors: selectors.split(','), declarations: body.split(';') };
  });

  test('has no declaration without !important', () => {
    const declarations = rules.flatMap((rule) => rule.declarations);
    expect(declarations.length).toBeGreaterThan(20);
    expect(declarations.filter((declaration) => !declaration.endsWith('!important'))).toEqual([]);
  });

  test('selects only the control\'s button, its label element and its error line', () => {
    const selectors = rules.flatMap((rule) => rule.selectors);
    expect(selectors.filter((selector) => !/^(button\[data-stroom-action=save\]|span\[data-stroom-error\])/.test(selector))).toEqual([]);
  });

  test('starts every part of the control from initial values, so nothing of the page carries over', () => {
    const reset = rules.find((rule) => rule.declarations.includes('all:initial!important'));
    expect(reset?.selectors).toEqual(
      expect.arrayContaining(['button[data-stroom-action=save]', 'button[data-stroom-action=save]::before', 'button[data-stroom-action=save]>b', 'span[data-stroom-error]']),
    );
  });
});
