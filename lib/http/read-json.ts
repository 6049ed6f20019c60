import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Reads a JSON body with a size cap and validates it; anything malformed is a 400, never a 500. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 64 * 1024): Promise<z.infer<S>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'Request body is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'Request body must be JSON');
  }
  return schema.parse(parsed);
}
