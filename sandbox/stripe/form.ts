/**
 * Decodes Stripe's form encoding (application/x-www-form-urlencoded with bracketed keys, as the
 * official library writes it): `a[b][0][c]=x` → `{ a: { b: [{ c: 'x' }] } }`. Values stay strings;
 * each endpoint's schema coerces them. An empty value is how the library sends `null` ("unset").
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormDecodeError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new FormDecodeError(`Invalid percent-encoding in "${text}"`);
  }
};

const splitKey = (key: string): string[] => {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match?.[1]) throw new FormDecodeError(`Invalid parameter name "${key}"`);
  const rest = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? '');
  return [match[1], ...rest];
};

export const parseForm = (body: string): FormObject => {
  const root: FormObject = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator === -1 ? pair : pair.slice(0, separator);
    const value = separator === -1 ? '' : decode(pair.slice(separator + 1));
    const path = splitKey(decode(rawKey));
    if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) {
      throw new FormDecodeError(`Invalid parameter name "${rawKey}"`);
    }
    let node: FormObject = root;
    path.forEach((segment, index) => {
      // `a[]=x&a[]=y` (PHP style) appends; the library itself always writes explicit indexes.
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === path.length - 1) {
        if (node[key] !== undefined && typeof node[key] !== 'string') {
          throw new FormDecodeError(`Parameter "${rawKey}" conflicts with an object of the same name`);
        }
        node[key] = value;
        return;
      }
      const next = node[key];
      if (typeof next === 'string') {
        throw new FormDecodeError(`Parameter "${rawKey}" conflicts with a plain value of the same name`);
      }
      if (next === undefined) node[key] = {};
      node = node[key] as FormObject;
    });
  }
  return arraysFromIndexes(root) as FormObject;
};

// Objects whose keys are exactly 0..n-1 become arrays, as Stripe reads them.
const arraysFromIndexes = (value: FormValue): FormValue => {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = arraysFromIndexes(value[key] as FormValue);
  const isList = keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
  if (!isList) return converted;
  const ordered = keys.map(Number).sort((a, b) => a - b);
  if (ordered.some((index, position) => index !== position)) {
    throw new FormDecodeError('Array parameters must use consecutive indexes starting at 0');
  }
  return ordered.map((index) => converted[String(index)] as FormValue);
};
