/**
 * Formatting shared by every dashboard page, server and client alike (deterministic: no time zone
 * or locale from the environment, so server HTML and hydration agree). Local times are rendered
 * by <LocalTime>, which switches to the browser's zone after hydration.
 */
const moneyFormatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number | null | undefined, currency = 'USD'): string {
  if (cents === null || cents === undefined) return '—';
  let formatter = moneyFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}

/** "$1.6K", "$250": axis labels. */
export function formatMoneyCompact(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const formatInteger = (value: number): string => integer.format(value);
export const formatDecimal = (value: number): string => decimal.format(value);

const fine = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** A rate such as units per hour: two decimals below 1 (0.04/h still matters), one above. */
export const formatRate = (value: number): string =>
  Math.abs(value) < 1 ? fine.format(value) : decimal.format(value);

/** "45 s", "12 min", "3.5 h", "2.1 d": a duration at the precision a person cares about. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${decimal.format(seconds / 3600)} h`;
  return `${decimal.format(seconds / 86400)} d`;
}

/** "in 3 h" / "2 h ago" relative to now (both in ms). */
export function formatRelative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  const text = formatDuration(Math.abs(diff) / 1000);
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

/** A fixed-zone (UTC) rendering, used for the server's first paint and for print. `short` drops the year. */
export function formatUtc(iso: string | null | undefined, withTime = true, short = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    ...(short ? {} : { year: 'numeric' }),
  });
  if (!withTime) return day;
  return `${day}, ${date.toLocaleTimeString('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' })} UTC`;
}

export function formatLocal(iso: string, withTime = true, short = false): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    ...(short ? {} : { year: 'numeric' }),
  });
  return withTime
    ? `${day}, ${date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}`
    : day;
}
