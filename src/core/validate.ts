/**
 * A tiny runtime schema library for the data that crosses a trust boundary (messages between
 * contexts, stored records, import files). Each schema both validates and narrows, so types and
 * checks cannot drift apart. Hand-written because the contract is small and the content script
 * has a 20 KB budget; errors name the path of the first bad field.
 */

export class ValidationError extends Error {
  constructor(readonly path: string, expected: string) {
    super(`${path || 'value'}: expected ${expected}`);
    this.name = 'ValidationError';
  }
}

export interface Schema<T> {
  /** Returns the value typed as T, or throws a ValidationError naming the bad field. */
  parse(value: unknown, path?: string): T;
}
export type Infer<S> = S extends Schema<infer T> ? T : never;

const schema = <T>(parse: (value: unknown, path: string) => T): Schema<T> => ({
  parse: (value, path = '') => parse(value, path),
});

export const string = (options: { max?: number; min?: number } = {}): Schema<string> =>
  schema((value, path) => {
    const max = options.max ?? 100_000;
    if (typeof value !== 'string' || value.length > max || value.length < (options.min ?? 0)) {
      throw new ValidationError(path, `a string of ${options.min ?? 0}–${max} characters`);
    }
    return value;
  });

export const number = (options: { integer?: boolean; min?: number; max?: number } = {}): Schema<number> =>
  schema((value, path) => {
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (options.integer && !Number.isInteger(value)) ||
      (options.min !== undefined && value < options.min) ||
      (options.max !== undefined && value > options.max)
    ) {
      throw new ValidationError(path, options.integer ? 'an integer in range' : 'a finite number in range');
    }
    return value;
  });

export const boolean = (): Schema<boolean> =>
  schema((value, path) => {
    if (typeof value !== 'boolean') throw new ValidationError(path, 'a boolean');
    return value;
  });

export const literal = <const T extends string | number | boolean>(...options: T[]): Schema<T> =>
  schema((value, path) => {
    if (!options.includes(value as T)) throw new ValidationError(path, `one of ${options.map(String).join(', ')}`);
    return value as T;
  });

export const nullable = <T>(inner: Schema<T>): Schema<T | null> =>
  schema((value, path) => (value === null ? null : inner.parse(value, path)));

/** An optional property: absent or undefined stays undefined. */
export const optional = <T>(inner: Schema<T>): Schema<T | undefined> =>
  schema((value, path) => (value === undefined ? undefined : inner.parse(value, path)));

export const array = <T>(inner: Schema<T>, options: { max?: number } = {}): Schema<T[]> =>
  schema((value, path) => {
    const max = options.max ?? 10_000;
    if (!Array.isArray(value) || value.length > max) throw new ValidationError(path, `an array of at most ${max} entries`);
    return value.map((entry, index) => inner.parse(entry, `${path}[${index}]`));
  });

type Shape = Record<string, Schema<unknown>>;
const hasOwn = (target: object, key: string): boolean => Object.prototype.hasOwnProperty.call(target, key);
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/**
 * A plain object with exactly these keys: unknown keys are rejected rather than silently kept,
 * so nothing unexpected reaches storage.
 */
export const object = <S extends Shape>(shape: S): Schema<{ [K in keyof ObjectOf<S>]: ObjectOf<S>[K] }> =>
  schema((value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'an object');
    const record = value as Record<string, unknown>;
    // Own properties only: `key in shape` would let "constructor" or "__proto__" through as known.
    for (const key of Object.keys(record)) {
      if (!hasOwn(shape, key)) throw new ValidationError(path ? `${path}.${key}` : key, 'no such field');
    }
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(shape)) {
      const parsed = inner.parse(hasOwn(record, key) ? record[key] : undefined, path ? `${path}.${key}` : key);
      if (parsed !== undefined) result[key] = parsed;
    }
    return result as { [K in keyof ObjectOf<S>]: ObjectOf<S>[K] };
  });

/** A string that parses as an absolute http(s) URL. */
export const httpUrl = (): Schema<string> =>
  schema((value, path) => {
    const text = string({ max: 4096 }).parse(value, path);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ValidationError(path, 'an absolute URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError(path, 'an http(s) URL');
    return text;
  });
