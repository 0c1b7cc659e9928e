// Request input checks that JSON Schema cannot express, in one place for every route: a JSON
// body parser that names what it refuses, and a preValidation walk of body, query and params
// that (a) refuses NUL and unpaired surrogates in every string and key (SQLite would store
// them, PostgreSQL refuses them with a 5xx), (b) bounds the nesting of any body (deep values
// overflow the stack of code that recurses, e.g. JSON.stringify), and (c) bounds the
// free-form fields (additionalProperties / Type.Unknown in the route's schema: the campus's
// extra fields) in depth, keys, items and characters. Each refusal is a 400 naming the field.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { HttpError } from './errors.ts';
import { fieldName, truncate } from './quote.ts';

export const INPUT_LIMITS = {
  /** Any body, query or params: far deeper than any schema here (the deepest is 4). */
  maxDepth: 32,
  freeForm: {
    /** Levels below the free-form field itself. */
    maxDepth: 8,
    maxKeysPerObject: 100,
    maxItemsPerArray: 1000,
    /** Characters of all strings and keys in one free-form field. */
    maxChars: 65_536,
  },
} as const;

// Keys that reach Object.prototype or a constructor when code copies a free-form object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Schema = Record<string, unknown> | boolean | undefined;
interface FreeForm {
  path: string;
  depth: number;
  chars: number;
}

const invalid = (path: string, why: string) =>
  new HttpError(400, 'BAD_REQUEST', `Invalid ${fieldName(path)}: ${why}`);

function checkText(text: string, path: string, what: string): void {
  if (text.includes('\u0000')) throw invalid(path, `${what} contains a NUL character (\\u0000)`);
  if (LONE_SURROGATE.test(text)) {
    throw invalid(path, `${what} contains an unpaired surrogate (\\uD800-\\uDFFF)`);
  }
}

/** Anything goes here: true, {} (Type.Unknown), or a schema with no type of its own. */
function isFreeSchema(schema: Schema): boolean {
  if (schema === true) return true;
  if (!schema || typeof schema !== 'object') return false;
  return !['type', 'anyOf', 'oneOf', 'allOf', 'not', 'const', 'enum', '$ref'].some(
    (k) => k in schema,
  );
}

function childSchema(schema: Schema, key: string): Schema {
  if (!schema || typeof schema !== 'object') return undefined;
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties && Object.hasOwn(properties, key)) return properties[key];
  const patterns = schema.patternProperties as Record<string, Schema> | undefined;
  if (patterns) {
    for (const [pattern, s] of Object.entries(patterns))
      if (new RegExp(pattern).test(key)) return s;
  }
  const additional = schema.additionalProperties as Schema;
  // Unlisted keys of an object schema without additionalProperties: false are free-form too.
  if (additional === undefined && schema.type === 'object') return true;
  return additional;
}

function itemSchema(schema: Schema, index: number): Schema {
  if (!schema || typeof schema !== 'object') return undefined;
  if (Array.isArray(schema.prefixItems)) return schema.prefixItems[index] as Schema;
  const items = schema.items as Schema | Schema[];
  return Array.isArray(items) ? items[index] : items;
}

function walk(
  value: unknown,
  schema: Schema,
  path: string,
  depth: number,
  free: FreeForm | undefined,
): void {
  if (depth > INPUT_LIMITS.maxDepth) {
    throw invalid(path, `nests deeper than ${INPUT_LIMITS.maxDepth} levels`);
  }
  const f = INPUT_LIMITS.freeForm;
  if (free && depth - free.depth > f.maxDepth) {
    throw invalid(free.path, `a free-form value may nest at most ${f.maxDepth} levels`);
  }
  const count = (chars: number) => {
    if (!free) return;
    free.chars += chars;
    if (free.chars > f.maxChars) {
      throw invalid(free.path, `a free-form value may hold at most ${f.maxChars} characters`);
    }
  };
  if (typeof value === 'string') {
    checkText(value, path, 'the text');
    count(value.length);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (free && value.length > f.maxItemsPerArray) {
      throw invalid(path, `a free-form list may hold at most ${f.maxItemsPerArray} items`);
    }
    value.forEach((item, i) => {
      const itemPath = `${path}.${i}`;
      const s = itemSchema(schema, i);
      const enter =
        !free && isFreeSchema(s) ? { path: itemPath, depth: depth + 1, chars: 0 } : free;
      walk(item, s, itemPath, depth + 1, enter);
    });
    return;
  }
  const keys = Object.keys(value);
  if (free && keys.length > f.maxKeysPerObject) {
    throw invalid(path, `a free-form object may hold at most ${f.maxKeysPerObject} keys`);
  }
  for (const key of keys) {
    const keyPath = `${path}.${truncate(key, 100)}`;
    checkText(key, keyPath, 'the key');
    if (free && FORBIDDEN_KEYS.has(key)) throw invalid(keyPath, 'this key is not allowed');
    count(key.length);
    const s = childSchema(schema, key);
    const enter = !free && isFreeSchema(s) ? { path: keyPath, depth: depth + 1, chars: 0 } : free;
    walk((value as Record<string, unknown>)[key], s, keyPath, depth + 1, enter);
  }
}

/** Throws a 400 naming the field if the request's input breaks a rule above. */
export function guardInput(request: FastifyRequest): void {
  const schema = (request.routeOptions.schema ?? {}) as Record<string, Schema>;
  const parts: [string, unknown, Schema][] = [
    ['params', request.params, schema.params],
    ['querystring', request.query, schema.querystring],
    ['body', request.body, schema.body],
  ];
  for (const [name, value, partSchema] of parts) {
    if (value !== undefined) walk(value, partSchema, name, 0, undefined);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      'Invalid body: empty, but Content-Type is application/json',
    );
  }
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (/prototype/.test(why)) {
      throw new HttpError(
        400,
        'BAD_REQUEST',
        'Invalid body: a __proto__ or constructor.prototype key is not allowed',
      );
    }
    // V8's message names the position and at most a few characters of the text.
    throw new HttpError(400, 'BAD_REQUEST', `Invalid body: not valid JSON (${truncate(why, 120)})`);
  }
}

export function registerInputGuard(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseJson(text as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('preValidation', async (request) => guardInput(request));
}
