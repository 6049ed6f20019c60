import { z } from 'zod';
import { invalidRequest } from './http';

/**
 * Form values arrive as strings; these schemas coerce them the way Stripe does, and strict object
 * schemas make an unknown parameter a 400, as on the real API — so a typo in lib/billing fails
 * against the stand-in instead of passing silently.
 */
export const formBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const formInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, 'Invalid integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** `metadata=` (empty) clears metadata; otherwise string keys to string values. */
export const formMetadata = z.union([
  z.literal('').transform(() => ({}) as Record<string, string>),
  z.record(z.string(), z.string().max(500)),
]);

export const formExpand = z.array(z.string()).optional();

/** The library encodes `null` as an empty string. */
export const formOptionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

export const listParams = {
  limit: formInteger(1, 100).optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand: formExpand,
};

const paramName = (path: readonly PropertyKey[]): string =>
  path.map((segment, index) => (index === 0 ? String(segment) : `[${String(segment)}]`)).join('');

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

/** Parses request parameters, answering the first problem as Stripe would word it. */
export const readParams = <Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw invalidRequest('Invalid request');
  if (issue.code === 'unrecognized_keys') {
    const name = paramName([...issue.path, issue.keys[0] ?? '']);
    throw invalidRequest(`Received unknown parameter: ${name}`, 'parameter_unknown', name);
  }
  const name = paramName(issue.path);
  if (valueAt(input, issue.path) === undefined) {
    throw invalidRequest(`Missing required param: ${name}.`, 'parameter_missing', name);
  }
  throw invalidRequest(`Invalid ${name}: ${issue.message}`, undefined, name);
};
