// Derives the manifest's `storage.managed_schema` (public/managed_schema.json)
// from the one policy schema of rules/ (rules/policy-schema.json).
//
// Chrome validates managed storage per top-level key and drops the whole key
// when any part of it is invalid, silently for the extension. So the managed
// schema keeps only the STRUCTURE (type, properties, items, id/$ref, title,
// description) and leaves out every constraint (enum, pattern, lengths,
// counts, required): the extension's own validator then reports each problem
// by JSON path and one typo costs one setting, not the whole pack.
//
// Chrome's dialect also forbids `additionalProperties` on the top level and
// only accepts it as a schema (not `false`) below; each schema needs a `type`
// or a `$ref`. `tests/unit/policy-store.managed-schema.test.ts` checks that the
// file in public/ equals toManagedSchema(policySchema); regenerate it with
// `UPDATE_MANAGED_SCHEMA=1 npx vitest run tests/unit/policy-store.managed-schema.test.ts`.

type S = Record<string, unknown>;

const KEEP = new Set(['type', 'properties', 'patternProperties', 'items', 'id', '$ref', 'title', 'description']);

export function toManagedSchema(schema: unknown, top = true): S {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new Error('schema must be an object');
  }
  const src = schema as S;
  const out: S = {};
  for (const [k, v] of Object.entries(src)) {
    if (!KEEP.has(k)) continue;
    if (k === 'properties' || k === 'patternProperties') {
      const props: S = {};
      for (const [name, sub] of Object.entries(v as S)) props[name] = toManagedSchema(sub, false);
      out[k] = props;
    } else if (k === 'items') {
      out[k] = toManagedSchema(v, false);
    } else {
      out[k] = v;
    }
  }
  // Below the top, a schema-valued additionalProperties is structure too.
  if (!top && typeof src.additionalProperties === 'object' && src.additionalProperties !== null) {
    out.additionalProperties = toManagedSchema(src.additionalProperties, false);
  }
  if (!('type' in out) && !('$ref' in out)) throw new Error('each schema needs a type or a $ref');
  if (top) {
    if (out.type !== 'object') throw new Error('the top-level managed schema must be an object');
    delete out.$ref;
  }
  return out;
}

/**
 * Checks a schema against Chrome's rules for managed_schema (what makes
 * Chrome refuse to load the extension). Returns problems as JSON paths.
 */
export function chromeSchemaProblems(schema: unknown, path = '$', top = true): string[] {
  const problems: string[] = [];
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [`${path}: not an object`];
  const s = schema as S;
  const allowed = new Set([
    'type', 'properties', 'patternProperties', 'additionalProperties', 'required', 'items', 'enum', 'pattern',
    'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'id', '$ref', 'title', 'description',
    '$schema', 'choices', 'optional',
  ]);
  for (const k of Object.keys(s)) if (!allowed.has(k)) problems.push(`${path}: unknown attribute ${k}`);
  const types = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
  if ('type' in s && (typeof s.type !== 'string' || !types.includes(s.type))) problems.push(`${path}: invalid type`);
  if (!('type' in s) && !('$ref' in s)) problems.push(`${path}: needs a type or a $ref`);
  if (top && s.type !== 'object') problems.push(`${path}: top level must be type object`);
  if (top && 'additionalProperties' in s) problems.push(`${path}: top level may not have additionalProperties`);
  if ('additionalProperties' in s && (typeof s.additionalProperties !== 'object' || s.additionalProperties === null)) {
    problems.push(`${path}: additionalProperties must be a schema`);
  }
  for (const key of ['properties', 'patternProperties'] as const) {
    if (key in s) {
      for (const [name, sub] of Object.entries(s[key] as S)) problems.push(...chromeSchemaProblems(sub, `${path}.${key}.${name}`, false));
    }
  }
  if (typeof s.items === 'object' && s.items !== null) problems.push(...chromeSchemaProblems(s.items, `${path}.items`, false));
  if (typeof s.additionalProperties === 'object' && s.additionalProperties !== null) {
    problems.push(...chromeSchemaProblems(s.additionalProperties, `${path}.additionalProperties`, false));
  }
  if (Array.isArray(s.required)) {
    for (const r of s.required) {
      if (!s.properties || !(String(r) in (s.properties as S))) problems.push(`${path}: required "${String(r)}" is not in properties`);
    }
  }
  return problems;
}
