// Renders a simulated order as the 202309 order object (spec §6.4): strings for money and IDs, one line
// item per unit, and no recipient_address while the order is UNPAID or ON_HOLD.
import type { Sim } from '../sim';
import type { OrderStatus, SimOrder } from '../types';
import { orderDeadlines } from './create-orders';

const SALES_TAX_RATE = 0.0725;
const money = (cents: number) => (cents / 100).toFixed(2);

function lineItemDisplayStatus(status: OrderStatus): string {
  if (status === 'ON_HOLD' || status === 'PARTIALLY_SHIPPING') return 'AWAITING_SHIPMENT';
  return status;
}

function packageStatus(status: OrderStatus): string {
  switch (status) {
    case 'AWAITING_COLLECTION':
      return 'PROCESSING';
    case 'IN_TRANSIT':
      return 'FULFILLING';
    case 'DELIVERED':
    case 'COMPLETED':
      return 'COMPLETED';
    case 'CANCELLED':
      return 'CANCELLED';
    default:
      return 'TO_FULFILL';
  }
}

function recipientAddress(order: SimOrder) {
  const b = order.buyer;
  const line = [b.addressLine1, b.addressLine2].filter(Boolean).join(' ');
  return {
    name: `${b.firstName} ${b.lastName}`,
    first_name: b.firstName,
    last_name: b.lastName,
    phone_number: `(+1)${b.phone.slice(0, 3)}-***-${b.phone.slice(-4)}`,
    full_address: `${line}, ${b.city}, ${b.state}, ${b.postalCode}, United States`,
    address_detail: b.addressLine2,
    address_line1: b.addressLine1,
    address_line2: b.addressLine2,
    address_line3: '',
    address_line4: '',
    postal_code: b.postalCode,
    region_code: 'US',
    district_info: [
      { address_level: 'L0', address_level_name: 'Country', address_name: 'United States' },
      { address_level: 'L1', address_level_name: 'State', address_name: b.state },
      { address_level: 'L2', address_level_name: 'County', address_name: b.county },
      { address_level: 'L3', address_level_name: 'City', address_name: b.city },
    ],
  };
}

function payment(order: SimOrder) {
  const original = order.lineItems.reduce((sum, item) => sum + item.originalPriceCents, 0);
  const subTotal = order.lineItems.reduce((sum, item) => sum + item.salePriceCents, 0);
  const tax = Math.round(subTotal * SALES_TAX_RATE);
  return {
    currency: 'USD',
    original_total_product_price: money(original),
    seller_discount: money(original - subTotal),
    platform_discount: '0.00',
    sub_total: money(subTotal),
    original_shipping_fee: money(499),
    shipping_fee: money(order.shippingFeeCents),
    shipping_fee_seller_discount: '0.00',
    shipping_fee_platform_discount: money(499 - order.shippingFeeCents),
    tax: money(tax),
    product_tax: money(tax),
    shipping_fee_tax: '0.00',
    retail_delivery_fee: '0.00',
    total_amount: money(subTotal + order.shippingFeeCents + tax),
  };
}

export function renderOrder(sim: Sim, order: SimOrder) {
  const shop = sim.state.shops.get(order.shopId)!;
  const delivery = shop.deliveryOptions.find((option) => option.id === order.deliveryOptionId);
  const tracking = order.tracking;
  const hideAddress = order.status === 'UNPAID' || order.status === 'ON_HOLD';
  return {
    id: order.id,
    status: order.status,
    create_time: order.createTime,
    update_time: order.updateTime,
    paid_time: order.paidTime,
    user_id: order.buyer.userId,
    buyer_email: `${Buffer.from(order.buyer.userId).toString('base64url').slice(0, 10)}@scs.tiktokw.us`,
    buyer_message: order.buyerMessage,
    payment: payment(order),
    ...(hideAddress ? {} : { recipient_address: recipientAddress(order) }),
    line_items: order.lineItems.map((item) => ({
      id: item.id,
      sku_id: item.skuId,
      product_id: item.productId,
      product_name: item.productName,
      sku_name: item.skuName,
      seller_sku: item.sellerSku,
      sku_type: 'NORMAL',
      sale_price: money(item.salePriceCents),
      original_price: money(item.originalPriceCents),
      seller_discount: money(item.originalPriceCents - item.salePriceCents),
      platform_discount: '0.00',
      currency: 'USD',
      display_status: lineItemDisplayStatus(order.status),
      package_id: order.packageId,
      package_status: packageStatus(order.status),
      tracking_number: tracking?.number ?? '',
      shipping_provider_id: tracking?.providerId ?? '',
      shipping_provider_name: tracking?.providerName ?? '',
      ...(tracking ? { rts_time: tracking.shippedAt } : {}),
      ...(order.cancel ? { cancel_reason: order.cancel.reason, cancel_user: order.cancel.initiator } : {}),
      is_gift: false,
    })),
    packages: [{ id: order.packageId }],
    tracking_number: tracking?.number ?? '',
    shipping_provider: tracking?.providerName ?? '',
    shipping_provider_id: tracking?.providerId ?? '',
    shipping_type: 'SELLER',
    fulfillment_type: 'FULFILLMENT_BY_SELLER',
    delivery_option_id: order.deliveryOptionId,
    delivery_option_name: delivery?.name ?? 'Standard Shipping',
    delivery_type: 'HOME_DELIVERY',
    warehouse_id: order.warehouseId,
    is_cod: false,
    is_on_hold_order: hideAddress,
    is_sample_order: false,
    is_buyer_request_cancel: false,
    order_type: 'NORMAL',
    commerce_platform: 'TIKTOK_SHOP',
    payment_method_name: 'Credit card',
    has_updated_recipient_address: false,
    ...orderDeadlines(order),
    ...(tracking ? { rts_time: tracking.shippedAt } : {}),
    ...(order.collectionTime ? { collection_time: order.collectionTime } : {}),
    ...(order.deliveryTime ? { delivery_time: order.deliveryTime } : {}),
    ...(order.cancel
      ? {
          cancel_reason: order.cancel.reason,
          cancel_time: order.cancel.time,
          cancellation_initiator: order.cancel.initiator,
        }
      : {}),
  };
}
