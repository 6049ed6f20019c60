import type { Json } from './state';

// Magic words in Shippo `metadata` / EasyPost `reference` (see README). A word counts only
// on its own (`pkg_1 HTTP500`), so references that merely contain the letters are safe.

export type MagicWord = 'FAIL_CARRIER' | 'FAIL_ADDRESS' | 'SLOW' | 'HTTP500';

export function hasMagic(text: unknown, word: MagicWord): boolean {
  return new RegExp(`(^|[^A-Z0-9_])${word}([^A-Z0-9_]|$)`).test(String(text ?? '').toUpperCase());
}

/** Printable address block for a label, from a Shippo or EasyPost address object. */
export function addressLines(address: Json): string[] {
  const cityLine = `${String(address.city ?? '')}, ${String(address.state ?? '')} ${String(address.zip ?? '')}`;
  return [address.name, address.company, address.street1, address.street2, cityLine, address.country].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
}
