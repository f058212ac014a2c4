import { Injectable } from '@nestjs/common';
import { DavHttpClient } from '../dav-http.client';
import { DavIdentity } from '../dav-identity';

const JSON_TYPE = 'application/json';

/** Body of `POST /itip` (events.md §2.6): bare addresses, `sequence` omitted when the message has none. */
export interface ItipDelivery {
  uid: string;
  sender: string;
  recipient: string;
  ical: string;
  method: string;
  sequence?: number;
}

/** `delivered` (204), or `undeliverable` (400: the DAV server does not deliver to that recipient locally). */
export type ItipDeliveryOutcome = 'delivered' | 'undeliverable';

/** esn-sabre's virtual iTIP endpoint (dav.md §5.8). */
@Injectable()
export class DavItipClient {
  constructor(private readonly http: DavHttpClient) {}

  /** `POST /itip` impersonating the recipient; any status but 204 and 400 is an error (`DavRequestError`). */
  async deliver(delivery: ItipDelivery): Promise<ItipDeliveryOutcome> {
    const request = {
      method: 'POST',
      path: '/itip',
      identity: DavIdentity.user(delivery.recipient),
      headers: { accept: JSON_TYPE, 'content-type': JSON_TYPE },
      body: JSON.stringify({
        uid: delivery.uid,
        sender: delivery.sender,
        recipient: delivery.recipient,
        ical: delivery.ical,
        method: delivery.method,
        ...(delivery.sequence !== undefined ? { sequence: delivery.sequence } : {}),
      }),
    };
    const response = await this.http.expect(request, [204, 400]);
    await response.body.dump().catch(() => undefined);
    return response.status === 204 ? 'delivered' : 'undeliverable';
  }
}
