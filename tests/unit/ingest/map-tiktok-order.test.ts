import { aggregateLineItems, mapRecipient, mapTikTokOrder, toStateCode } from '@/lib/orders/ingest';
import { tiktokOrder } from './fixtures';

describe('mapTikTokOrder', () => {
  test('aggregates one-line-per-unit into one item per SKU with its quantity and every line id', () => {
    const snapshot = mapTikTokOrder(tiktokOrder());
    expect(snapshot.items).toEqual([
      expect.objectContaining({
        tiktokSkuId: '1729593120470000001',
        sellerSku: 'GLOW-30ML',
        skuName: 'Single 30ml',
        quantity: 2,
        unitPriceCents: 2499,
        lineItemIds: ['580000000000000001', '580000000000000003'],
      }),
      expect.objectContaining({ tiktokSkuId: '1729593120470000002', quantity: 1, lineItemIds: ['580000000000000002'] }),
    ]);
  });

  test('converts every amount string to integer cents without float drift', () => {
    const snapshot = mapTikTokOrder(tiktokOrder());
    expect(snapshot).toMatchObject({ currency: 'USD', subtotalCents: 7497, shippingFeeCents: 0, taxCents: 544, totalCents: 8041 });
  });

  test('maps the recipient with the USPS state code, city from district level 3, masked phone', () => {
    expect(mapTikTokOrder(tiktokOrder()).recipient).toEqual({
      name: 'Maya Thompson',
      phone: '(+1)213-***-0143',
      addressLine1: '1842 Sunset Blvd',
      addressLine2: 'Apt 4',
      city: 'Los Angeles',
      state: 'CA',
      postalCode: '90026',
      country: 'US',
      fullAddress: '1842 Sunset Blvd Apt 4, Los Angeles, California, 90026, United States',
    });
  });

  test('keeps TikTok ids, deadlines and buyer fields', () => {
    const snapshot = mapTikTokOrder(tiktokOrder());
    expect(snapshot).toMatchObject({
      tiktokOrderId: '576461413038785752',
      orderStatus: 'AWAITING_SHIPMENT',
      updateTime: 1_700_000_100,
      packageId: '1152921504606846977',
      deliveryOptionId: '7129736891211810600',
      warehouseId: '7068517275539719900',
      buyerEmail: 'v2b2V5@scs.tiktokw.us',
      buyerMessage: 'Gift wrap please',
      trackingNumber: null,
      shippingProvider: null,
    });
    expect(snapshot.dispatchDeadline).toEqual(new Date(1_700_172_810 * 1000));
    expect(snapshot.paidAt).toEqual(new Date(1_700_000_010 * 1000));
    expect(snapshot.tiktokCreatedAt).toEqual(new Date(1_700_000_000 * 1000));
  });

  test('an order still on hold has no recipient (TikTok hides it) and CANCEL reads as CANCELLED', () => {
    const onHold = mapTikTokOrder(tiktokOrder({ status: 'ON_HOLD', recipient_address: undefined }));
    expect(onHold.recipient).toBeNull();
    const cancelled = mapTikTokOrder(tiktokOrder({ status: 'CANCEL', cancel_time: 1_700_000_500 }));
    expect(cancelled.orderStatus).toBe('CANCELLED');
    expect(cancelled.cancelledAt).toEqual(new Date(1_700_000_500 * 1000));
  });

  test('without sub_total or tax the totals come from the lines and the tax parts', () => {
    const order = tiktokOrder({ payment: { currency: 'USD', total_amount: '80.41', product_tax: '5.00', shipping_fee_tax: '0.44' } });
    expect(mapTikTokOrder(order)).toMatchObject({ subtotalCents: 7497, taxCents: 544, shippingFeeCents: 0 });
  });
});

describe('aggregateLineItems', () => {
  test('averages a SKU sold at different prices in one order', () => {
    const order = tiktokOrder();
    const lines = order.line_items.map((line, index) => (index === 2 ? { ...line, sale_price: '20.00' } : line));
    const [first] = aggregateLineItems(lines);
    expect(first).toMatchObject({ quantity: 2, unitPriceCents: Math.round((2499 + 2000) / 2) });
  });
});

describe('recipient details', () => {
  test('a UK address takes post_town and keeps its region name', () => {
    const recipient = mapRecipient({
      name: 'Ada L',
      address_line1: '1 High St',
      postal_code: 'SW1A 1AA',
      region_code: 'GB',
      post_town: 'London',
      district_info: [{ address_level: 'L1', address_name: 'England' }],
    });
    expect(recipient).toMatchObject({ city: 'London', state: 'England', country: 'GB', postalCode: 'SW1A 1AA' });
  });

  test('US state names become codes; codes and other countries pass through', () => {
    expect(toStateCode('New York', 'US')).toBe('NY');
    expect(toStateCode('tx', 'US')).toBe('TX');
    expect(toStateCode('District of Columbia', 'us')).toBe('DC');
    expect(toStateCode('Bavaria', 'DE')).toBe('Bavaria');
  });
});
