// TikTok sends every amount as a decimal string ("5000", "0.01", "21.3"). Converting through floats would
// turn "0.29" into 28 cents, so the digits are read as text and rounded half away from zero at cents.
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "21.3" → 2130. Empty or absent → 0. @throws TypeError on anything that is not a plain decimal. */
export function moneyToCents(amount: string | undefined | null): number {
  if (amount === undefined || amount === null || amount.trim() === '') return 0;
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new TypeError(`"${amount}" is not a money amount`);
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  const roundUp = fraction.length > 2 && Number(fraction[2]) >= 5 ? 1 : 0;
  const value = cents + roundUp;
  if (!Number.isSafeInteger(value)) throw new TypeError(`"${amount}" is too large`);
  return sign ? -value : value;
}
