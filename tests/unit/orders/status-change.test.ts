import { bulkChangeOrderStatusSchema, changeOrderStatusSchema } from '@/lib/orders/schemas';

describe('POST /api/orders/{id}/status body', () => {
  test('the seed contract: a target status, a reason and flags', () => {
    expect(changeOrderStatusSchema.parse({ status: 'cancelled', reason: 'buyer asked', notify_customer: false })).toEqual({
      target: { kind: 'status', status: 'cancelled' }, reason: 'buyer asked', notifyCustomer: false, syncToTiktok: true,
    });
  });

  test('or an action by name, which also covers hold and release', () => {
    expect(changeOrderStatusSchema.parse({ action: 'hold' }).target).toEqual({ kind: 'action', action: 'hold' });
  });

  test('exactly one of status and action; unknown values refused', () => {
    expect(changeOrderStatusSchema.safeParse({}).success).toBe(false);
    expect(changeOrderStatusSchema.safeParse({ status: 'cancelled', action: 'cancel' }).success).toBe(false);
    expect(changeOrderStatusSchema.safeParse({ status: 'teleported' }).success).toBe(false);
    expect(changeOrderStatusSchema.safeParse({ action: 'delete' }).success).toBe(false);
    expect(changeOrderStatusSchema.safeParse({ status: 'cancelled', reason: 'x'.repeat(501) }).success).toBe(false);
  });

  test('bulk: ids unique uuids, at most 500, batch size bounded', () => {
    const id = '6f1d3b0e-6f57-4f5e-9a64-3b9e1a2b7c10';
    expect(bulkChangeOrderStatusSchema.parse({ order_ids: [id], status: 'shipped' })).toMatchObject({ orderIds: [id], batchSize: 25, change: { target: { status: 'shipped' } } });
    expect(bulkChangeOrderStatusSchema.safeParse({ order_ids: [id, id], status: 'shipped' }).success).toBe(false);
    expect(bulkChangeOrderStatusSchema.safeParse({ order_ids: ['nope'], status: 'shipped' }).success).toBe(false);
    expect(bulkChangeOrderStatusSchema.safeParse({ order_ids: [id], status: 'shipped', batch_size: 0 }).success).toBe(false);
  });
});
