import { errorResponse } from '@/lib/errors/http';
import { filtersFromSearchParams, filtersToQueryString } from '@/lib/orders/hooks/order-keys';
import { summarize } from '@/lib/orders/queries/list-orders';
import { itemsPreview } from '@/lib/orders/queries/map-order-row';
import { likePattern } from '@/lib/orders/queries/order-filters';
import {
  listOrdersQuerySchema,
  orderIdsSchema,
  parseListOrdersQuery,
  searchParamsToRaw,
  splitIds,
} from '@/lib/orders/queries/schemas';

const parse = (query: string) => parseListOrdersQuery(new URLSearchParams(query));

describe('GET /api/orders query', () => {
  test('defaults', () => {
    expect(listOrdersQuerySchema.parse({})).toEqual({
      page: 1,
      limit: 25,
      status: [],
      workflow_status: [],
      priority: [],
      sort_by: 'order_date',
      sort_order: 'desc',
    });
  });

  test('lists may repeat, use [] or commas; dates bound whole UTC days', () => {
    const result = parse(
      'status=AWAITING_SHIPMENT&status[]=IN_TRANSIT,DELIVERED&workflow_status=failed&date_from=2026-11-01&date_to=2026-11-02&search=%20glow%20',
    );
    expect(result.success && result.data).toMatchObject({
      status: ['AWAITING_SHIPMENT', 'IN_TRANSIT', 'DELIVERED'],
      workflow_status: ['failed'],
      date_from: new Date('2026-11-01T00:00:00Z'),
      date_to: new Date('2026-11-03T00:00:00Z'),
      search: 'glow',
    });
    expect(parse('date_from=2026-11-01T10:00:00%2B02:00').data?.date_from).toEqual(
      new Date('2026-11-01T08:00:00Z'),
    );
  });

  test.each([
    ['limit above 100', 'limit=101', 'limit'],
    ['limit zero', 'limit=0', 'limit'],
    ['unknown TikTok status', 'status=SHIPPED', 'status.0'],
    ['unknown workflow status', 'workflow_status=done', 'workflow_status.0'],
    ['bad sort field', 'sort_by=buyer', 'sort_by'],
    ['bad date', 'date_from=yesterday', 'date_from'],
    ['reversed range', 'date_from=2026-11-05&date_to=2026-11-01', 'date_from'],
    ['page zero', 'page=0', 'page'],
  ])('rejects %s with the parameter named', (_label, query, path) => {
    const result = parse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  test('a rejected query becomes a 400 listing what was wrong', async () => {
    const response = errorResponse(
      listOrdersQuerySchema.safeParse(searchParamsToRaw(new URLSearchParams('limit=500'))).error,
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'limit' })]);
  });
});

describe('summary and rows', () => {
  test('the summary counts the status filter; the breakdown ignores it', () => {
    const summary = summarize(
      [
        { order_status: 'AWAITING_SHIPMENT', orders: 3, total_cents: 3000 },
        { order_status: 'CANCELLED', orders: 1, total_cents: 999 },
      ],
      ['AWAITING_SHIPMENT'],
    );
    expect(summary.total_orders).toBe(3);
    expect(summary.total_amount).toBe(30);
    expect(summary.status_breakdown).toMatchObject({ AWAITING_SHIPMENT: 3, CANCELLED: 1, IN_TRANSIT: 0 });
    expect(summarize([{ order_status: 'CANCELLED', orders: 1, total_cents: 999 }], []).total_amount).toBe(
      9.99,
    );
  });

  test('items preview shows two lines and counts the rest', () => {
    expect(itemsPreview(null)).toBe('');
    expect(itemsPreview(['A ×2'])).toBe('A ×2');
    expect(itemsPreview(['A ×2', 'B ×1', 'C ×1', 'D ×1'])).toBe('A ×2, B ×1 +2 more');
  });

  test('LIKE wildcards in a search are escaped', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('URL filters as query keys', () => {
  test('stable key: sorted, empty values dropped, repeated values kept', () => {
    const a = filtersFromSearchParams(
      new URLSearchParams('status=IN_TRANSIT&search=&priority=VIRAL&status=DELIVERED'),
    );
    const b = filtersFromSearchParams(
      new URLSearchParams('priority=VIRAL&status=IN_TRANSIT&status=DELIVERED'),
    );
    expect(a).toEqual({ priority: 'VIRAL', status: ['IN_TRANSIT', 'DELIVERED'] });
    expect(filtersToQueryString(a)).toBe(filtersToQueryString(b));
    expect(filtersToQueryString(a)).toBe('priority=VIRAL&status=IN_TRANSIT&status=DELIVERED');
  });

  test('pick-list ids: split, de-duplicated, validated, capped', () => {
    const id = '3f6c1a52-5d0c-4c0e-9a4e-0d3b2f1a7c11';
    expect(orderIdsSchema.parse(splitIds([`${id},${id}`]))).toEqual([id]);
    expect(orderIdsSchema.safeParse(splitIds('nope')).success).toBe(false);
    expect(orderIdsSchema.safeParse([]).success).toBe(false);
    expect(orderIdsSchema.safeParse(Array.from({ length: 201 }, () => id)).success).toBe(false);
  });
});
