import type { RateQuote } from '@/lib/shipping/carriers/types';

// Which speed class a carrier service belongs to. Known Shippo tokens and EasyPost service
// names map by table; anything else falls back to the quote's estimated days
// (1 -> overnight, 2 -> express, 3-5 -> standard, more or unknown -> economy).

export const SERVICE_LEVELS = ['economy', 'standard', 'express', 'overnight'] as const;
export type ServiceLevelClass = (typeof SERVICE_LEVELS)[number];

export const SERVICE_LEVEL_RANK: Record<ServiceLevelClass, number> = {
  economy: 0,
  standard: 1,
  express: 2,
  overnight: 3,
};

const BY_TOKEN: Record<ServiceLevelClass, readonly string[]> = {
  economy: [
    'usps_media_mail',
    'usps_parcel_select',
    'ups_surepost',
    'ups_surepost_lightweight',
    'fedex_smart_post',
    'MediaMail',
    'ParcelSelect',
    'SurePostOver1Lb',
    'SurePostUnder1Lb',
    'SMART_POST',
  ],
  standard: [
    'usps_ground_advantage',
    'usps_first',
    'ups_ground',
    'ups_3_day_select',
    'fedex_ground',
    'fedex_home_delivery',
    'fedex_express_saver',
    'GroundAdvantage',
    'First',
    'Ground',
    '3DaySelect',
    'FEDEX_GROUND',
    'GROUND_HOME_DELIVERY',
    'FEDEX_EXPRESS_SAVER',
  ],
  express: [
    'usps_priority',
    'ups_second_day_air',
    'ups_second_day_air_am',
    'fedex_2_day',
    'fedex_2_day_am',
    'Priority',
    '2ndDayAir',
    '2ndDayAirAM',
    'FEDEX_2_DAY',
    'FEDEX_2_DAY_AM',
  ],
  overnight: [
    'usps_priority_express',
    'ups_next_day_air',
    'ups_next_day_air_saver',
    'ups_next_day_air_early_am',
    'fedex_standard_overnight',
    'fedex_priority_overnight',
    'fedex_first_overnight',
    'Express',
    'NextDayAir',
    'NextDayAirSaver',
    'NextDayAirEarlyAM',
    'STANDARD_OVERNIGHT',
    'PRIORITY_OVERNIGHT',
    'FIRST_OVERNIGHT',
  ],
};

const LEVEL_OF_TOKEN = new Map<string, ServiceLevelClass>(
  SERVICE_LEVELS.flatMap((level) => BY_TOKEN[level].map((token) => [token, level] as const)),
);

export function serviceLevelOf(quote: Pick<RateQuote, 'serviceLevel' | 'estimatedDays'>): ServiceLevelClass {
  const known = LEVEL_OF_TOKEN.get(quote.serviceLevel.token);
  if (known) return known;
  const days = quote.estimatedDays;
  if (days === null) return 'economy';
  if (days <= 1) return 'overnight';
  if (days === 2) return 'express';
  return days <= 5 ? 'standard' : 'economy';
}
