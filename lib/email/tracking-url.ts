/**
 * A public tracking page for a parcel, for when the carrier gateway gave none. Known carriers get
 * their own page; anything else a universal tracker that detects the carrier from the number.
 */
const CARRIER_PAGES: { match: RegExp; url: (trackingNumber: string) => string }[] = [
  { match: /usps/i, url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  { match: /ups/i, url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  { match: /fedex/i, url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  { match: /dhl/i, url: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}` },
];

export function carrierTrackingUrl(carrier: string | null, trackingNumber: string): string {
  const number = encodeURIComponent(trackingNumber);
  const page = carrier ? CARRIER_PAGES.find((candidate) => candidate.match.test(carrier)) : undefined;
  return page ? page.url(number) : `https://parcelsapp.com/en/tracking/${number}`;
}
