// Deterministic price list shared by the Shippo and EasyPost faces of the sandbox.
// Same inputs always give the same prices, so tests can assert exact amounts.
//
// zone  = 1 + min(7, floor(|zip3(from) - zip3(to)| / 100))   (zip3 = first 3 digits)
// pound = ceil(weight in ounces / 16), at least 1
// price = base + perZone * zone + perPound * pounds  (integer cents)

export type MassUnit = 'g' | 'kg' | 'lb' | 'oz';

export interface ServiceDefinition {
  carrier: 'USPS' | 'UPS';
  /** Shippo servicelevel token (real tokens, so production mappings apply unchanged). */
  shippoToken: string;
  /** EasyPost `service` string for the same product. */
  easyPostService: string;
  name: string;
  baseCents: number;
  perZoneCents: number;
  perPoundCents: number;
  /** Transit days by zone band: zones 1-2, 3-5, 6-8. */
  daysByBand: readonly [number, number, number];
  durationTerms: string;
}

export const SANDBOX_SERVICES: readonly ServiceDefinition[] = [
  {
    carrier: 'USPS',
    shippoToken: 'usps_ground_advantage',
    easyPostService: 'GroundAdvantage',
    name: 'Ground Advantage',
    baseCents: 450,
    perZoneCents: 35,
    perPoundCents: 30,
    daysByBand: [2, 3, 5],
    durationTerms: 'Delivery in 2 to 5 business days.',
  },
  {
    carrier: 'USPS',
    shippoToken: 'usps_priority',
    easyPostService: 'Priority',
    name: 'Priority Mail',
    baseCents: 790,
    perZoneCents: 60,
    perPoundCents: 55,
    daysByBand: [1, 2, 2],
    durationTerms: 'Delivery in 1 to 2 business days.',
  },
  {
    carrier: 'UPS',
    shippoToken: 'ups_next_day_air',
    easyPostService: 'NextDayAir',
    name: 'Next Day Air',
    baseCents: 2400,
    perZoneCents: 210,
    perPoundCents: 180,
    daysByBand: [1, 1, 1],
    durationTerms: 'Next business day delivery.',
  },
];

export const SUPPORTED_COUNTRIES: ReadonlySet<string> = new Set(['US']);

const OUNCES_PER: Record<MassUnit, number> = { oz: 1, lb: 16, g: 1 / 28.349523125, kg: 1000 / 28.349523125 };

export function toOunces(weight: number, unit: MassUnit): number {
  return weight * OUNCES_PER[unit];
}

function zip3(zip: string | undefined): number {
  const digits = (zip ?? '').replace(/\D/g, '').slice(0, 3);
  return digits.length === 3 ? Number(digits) : 0;
}

export function zoneBetween(fromZip: string | undefined, toZip: string | undefined): number {
  return 1 + Math.min(7, Math.floor(Math.abs(zip3(fromZip) - zip3(toZip)) / 100));
}

export interface PricedService {
  service: ServiceDefinition;
  amountCents: number;
  estimatedDays: number;
  zone: number;
}

export function priceServices(weightOz: number, fromZip?: string, toZip?: string): PricedService[] {
  const zone = zoneBetween(fromZip, toZip);
  const pounds = Math.max(1, Math.ceil(weightOz / 16));
  const band = zone <= 2 ? 0 : zone <= 5 ? 1 : 2;
  return SANDBOX_SERVICES.map((service) => ({
    service,
    zone,
    amountCents: service.baseCents + service.perZoneCents * zone + service.perPoundCents * pounds,
    estimatedDays: service.daysByBand[band],
  }));
}

export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}
