import { WsAdapter } from '@nestjs/platform-ws';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { WebSocket } from 'ws';

/**
 * The `ws` adapter of the REST server's WebSocket gateways. The push gateway reads its frames itself (its protocol
 * is not Nest's `{event, data}`), so sockets without message handlers get no per-socket message pipeline at all:
 * an idle socket costs less memory.
 */
export class PushWsAdapter extends WsAdapter {
  override bindMessageHandlers(
    client: WebSocket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    if (handlers.length === 0) return;
    super.bindMessageHandlers(client, handlers, transform);
  }
}
