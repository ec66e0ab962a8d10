import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookSignature } from './send-webhook.ts';

describe('webhook signatures', () => {
  it('given a secret and a raw body, when signed, then it is the hex HMAC-SHA256 with a sha256= prefix', () => {
    const body = '{"id":1,"topic":"order.confirmed"}';
    expect(webhookSignature('s3cret-value-1234', body)).toBe(`sha256=${createHmac('sha256', 's3cret-value-1234').update(body).digest('hex')}`);
  });

  it('given one changed byte or another secret, when signed, then the signature differs', () => {
    const sig = webhookSignature('secret-a-12345678', '{"a":1}');
    expect(webhookSignature('secret-a-12345678', '{"a":2}')).not.toBe(sig);
    expect(webhookSignature('secret-b-12345678', '{"a":1}')).not.toBe(sig);
  });

  it('given a body with Chinese text, when signed, then its UTF-8 bytes are signed', () => {
    const body = '{"m":"订单已确认"}';
    expect(webhookSignature('k-123456789012345', body)).toBe(`sha256=${createHmac('sha256', 'k-123456789012345').update(Buffer.from(body, 'utf8')).digest('hex')}`);
  });
});
