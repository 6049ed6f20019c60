import {
  mapEasyPostTrackingStatus,
  mapShippoTrackingStatus,
  NORMALISED_TRACKING_STATUSES,
  shouldApplyTrackingStatus,
  TRACKING_STATUS_RANK,
} from '@/lib/shipping/carriers/status-map';

test.each([
  ['PRE_TRANSIT', { code: 'information_received', action_required: false }, 'label_created'],
  ['TRANSIT', { code: 'package_departed', action_required: false }, 'in_transit'],
  ['TRANSIT', { code: 'out_for_delivery', action_required: false }, 'out_for_delivery'],
  ['TRANSIT', { code: 'pickup_available', action_required: true }, 'available_for_pickup'],
  ['TRANSIT', { code: 'delivery_attempted', action_required: true }, 'exception'],
  ['FAILURE', { code: 'package_lost', action_required: true }, 'exception'],
  ['DELIVERED', null, 'delivered'],
  ['RETURNED', { code: 'return_to_sender', action_required: false }, 'returned'],
  ['UNKNOWN', null, 'unknown'],
  ['SOMETHING_NEW', null, 'unknown'],
] as const)('Shippo %s %j -> %s', (status, substatus, expected) => {
  expect(mapShippoTrackingStatus(status, substatus)).toBe(expected);
});

test('Shippo SDK camelCase substatus is understood too', () => {
  expect(mapShippoTrackingStatus('TRANSIT', { code: 'address_issue', actionRequired: true })).toBe(
    'exception',
  );
});

test.each([
  ['pre_transit', null, 'label_created'],
  ['in_transit', 'arrived_at_facility', 'in_transit'],
  ['in_transit', 'delivery_exception', 'exception'],
  ['out_for_delivery', null, 'out_for_delivery'],
  ['available_for_pickup', null, 'available_for_pickup'],
  ['delivered', null, 'delivered'],
  ['return_to_sender', null, 'returned'],
  ['failure', 'lost', 'exception'],
  ['cancelled', null, 'cancelled'],
  ['error', null, 'unknown'],
] as const)('EasyPost %s/%s -> %s', (status, detail, expected) => {
  expect(mapEasyPostTrackingStatus(status, detail)).toBe(expected);
});

test('monotonic application: forward moves apply, backward and post-terminal moves do not', () => {
  expect(NORMALISED_TRACKING_STATUSES.every((s) => TRACKING_STATUS_RANK[s] >= 0)).toBe(true);
  expect(shouldApplyTrackingStatus('label_created', 'in_transit')).toBe(true);
  expect(shouldApplyTrackingStatus('in_transit', 'exception')).toBe(true);
  expect(shouldApplyTrackingStatus('exception', 'in_transit')).toBe(true);
  expect(shouldApplyTrackingStatus('out_for_delivery', 'in_transit')).toBe(false);
  expect(shouldApplyTrackingStatus('delivered', 'out_for_delivery')).toBe(false);
  expect(shouldApplyTrackingStatus('delivered', 'returned')).toBe(false);
  expect(shouldApplyTrackingStatus('in_transit', 'in_transit')).toBe(false);
});
