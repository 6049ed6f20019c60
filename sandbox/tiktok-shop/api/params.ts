// Parameter checks shared by API handlers. Bad input is TikTok's catch-all 36009004 with a readable message.
import { z } from 'zod';

import { ApiFailure } from '../http-utils';

export function invalidParam(message: string): ApiFailure {
  return new ApiFailure(36009004, `Invalid parameter: ${message}`, 400);
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidParam(z.prettifyError(parsed.error).replace(/\n/g, '; '));
  return parsed.data;
}

/** Page tokens are opaque to clients; like TikTok's sample (`b2Zmc2V0PTAK`) they are base64 of `offset=N\n`. */
export function encodePageToken(offset: number): string {
  return Buffer.from(`offset=${offset}\n`).toString('base64');
}

export function pageParams(query: URLSearchParams): { pageSize: number; offset: number } {
  const rawSize = query.get('page_size');
  if (rawSize === null) throw invalidParam('page_size is required');
  const pageSize = Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    throw invalidParam('page_size must be 1-100');
  const token = query.get('page_token');
  if (!token) return { pageSize, offset: 0 };
  const match = /^offset=(\d+)\n?$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) throw invalidParam('page_token is invalid');
  return { pageSize, offset: Number(match[1]) };
}

/** Slices one page and builds the token of the next one ("" on the last page). */
export function paginate<T>(items: T[], { pageSize, offset }: { pageSize: number; offset: number }) {
  const page = items.slice(offset, offset + pageSize);
  const nextOffset = offset + page.length;
  return {
    page,
    nextPageToken: nextOffset < items.length ? encodePageToken(nextOffset) : '',
    totalCount: items.length,
  };
}

export const unixSeconds = z.number().int().nonnegative();
