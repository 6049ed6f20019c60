import { decodeForm } from '@/sandbox/carrier/http/body';
import { renderLabelPdf } from '@/sandbox/carrier/core/label-pdf';
import { priceServices, zoneBetween } from '@/sandbox/carrier/core/rate-table';
import { deliverySchedule } from '@/sandbox/carrier/core/tracking-steps';
import { createFaultInjector } from '@/sandbox/carrier/faults/fault-injector';
import { faultProfileSchema } from '@/sandbox/carrier/faults/fault-profile';
import { decimalToCents } from '@/lib/shipping/carriers/money';

test('label PDF: header, xref offsets point at each object, text escaped', () => {
  const pdf = renderLabelPdf({
    carrier: 'USPS',
    service: 'Priority (2-day)',
    trackingNumber: 'SBX01234567890123456789',
    from: ['A \\ B'],
    to: ['Zoë Ltd', '1 Main St'],
  });
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  expect(offsets).toHaveLength(5);
  offsets.forEach((offset, index) => expect(text.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`));
  expect(text).toContain('(USPS Priority \\(2-day\\))');
  expect(text).toContain('(A \\\\ B)');
  expect(text).toContain('(Zo? Ltd)');
});

test('form decoding supports nested objects and arrays', () => {
  expect(
    decodeForm(
      'rate=abc&async=false&parcels[0][weight]=2&parcels[0][mass_unit]=lb&address_to[zip]=94103&tags[]=a&tags[]=b',
    ),
  ).toEqual({
    rate: 'abc',
    async: 'false',
    parcels: [{ weight: '2', mass_unit: 'lb' }],
    address_to: { zip: '94103' },
    tags: ['a', 'b'],
  });
});

test('rates are deterministic from weight and zone', () => {
  expect(zoneBetween('95122', '94103')).toBe(1);
  expect(zoneBetween('95122', '02108')).toBe(8);
  expect(
    priceServices(32, '95122', '94103').map((p) => [p.service.shippoToken, p.amountCents, p.estimatedDays]),
  ).toEqual([
    ['usps_ground_advantage', 545, 2],
    ['usps_priority', 960, 1],
    ['ups_next_day_air', 2970, 1],
  ]);
  expect(priceServices(32, '95122', '02108').map((p) => p.estimatedDays)).toEqual([5, 2, 1]);
});

test('delivery schedule for a 2-day service', () => {
  expect(deliverySchedule(2).map((s) => [s.kind, s.offsetMs / 3_600_000])).toEqual([
    ['label_created', 0],
    ['accepted', 6],
    ['arrived', 38],
    ['out_for_delivery', 44],
    ['delivered', 48],
  ]);
});

test('fault rules honour count and path globs', () => {
  const faults = createFaultInjector();
  faults.set(faultProfileSchema.parse({ rules: [{ path: '/v2/shipments/*/buy', status: 503, count: 1 }] }));
  expect(faults.decide('easypost', 'POST', '/v2/shipments/shp_1/buy').status?.code).toBe(503);
  expect(faults.decide('easypost', 'POST', '/v2/shipments/shp_1/buy').status).toBeUndefined();
  expect(faults.decide('easypost', 'POST', '/v2/shipments').status).toBeUndefined();
  expect(() => faultProfileSchema.parse({ rules: [{ status: 418 }] })).toThrow();
});

test('decimal amounts to cents without float drift', () => {
  expect(['7.90', '7.9', '7', '0.29', '1.005', '12.344'].map(decimalToCents)).toEqual([
    790, 790, 700, 29, 101, 1234,
  ]);
  expect(() => decimalToCents('7,90')).toThrow(RangeError);
});
