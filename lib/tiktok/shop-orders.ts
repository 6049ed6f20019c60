// Order reads: search (catch-up polling by update_time) and detail by id.
import { MAX_ORDER_IDS_PER_DETAIL_CALL, type TikTokOrderStatus } from './constants';
import { callShopApi, type ShopCallContext } from './call-shop-api';
import { orderDetailDataSchema, orderSearchDataSchema, type TikTokOrder } from './order-schema';
import { pageQuery, pathId, toUnixSeconds, type Page, type PageRequest } from './request-helpers';

export interface OrderSearchFilters {
  orderStatus?: TikTokOrderStatus;
  createTimeGe?: Date;
  createTimeLt?: Date;
  updateTimeGe?: Date;
  updateTimeLt?: Date;
  shippingType?: 'TIKTOK' | 'SELLER';
  buyerUserId?: string;
  isBuyerRequestCancel?: boolean;
  warehouseIds?: string[];
}

export interface SearchOrdersInput extends PageRequest {
  filters?: OrderSearchFilters;
  sortField?: 'create_time' | 'update_time';
  sortOrder?: 'ASC' | 'DESC';
}

export function orderCalls(ctx: ShopCallContext) {
  return {
    async searchOrders(input: SearchOrdersInput = {}): Promise<Page<TikTokOrder>> {
      const path = '/order/202309/orders/search';
      const f = input.filters ?? {};
      const body = {
        order_status: f.orderStatus,
        create_time_ge: toUnixSeconds(f.createTimeGe),
        create_time_lt: toUnixSeconds(f.createTimeLt),
        update_time_ge: toUnixSeconds(f.updateTimeGe),
        update_time_lt: toUnixSeconds(f.updateTimeLt),
        shipping_type: f.shippingType,
        buyer_user_id: f.buyerUserId,
        is_buyer_request_cancel: f.isBuyerRequestCancel,
        warehouse_ids: f.warehouseIds,
      };
      const query = { ...pageQuery(input), sort_field: input.sortField, sort_order: input.sortOrder };
      const data = await callShopApi(
        ctx,
        { method: 'POST', path, endpoint: `POST ${path}`, withShopCipher: true, query, body },
        orderSearchDataSchema,
      );
      return {
        items: data.orders,
        nextPageToken: data.next_page_token || undefined,
        totalCount: data.total_count ?? data.orders.length,
      };
    },

    /** Up to 50 orders by id; callers batch larger sets. Unknown ids are simply absent from the result. */
    async getOrderDetails(ids: readonly string[]): Promise<TikTokOrder[]> {
      if (ids.length > MAX_ORDER_IDS_PER_DETAIL_CALL) {
        throw new RangeError(
          `getOrderDetails takes at most ${MAX_ORDER_IDS_PER_DETAIL_CALL} ids, got ${ids.length}`,
        );
      }
      if (ids.length === 0) return [];
      const path = '/order/202309/orders';
      const query = { ids: ids.map((orderId) => pathId('order id', orderId)).join(',') };
      const data = await callShopApi(
        ctx,
        { method: 'GET', path, endpoint: `GET ${path}`, withShopCipher: true, query },
        orderDetailDataSchema,
      );
      return data.orders;
    },
  };
}
