/**
 * English and Dutch stay in step: the same files and names, the same placeholders, no empty
 * strings, and every message name the code asks for exists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(__dirname, '..', '..', 'src', '_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function load(lang: string): Record<string, Messages> {
  const files: Record<string, Messages> = {};
  for (const file of readdirSync(join(LOCALES, lang)).sort()) files[file] = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Messages;
  return files;
}
const en = load('en');
const nl = load('nl');
const all = (files: Record<string, Messages>): Messages => Object.assign({}, ...Object.values(files)) as Messages;

test('the languages are English and Dutch, with the same files', () => {
  expect(readdirSync(LOCALES).sort()).toEqual(['en', 'nl']);
  expect(Object.keys(nl)).toEqual(Object.keys(en));
});

test.each(Object.keys(en))('%s has the same names and placeholders in both languages', (file) => {
  const english = en[file] ?? {};
  const dutch = nl[file] ?? {};
  expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
  for (const [name, entry] of Object.entries(english)) {
    const other = dutch[name];
    expect(entry.message.trim()).not.toBe('');
    expect(other?.message.trim()).not.toBe('');
    expect(Object.keys(other?.placeholders ?? {}).sort()).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    for (const placeholder of Object.keys(entry.placeholders ?? {})) {
      expect(entry.message).toContain(`$${placeholder.toUpperCase()}$`);
      expect(other?.message).toContain(`$${placeholder.toUpperCase()}$`);
    }
  }
});

test('no message name is defined in two files', () => {
  const seen = new Map<string, string>();
  for (const [file, messages] of Object.entries(en)) {
    for (const name of Object.keys(messages)) {
      expect(seen.get(name) ?? file).toBe(file);
      seen.set(name, file);
    }
  }
});

test('every message the code asks for exists', () => {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) names.add(match[1] ?? '');
      }
    }
  };
  walk(join(__dirname, '..', '..', 'src'));
  const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.json'), 'utf8');
  for (const match of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) names.add(match[1] ?? '');
  const defined = all(en);
  expect([...names].filter((name) => !(name in defined))).toEqual([]);
});
