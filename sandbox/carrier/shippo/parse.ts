import type { z } from 'zod';
import { shippoValidationError } from './respond';

/** Parses a request body or throws the Shippo-style 400. */
export function parseShippoBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw shippoValidationError(result.error, body);
  return result.data;
}
