'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getAccountContext } from '@/lib/accounts';
import { CONFIGURABLE_CATEGORIES, updateNotificationPreferences } from '@/lib/email';
import { isAppError } from '@/lib/errors';

export type SavePreferencesState = { status: 'idle' | 'saved' | 'error'; message?: string };

// Checkboxes post "on" when ticked and nothing when not: every configurable category is decided.
const ZForm = z.object(
  Object.fromEntries(CONFIGURABLE_CATEGORIES.map((category) => [category, z.literal('on').optional()])),
);

/** Server action behind the notification preferences form (owners and admins). */
export async function saveNotificationPreferences(
  _previous: SavePreferencesState,
  formData: FormData,
): Promise<SavePreferencesState> {
  const context = await getAccountContext('/settings/notifications');
  const parsed = ZForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { status: 'error', message: 'The form was not understood; reload the page and try again.' };
  const preferences = Object.fromEntries(
    CONFIGURABLE_CATEGORIES.map((category) => [category, parsed.data[category] === 'on']),
  );
  try {
    await updateNotificationPreferences(context, { preferences });
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return { status: 'error', message: error.message };
    throw error;
  }
  revalidatePath('/settings/notifications');
  return { status: 'saved', message: 'Notification settings saved.' };
}
