// Small argument helpers shared by the shop-scoped call files.
import { MAX_PAGE_SIZE } from './constants';

export interface PageRequest {
  /** 1-100; default 50. */
  pageSize?: number;
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextPageToken?: string;
  totalCount: number;
}

export const toUnixSeconds = (date: Date | undefined) =>
  date ? Math.floor(date.getTime() / 1000) : undefined;

const SAFE_PATH_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** IDs go into URL paths that are signed as sent, so only plain id characters are allowed. */
export function pathId(label: string, value: string): string {
  if (!SAFE_PATH_ID.test(value)) throw new TypeError(`${label} "${value}" is not a valid TikTok id`);
  return value;
}

export function pageQuery({ pageSize = 50, pageToken }: PageRequest) {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer in 1..${MAX_PAGE_SIZE}`);
  }
  return { page_size: pageSize, page_token: pageToken };
}
