// A small validator for the JSON-Schema dialect Chrome accepts for managed
// storage (type, properties, additionalProperties, required, items, enum,
// pattern, minimum/maximum, id/$ref) plus minLength/maxLength/maxItems.
// Every error is named by its JSON path ($.workHours.start), and values that
// arrive as JSON strings where an object or array is expected (Firefox
// policies set through the Windows registry) are parsed in place.


export interface Schema {
  type?: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  id?: string;
  $ref?: string;
  title?: string;
  description?: string;
}

export interface PathError { path: string; message: string }

const MAX_DEPTH = 32;

function collectIds(s: Schema, ids: Map<string, Schema>) {
  if (s.id) ids.set(s.id, s);
  for (const sub of Object.values(s.properties ?? {})) collectIds(sub, ids);
  for (const sub of Object.values(s.patternProperties ?? {})) collectIds(sub, ids);
  if (s.items) collectIds(s.items, ids);
  if (typeof s.additionalProperties === 'object') collectIds(s.additionalProperties, ids);
}

// The schema's own patterns (ours, reviewed: short anchored character
// classes) run on the native engine; admins' patterns in custom rules are
// checked on RE2 by policy.ts.
const patternCache = new Map<string, RegExp>();
function schemaPattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

function key(path: string, k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v === 'object' ? 'an object' : `the ${typeof v} ${String(v)}`}`;
}

/**
 * Validate `value` against `schema`. Returns the value with JSON strings
 * parsed where objects/arrays were expected, and every error found.
 */
export function validate(schema: Schema, value: unknown): { value: unknown; errors: PathError[] } {
  const ids = new Map<string, Schema>();
  collectIds(schema, ids);
  const errors: PathError[] = [];

  const walk = (s: Schema, v: unknown, path: string, depth: number): unknown => {
    if (s.$ref) {
      const target = ids.get(s.$ref);
      if (!target) { errors.push({ path, message: `schema error: unknown $ref "${s.$ref}"` }); return v; }
      s = target;
    }
    if (depth > MAX_DEPTH) { errors.push({ path, message: 'nested too deeply' }); return v; }
    if ((s.type === 'object' || s.type === 'array') && typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch (e) {
        errors.push({ path, message: `expected ${s.type === 'object' ? 'an object' : 'an array'} or a JSON string of one, got a string that is not valid JSON (${(e as Error).message})` });
        return v;
      }
    }
    switch (s.type) {
      case 'object': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
          errors.push({ path, message: `expected an object, got ${describe(v)}` });
          return v;
        }
        const obj = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const r of s.required ?? []) if (!(r in obj)) errors.push({ path: key(path, r), message: 'is required' });
        for (const [k, val] of Object.entries(obj)) {
          const p = key(path, k);
          let sub = s.properties?.[k];
          if (!sub && s.patternProperties) {
            for (const [pat, ps] of Object.entries(s.patternProperties)) if (schemaPattern(pat).test(k)) { sub = ps; break; }
          }
          if (!sub) {
            if (typeof s.additionalProperties === 'object') sub = s.additionalProperties;
            else if (s.additionalProperties === false) {
              const known = Object.keys(s.properties ?? {});
              errors.push({ path: p, message: `unknown key "${k}"${known.length ? ` (expected one of: ${known.join(', ')})` : ''}` });
              continue;
            } else { out[k] = val; continue; }
          }
          out[k] = walk(sub, val, p, depth + 1);
        }
        return out;
      }
      case 'array': {
        if (!Array.isArray(v)) { errors.push({ path, message: `expected an array, got ${describe(v)}` }); return v; }
        if (s.maxItems !== undefined && v.length > s.maxItems) {
          errors.push({ path, message: `has ${v.length} items, at most ${s.maxItems} allowed` });
          return v;
        }
        return s.items ? v.map((item, i) => walk(s.items!, item, `${path}[${i}]`, depth + 1)) : v;
      }
      case 'string': {
        if (typeof v !== 'string') { errors.push({ path, message: `expected a string, got ${describe(v)}` }); return v; }
        if (s.minLength !== undefined && v.length < s.minLength) errors.push({ path, message: s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters` });
        if (s.maxLength !== undefined && v.length > s.maxLength) errors.push({ path, message: `is ${v.length} characters long, at most ${s.maxLength} allowed` });
        if (s.pattern && !schemaPattern(s.pattern).test(v)) errors.push({ path, message: `${describe(v)} does not have the expected form (${s.pattern})` });
        break;
      }
      case 'boolean':
        if (typeof v === 'string' && (v === 'true' || v === 'false')) v = v === 'true'; // registry values
        if (typeof v !== 'boolean') errors.push({ path, message: `expected true or false, got ${describe(v)}` });
        return v;
      case 'integer':
      case 'number':
        if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) v = Number(v);
        if (typeof v !== 'number' || !Number.isFinite(v) || (s.type === 'integer' && !Number.isInteger(v))) {
          errors.push({ path, message: `expected ${s.type === 'integer' ? 'an integer' : 'a number'}, got ${describe(v)}` });
          return v;
        }
        if (s.minimum !== undefined && v < s.minimum) errors.push({ path, message: `must be at least ${s.minimum}` });
        if (s.maximum !== undefined && v > s.maximum) errors.push({ path, message: `must be at most ${s.maximum}` });
        return v;
    }
    if (s.enum && !s.enum.includes(v)) errors.push({ path, message: `${describe(v)} is not one of: ${s.enum.map((e) => JSON.stringify(e)).join(', ')}` });
    return v;
  };

  const out = walk(schema, value, '$', 0);
  return { value: out, errors };
}
