// Formatting shared by templates and subject lines. Money arrives as integer minor units plus an
// ISO 4217 code; dates as ISO strings. Everything renders in en-US and UTC so that the same
// payload always produces the same email (retries, snapshots, the outbox preview).

const LOCALE = 'en-US';

// Building an Intl formatter costs far more than using one, and every email formats several
// amounts and dates, so each formatter is built once per currency or precision and kept.
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
const numberFormats = new Map<number, Intl.NumberFormat>();

function moneyFormat(currency: string) {
  let entry = moneyFormats.get(currency);
  if (!entry) {
    const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    entry = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(currency, entry);
  }
  return entry;
}

/** 123456, 'USD' → "$1,234.56"; 5000, 'JPY' → "¥5,000" (JPY has no minor unit). */
export function formatMoney(amountMinor: number, currency: string): string {
  const { format, digits } = moneyFormat(currency);
  return format.format(amountMinor / 10 ** digits);
}

export function formatNumber(value: number, maximumFractionDigits = 0): string {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, format);
  }
  return format.format(value);
}

// A bare date (YYYY-MM-DD) means that calendar day, so it is read as UTC midnight, not local time.
function parseIso(iso: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO date: ${iso}`);
  return date;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC',
});

/** "2025-11-25" → "Tue, Nov 25, 2025". */
export function formatDate(iso: string): string {
  return dateFormat.format(parseIso(iso));
}

/** "2025-11-25" → "Nov 25" (for ranges inside one year). */
export function formatShortDate(iso: string): string {
  return shortDateFormat.format(parseIso(iso));
}

/** "2025-11-25T15:04:00Z" → "Nov 25, 2025, 3:04 PM UTC". */
export function formatDateTime(iso: string): string {
  return `${dateTimeFormat.format(parseIso(iso))} UTC`;
}

/** "Nov 17 – Nov 23, 2025". */
export function formatDateRange(startIso: string, endIso: string): string {
  const year = parseIso(endIso).getUTCFullYear();
  return `${formatShortDate(startIso)} – ${formatShortDate(endIso)}, ${year}`;
}

/** Relative change in percent, or null when there is no base to compare against. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/** "+12.5%", "−3.0%", "±0%", or "new" when last week was zero. */
export function formatChange(current: number, previous: number): string {
  const change = percentChange(current, previous);
  if (change === null) return current === 0 ? '±0%' : 'new';
  if (Math.abs(change) < 0.05) return '±0%';
  const magnitude = formatNumber(Math.abs(change), 1);
  return change > 0 ? `+${magnitude}%` : `−${magnitude}%`;
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
