// Provider amounts are decimal strings ("7.90"); convert without floating-point drift.

export function decimalToCents(amount: string): number {
  const match = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/.exec(amount);
  if (!match) throw new RangeError(`Not a decimal amount: "${amount}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = `${fraction}000`;
  // Half-up rounding on the third decimal.
  const cents = Number(whole) * 100 + Number(padded.slice(0, 2)) + (Number(padded[2]) >= 5 ? 1 : 0);
  return sign ? -cents : cents;
}
