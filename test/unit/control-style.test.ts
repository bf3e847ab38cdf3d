/**
 * The save control's user stylesheet (src/core/controlStyle.ts): every declaration must be
 * !important, or a page rule could override it, and the rules must style only Stroom's control.
 * That the page really cannot restyle it is checked in Chromium (test/e2e/save-and-popup.test.ts).
 */
import { CONTROL_CSS, allImportant } from '../../src/core/controlStyle';

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

  test('starts the button and its error line from initial values, and neutralises what a page could set on the other parts', () => {
    const reset = rules.find((rule) => rule.declarations.includes('all:initial!important'));
    expect(reset?.selectors).toEqual(['button[data-stroom-action=save]', 'span[data-stroom-error]']);
    const parts = ['button[data-stroom-action=save]::before', 'button[data-stroom-action=save]>b', 'button[data-stroom-action=save]>b::before', 'button[data-stroom-action=save]>b::after'];
    const neutral = rules.find((rule) => parts.every((part) => rule.selectors.includes(part)));
    expect(neutral?.declarations).toEqual(expect.arrayContaining(['position:static!important', 'margin:0!important', 'visibility:inherit!important']));
    // A ::after the site adds to every button makes no box on ours.
    expect(rules.find((rule) => rule.selectors.includes('button[data-stroom-action=save]::after') && rule.selectors.length === 1)?.declarations).toEqual(['content:none!important']);
  });
});
