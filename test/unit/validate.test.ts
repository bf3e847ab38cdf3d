/**
 * The schema combinators in src/core/validate.ts: each accepts what it promises, rejects the rest
 * with a ValidationError whose message names the path of the first bad field.
 */
import { ValidationError, array, boolean, httpUrl, literal, nullable, number, object, optional, string } from '../../src/core/validate';
import type { Schema } from '../../src/core/validate';

type Case = [name: string, schema: Schema<unknown>, value: unknown];

const accepted: Array<[...Case, unknown]> = [
  ['empty string', string(), '', ''],
  ['string at max', string({ max: 3 }), 'abc', 'abc'],
  ['string at min', string({ min: 2 }), 'ab', 'ab'],
  ['zero', number(), 0, 0],
  ['negative float', number(), -1.5, -1.5],
  ['integer at bounds', number({ integer: true, min: 0, max: 10 }), 10, 10],
  ['false', boolean(), false, false],
  ['literal', literal('a', 'b'), 'b', 'b'],
  ['numeric literal', literal(1, 2), 2, 2],
  ['null in nullable', nullable(string()), null, null],
  ['value in nullable', nullable(string()), 'x', 'x'],
  ['undefined in optional', optional(string()), undefined, undefined],
  ['array at max', array(number(), { max: 2 }), [1, 2], [1, 2]],
  ['empty array', array(number()), [], []],
  ['https URL', httpUrl(), 'https://x.com/a/status/1', 'https://x.com/a/status/1'],
  ['http URL', httpUrl(), 'http://news.ycombinator.com/item?id=1', 'http://news.ycombinator.com/item?id=1'],
  ['object', object({ a: string(), b: optional(number()) }), { a: 'x' }, { a: 'x' }],
  ['object with optional present', object({ a: string(), b: optional(number()) }), { a: 'x', b: 2 }, { a: 'x', b: 2 }],
];

const rejected: Array<[...Case, string]> = [
  ['number as string', string(), 1, 'value: expected a string'],
  ['string too long', string({ max: 3 }), 'abcd', 'value: expected a string of 0–3 characters'],
  ['string too short', string({ min: 1 }), '', 'value: expected a string of 1–'],
  ['huge string under the default cap', string(), 'x'.repeat(100_001), 'value: expected a string of 0–100000'],
  ['NaN', number(), Number.NaN, 'value: expected a finite number'],
  ['Infinity', number(), Number.POSITIVE_INFINITY, 'value: expected a finite number'],
  ['numeric string', number(), '1', 'value: expected a finite number'],
  ['float for integer', number({ integer: true }), 1.5, 'value: expected an integer'],
  ['below min', number({ min: 0 }), -1, 'value: expected a finite number in range'],
  ['above max', number({ max: 1 }), 2, 'value: expected a finite number in range'],
  ['string for boolean', boolean(), 'true', 'value: expected a boolean'],
  ['unknown literal', literal('a', 'b'), 'c', 'value: expected one of a, b'],
  ['undefined in nullable', nullable(string()), undefined, 'value: expected a string'],
  ['null in optional', optional(string()), null, 'value: expected a string'],
  ['array too long', array(number(), { max: 2 }), [1, 2, 3], 'value: expected an array of at most 2 entries'],
  ['array-like object', array(number()), { length: 0 }, 'value: expected an array'],
  ['bad entry names its index', array(number()), [1, 'x'], '[1]: expected a finite number'],
  ['javascript: URL', httpUrl(), 'javascript:alert(1)', 'value: expected an http(s) URL'],
  ['data: URL', httpUrl(), 'data:text/html,<b>x</b>', 'value: expected an http(s) URL'],
  ['relative URL', httpUrl(), '/status/1', 'value: expected an absolute URL'],
  ['very long URL', httpUrl(), `https://x.com/${'a'.repeat(5_000)}`, 'value: expected a string of 0–4096'],
  ['null for object', object({ a: string() }), null, 'value: expected an object'],
  ['array for object', object({ a: string() }), [], 'value: expected an object'],
  ['string for object', object({ a: string() }), 'a', 'value: expected an object'],
  ['missing field', object({ a: string() }), {}, 'a: expected a string'],
  ['unknown field', object({ a: string() }), { a: 'x', b: 1 }, 'b: expected no such field'],
  ['nested bad field names its path', object({ a: object({ b: array(number()) }) }), { a: { b: [0, NaN] } }, 'a.b[1]: expected a finite number'],
  ['nested unknown field names its path', object({ a: object({ b: string() }) }), { a: { b: '', c: 1 } }, 'a.c: expected no such field'],
];

describe('schemas accept valid values and return them', () => {
  test.each(accepted)('%s', (_name, schema, value, expected) => {
    expect(schema.parse(value)).toEqual(expected);
  });
});

describe('schemas reject bad values with an error naming the field', () => {
  test.each(rejected)('%s', (_name, schema, value, message) => {
    let thrown: unknown;
    try {
      schema.parse(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as Error).message).toContain(message);
  });
});

test('a path prefix given to parse is part of the error', () => {
  expect(() => object({ a: string() }).parse({ a: 1 }, 'payload')).toThrow('payload.a: expected a string');
});

test('object keeps no unknown data: its result holds exactly the schema fields', () => {
  const parsed = object({ a: string(), b: optional(string()) }).parse({ a: 'x', b: undefined });
  expect(Object.keys(parsed)).toEqual(['a']);
});

// Keys that exist on Object.prototype must not pass as "known" fields of every schema.
test.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])('inherited key %s is rejected as unknown', (name) => {
  const value = JSON.parse(`{"a":"x","${name}":{"polluted":true}}`) as unknown;
  expect(() => object({ a: string() }).parse(value)).toThrow(`${name}: expected no such field`);
});

test('object does not read fields from the prototype chain', () => {
  const value = Object.assign(Object.create({ a: 'inherited' }) as object, {});
  expect(() => object({ a: string() }).parse(value)).toThrow('a: expected a string');
});
