// TypeBox schema errors as validation problems: one message per field, naming it and its
// value, with union-branch noise dropped in favour of the union's own summary.
import type { TSchema } from 'typebox';
import type { Compile } from 'typebox/compile';
import { Settings } from 'typebox/system';
import { isObject, show, type Problem } from './validate-records.ts';

export type Compiled = ReturnType<typeof Compile<TSchema>>;

/** '/properties/phases/0/start' → 'phases[0].start' (properties are the record's fields). */
function fieldName(pointer: string): string {
  const parts = pointer
    .replace(/^\/properties(?=\/|$)/, '')
    .split('/')
    .filter(Boolean);
  return parts.reduce(
    (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>(
      (node, part) =>
        isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined,
      root,
    );
}

/** Schema errors as problems; anyOf branch noise is dropped in favour of the anyOf summary. */
export function schemaProblems(schema: Compiled, record: unknown): Problem[] {
  if (schema.Check(record)) return [];
  // TypeBox buffers 8 errors by default (a guard for untrusted input); a bundled record may
  // have more, and every one must be reported, so the cap is lifted for this call only.
  const { maxErrors } = Settings.Get();
  Settings.Set({ maxErrors: 10_000 });
  let errors;
  try {
    errors = [...schema.Errors(record)];
  } finally {
    Settings.Set({ maxErrors });
  }
  const problems: Problem[] = [];
  for (const error of errors) {
    if (error.schemaPath.includes('/anyOf/') || error.keyword === 'boolean') continue;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') {
      for (const name of params.requiredProperties as string[]) {
        const path = `${error.instancePath}/${name}`;
        problems.push({ path, message: `${fieldName(path)} is missing` });
      }
    } else if (error.keyword === 'additionalProperties') {
      for (const name of params.additionalProperties as string[]) {
        const path = `${error.instancePath}/${name}`;
        const where =
          name === 'lat' || name === 'lon' ? ' (coordinates belong in the geometry)' : '';
        problems.push({
          path,
          message: `${fieldName(path)} is not a field of this record${where}`,
        });
      }
    } else {
      const path = error.instancePath;
      const field = fieldName(path) || 'record';
      const message =
        error.keyword === 'enum'
          ? `is not one of ${(params.allowedValues as unknown[]).join('|')}`
          : error.message;
      problems.push({ path, message: `${field} ${show(valueAt(record, path))} ${message}` });
    }
  }
  return problems;
}
