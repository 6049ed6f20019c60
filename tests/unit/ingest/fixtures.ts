import { orderSchema, type TikTokOrder } from '@/lib/tiktok';

/** A 202309 order as TikTok renders it (strings for money and ids, one line item per unit). */
export function tiktokOrder(overrides: Partial<Record<string, unknown>> = {}): TikTokOrder {
  const line = (id: string, skuId: string, price: string, name = 'Glow Serum 30ml') => ({
    id,
    sku_id: skuId,
    product_id: '1729592969712200001',
    product_name: name,
    sku_name: skuId.endsWith('1') ? 'Single 30ml' : 'Twin Pack',
    seller_sku: skuId.endsWith('1') ? 'GLOW-30ML' : 'GLOW-2PK',
    sale_price: price,
    original_price: '29.99',
    currency: 'USD',
    package_id: '1152921504606846977',
  });
  return orderSchema.parse({
    id: '576461413038785752',
    status: 'AWAITING_SHIPMENT',
    create_time: 1_700_000_000,
    update_time: 1_700_000_100,
    paid_time: 1_700_000_010,
    buyer_email: 'v2b2V5@scs.tiktokw.us',
    buyer_message: 'Gift wrap please',
    payment: {
      currency: 'USD',
      sub_total: '74.97',
      shipping_fee: '0.00',
      tax: '5.44',
      total_amount: '80.41',
    },
    recipient_address: {
      name: 'Maya Thompson',
      phone_number: '(+1)213-***-0143',
      full_address: '1842 Sunset Blvd Apt 4, Los Angeles, California, 90026, United States',
      address_line1: '1842 Sunset Blvd',
      address_line2: 'Apt 4',
      postal_code: '90026',
      region_code: 'US',
      district_info: [
        { address_level: 'L0', address_level_name: 'Country', address_name: 'United States' },
        { address_level: 'L1', address_level_name: 'State', address_name: 'California' },
        { address_level: 'L2', address_level_name: 'County', address_name: 'Los Angeles County' },
        { address_level: 'L3', address_level_name: 'City', address_name: 'Los Angeles' },
      ],
    },
    line_items: [
      line('580000000000000001', '1729593120470000001', '24.99'),
      line('580000000000000002', '1729593120470000002', '24.99'),
      line('580000000000000003', '1729593120470000001', '24.99'),
    ],
    packages: [{ id: '1152921504606846977' }],
    delivery_option_id: '7129736891211810600',
    warehouse_id: '7068517275539719900',
    rts_sla_time: 1_700_172_810,
    tracking_number: '',
    shipping_provider: '',
    ...overrides,
  });
}
