// Webhook body parsing: 64-bit IDs survive (official type-5 sample), topics are typed, bad input is refused.
import { parseWebhookBody, parseWebhookEvent } from '@/lib/tiktok';

const TYPE_5_SAMPLE = `{
  "type": 5,
  "tts_notification_id": "7327112393057371910",
  "shop_id": "7494049642642441621",
  "timestamp": 1644412885,
  "data": {
    "product_id": 576486316948490000,
    "status": "PRODUCT_FIRST_PASS_REVIEW",
    "suspended_reason": "",
    "update_time": 1644412885
  }
}`;

describe('parseWebhookBody', () => {
  it('keeps the official type-5 bare product_id exactly, as a string', () => {
    const body = parseWebhookBody(TYPE_5_SAMPLE) as { data: { product_id: unknown; update_time: unknown } };
    expect(body.data.product_id).toBe('576486316948490000');
    expect(body.data.update_time).toBe(1644412885);
  });

  it('keeps digits that JSON.parse would round', () => {
    const raw =
      '{"a":576486316948490001,"b":-9007199254740993,"c":9007199254740991,"d":1.5e300,"e":"123456789012345678901"}';
    expect(JSON.parse(raw).a).not.toBe(576486316948490001n.toString());
    expect(parseWebhookBody(raw)).toEqual({
      a: '576486316948490001',
      b: '-9007199254740993',
      c: 9007199254740991,
      d: 1.5e300,
      e: '123456789012345678901',
    });
  });

  it('leaves numbers inside strings (with escaped quotes) untouched', () => {
    const raw = '{"m":"say \\"12345678901234567890\\" twice","n":12345678901234567890}';
    expect(parseWebhookBody(raw)).toEqual({
      m: 'say "12345678901234567890" twice',
      n: '12345678901234567890',
    });
  });

  it('throws SyntaxError on invalid JSON', () => {
    expect(() => parseWebhookBody('{"a":')).toThrow(SyntaxError);
  });
});

describe('parseWebhookEvent', () => {
  it('types the type-5 sample as PRODUCT_STATUS_CHANGE with a string id', () => {
    const result = parseWebhookEvent(TYPE_5_SAMPLE);
    expect(result.ok).toBe(true);
    if (!result.ok || result.event.topic !== 'PRODUCT_STATUS_CHANGE') throw new Error('wrong topic');
    expect(result.event.data.product_id).toBe('576486316948490000');
    expect(result.event.shop_id).toBe('7494049642642441621');
  });

  it('parses the official W1 order status body and folds CANCEL into CANCELLED', () => {
    const w1 =
      '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
    const result = parseWebhookEvent(w1);
    if (!result.ok || result.event.topic !== 'ORDER_STATUS_CHANGE') throw new Error('not parsed');
    expect(result.event.data).toEqual({
      order_id: '576653688135258178',
      order_status: 'UNPAID',
      is_on_hold_order: true,
      update_time: 1718305585,
    });

    const cancel = parseWebhookEvent(w1.replace('"UNPAID"', '"CANCEL"'));
    expect(cancel.ok && cancel.event.topic === 'ORDER_STATUS_CHANGE' && cancel.event.data.order_status).toBe(
      'CANCELLED',
    );
  });

  it('types 7 with a numeric expiration_time and accepts a missing tts_notification_id', () => {
    const result = parseWebhookEvent(
      '{"type":7,"shop_id":"1","timestamp":1,"data":{"message":"soon","expiration_time":"1700000000"}}',
    );
    if (!result.ok || result.event.topic !== 'UPCOMING_AUTHORIZATION_EXPIRATION')
      throw new Error('not parsed');
    expect(result.event.data.expiration_time).toBe(1700000000);
    expect(result.event.tts_notification_id).toBeUndefined();
  });

  it('passes unknown types through as UNKNOWN', () => {
    const result = parseWebhookEvent(
      '{"type":999,"tts_notification_id":"1","shop_id":"2","timestamp":3,"data":{"x":1}}',
    );
    expect(result).toEqual({
      ok: true,
      event: {
        type: 999,
        tts_notification_id: '1',
        shop_id: '2',
        timestamp: 3,
        topic: 'UNKNOWN',
        data: { x: 1 },
      },
    });
  });

  it('refuses invalid JSON, a bad envelope and bad data for a known type', () => {
    expect(parseWebhookEvent('nope')).toEqual({ ok: false, error: 'body is not valid JSON' });
    expect(parseWebhookEvent('{"type":"1","shop_id":"1","timestamp":1}').ok).toBe(false);
    expect(
      parseWebhookEvent(
        '{"type":1,"shop_id":"1","timestamp":1,"data":{"order_id":"1","order_status":"LOST","update_time":1}}',
      ).ok,
    ).toBe(false);
  });
});
