import { parseEasyPostWebhook, parseShippoWebhook } from '@/lib/shipping/carriers';
import { foldTrackingStatus, normaliseEasyPostTracker, normaliseShippoTrack, type NormalisedScan } from '@/lib/shipping/tracking/normalize-tracking';
import { parcelFor, recipientAddress } from '@/lib/shipping/build-rate-request';

const received = new Date('2026-11-23T12:00:00Z');
const scan = (status: NormalisedScan['status'], iso: string): NormalisedScan => ({
  status, carrierStatus: status, substatus: null, description: null, occurredAt: new Date(iso), location: null, dedupeKey: `${status}:${iso}`,
});

describe('foldTrackingStatus', () => {
  test('moves forward through the scans in time order', () => {
    const folded = foldTrackingStatus({ status: 'label_created', at: null }, [
      scan('in_transit', '2026-11-23T13:00:00Z'), scan('out_for_delivery', '2026-11-24T08:00:00Z'), scan('delivered', '2026-11-24T12:00:00Z'),
    ]);
    expect(folded).toEqual({ status: 'delivered', at: new Date('2026-11-24T12:00:00Z'), rank: 4 });
  });

  test('a late or duplicated scan never moves a parcel backwards', () => {
    expect(foldTrackingStatus({ status: 'out_for_delivery', at: new Date('2026-11-24T08:00:00Z') }, [scan('in_transit', '2026-11-23T13:00:00Z')]).status).toBe('out_for_delivery');
    expect(foldTrackingStatus({ status: 'delivered', at: new Date('2026-11-24T12:00:00Z') }, [scan('exception', '2026-11-25T12:00:00Z')]).status).toBe('delivered');
  });

  test('equal ranks may alternate, but only with a newer scan', () => {
    const attempted = { status: 'exception' as const, at: new Date('2026-11-24T10:00:00Z') };
    expect(foldTrackingStatus(attempted, [scan('in_transit', '2026-11-24T11:00:00Z')]).status).toBe('in_transit');
    expect(foldTrackingStatus(attempted, [scan('in_transit', '2026-11-24T09:00:00Z')]).status).toBe('exception');
  });
});

describe('normalising carrier payloads', () => {
  test('a Shippo track_updated: history plus latest, one scan per tracking status object', () => {
    const body = JSON.stringify({
      event: 'track_updated', test: true,
      data: {
        carrier: 'usps', tracking_number: 'SBX00000000000000000001',
        tracking_status: { object_id: 's3', status: 'DELIVERED', status_details: 'Delivered, front door', status_date: '2026-11-26T12:00:00Z', substatus: { code: 'delivered', text: 'Delivered', action_required: false } },
        tracking_history: [
          { object_id: 's1', status: 'PRE_TRANSIT', status_details: 'Label created', status_date: '2026-11-23T12:00:00Z' },
          { object_id: 's2', status: 'TRANSIT', status_details: 'Out', status_date: '2026-11-26T08:00:00Z', substatus: { code: 'out_for_delivery', text: 'Out', action_required: false } },
          { object_id: 's3', status: 'DELIVERED', status_details: 'Delivered, front door', status_date: '2026-11-26T12:00:00Z' },
        ],
      },
    });
    const parsed = parseShippoWebhook(body);
    if (!parsed.ok || parsed.value.kind !== 'track') throw new Error('fixture does not parse');
    const tracking = normaliseShippoTrack(parsed.value.track, received);
    expect(tracking.trackingNumber).toBe('SBX00000000000000000001');
    expect(tracking.scans.map((s) => [s.dedupeKey, s.status])).toEqual([['s1', 'label_created'], ['s2', 'out_for_delivery'], ['s3', 'delivered']]);
  });

  test('an EasyPost tracker.updated: details plus the tracker status when it is newer', () => {
    const body = JSON.stringify({
      id: 'evt_1', object: 'Event', description: 'tracker.updated',
      result: {
        id: 'trk_1', object: 'Tracker', tracking_code: 'EZ4000000004', status: 'delivered', status_detail: 'arrived_at_destination', updated_at: '2026-11-26T12:00:00Z',
        tracking_details: [{ status: 'in_transit', status_detail: 'arrived_at_facility', message: 'Accepted', datetime: '2026-11-24T12:00:00Z' }],
      },
    });
    const parsed = parseEasyPostWebhook(body);
    if (!parsed.ok || parsed.value.kind !== 'tracker') throw new Error('fixture does not parse');
    const tracking = normaliseEasyPostTracker(parsed.value.tracker, received);
    expect(tracking.scans.map((s) => s.status)).toEqual(['in_transit', 'delivered']);
    expect(new Set(tracking.scans.map((s) => s.dedupeKey)).size).toBe(2);
  });
});

describe('rate request pieces', () => {
  test('one parcel: weights add up, the box fits the largest item, heights stack', () => {
    expect(parcelFor([
      { quantity: 2, weight_grams: 300, length_cm: 20, width_cm: 15, height_cm: 5 },
      { quantity: 1, weight_grams: 100, length_cm: 30, width_cm: 10, height_cm: 2 },
    ])).toEqual({ length: 30, width: 15, height: 12, distanceUnit: 'cm', weight: 700, massUnit: 'g' });
  });

  test('the recipient becomes a carrier address, country upper-cased, no empty second line', () => {
    expect(recipientAddress({ name: ' Jane ', addressLine1: '1 Main St', addressLine2: ' ', city: 'Austin', state: 'TX', postalCode: '78701', country: 'us' })).toEqual({
      name: 'Jane', street1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701', country: 'US', isResidential: true,
    });
  });
});
