import type { ChangeNotification, TableChange } from './schemas';

/** More changed ids than this in one batch, and the client refreshes views instead of rows. */
export const MAX_IDS_PER_CHANGE = 25;

/**
 * Folds the notifications gathered during one flush interval into one entry per account and
 * table: distinct ids (capped), the total row count, and whether the ids are partial. A viral
 * burst of thousands of order updates thus reaches each browser as a handful of small events.
 * Pure; order of first appearance is kept.
 */
export function coalesceChanges(
  notifications: readonly ChangeNotification[],
  maxIds = MAX_IDS_PER_CHANGE,
): TableChange[] {
  const merged = new Map<string, TableChange & { seen: Set<string> }>();
  for (const notification of notifications) {
    const key = `${notification.account_id}:${notification.table}`;
    let entry = merged.get(key);
    if (!entry) {
      entry = {
        account_id: notification.account_id,
        table: notification.table,
        ids: [],
        count: 0,
        partial: false,
        seen: new Set(),
      };
      merged.set(key, entry);
    }
    entry.count += notification.count;
    if (notification.id === null) {
      // A multi-row statement: we do not know which rows.
      entry.partial = true;
    } else if (!entry.seen.has(notification.id)) {
      entry.seen.add(notification.id);
      if (entry.ids.length < maxIds) entry.ids.push(notification.id);
      else entry.partial = true;
    }
  }
  return [...merged.values()].map(({ seen: _seen, ...change }) => change);
}
