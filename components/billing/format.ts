/** Display helpers for billing screens (minor units → money, dates in the viewer-neutral en-US form). */
export const formatCents = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

export const formatDay = (date: Date): string =>
  date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export const formatCount = (value: number): string => new Intl.NumberFormat('en-US').format(value);
