import { Controller, Get, Header, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';

const PROTOCOL =
  'WebSocket push (rest-api.md §6.7). Open with `GET /ws?ticket=<value of POST /ws/ticket>` and an upgrade to ' +
  'WebSocket (a missing, unknown, used or expired ticket → 401; too many sockets of the user → 429). JSON text ' +
  'frames. On connect the server sends `{"calendarListRegistered":true}` (or `{"error":"default-subscriptions-failed"}`). ' +
  'Client frames: `{"register":[paths],"unregister":[paths]}` (paths `/calendars/{home}/{cal}` or ' +
  '`/addressbooks/{home}/{book}`) → `{"registered":[…],"notRegistered":{path:"Forbidden"|"NotFound"|"Internal Error"},' +
  '"unregistered":[…],"notUnregistered":{path:message}}`; `{"enableDisplayNotification":true|false}` → ' +
  '`{"displayNotificationEnabled":…}`; `{"type":"ping","timestamp":…}` → `{}`. Errors: ' +
  '`{"error":"Invalid Request"}`, `{"error":"Unsupported subscription resource: <x>"}`, ' +
  '`{"error":"register and unregister cannot contain duplicated entries"}`. Pushes: `{"/calendars/h/c":{"syncToken":…}}`, ' +
  '`{"/addressbooks/h/b":{"syncToken":…}}`, `{"calendarList":{"created"|"updated"|"deleted"|"delegated"|"subscribed":[path]}}`, ' +
  '`{"<target>":{"imports":{"<id>":{status,succeedCount,failedCount}}}}`, `{"bookingLinkStateChanged":true}`, ' +
  '`{"alarms":[{eventSummary,eventURL,eventStartTime}]}` (when enabled on that socket). The server pings every ' +
  '`WEBSOCKET_PING_INTERVAL`; frames above `WEBSOCKET_MAX_FRAME_SIZE` close the socket (1009), a client that does ' +
  'not read closes with 1013 once `WEBSOCKET_SEND_BUFFER_LIMIT` is queued.';

/**
 * `GET /ws` without an upgrade: the socket's documentation, and 426 (never the fallback proxy, which logs URLs).
 * The upgrade itself never reaches this route: the WebSocket adapter takes it on the server's `upgrade` event.
 */
@ApiTags('WebSocket')
@Controller('ws')
export class WebsocketHttpController {
  @Get()
  @ApiOperation({ summary: 'WebSocket push (upgrade required)', description: PROTOCOL })
  @ApiQuery({
    name: 'ticket',
    required: true,
    description: 'A ticket of POST /ws/ticket (single use, 1 minute)',
  })
  @ApiResponse({ status: 101, description: 'Switching protocols: the socket is open' })
  @ApiResponse({ status: 401, description: 'Missing, unknown, used or expired ticket (on upgrade)' })
  @ApiResponse({ status: 426, description: 'Not a WebSocket upgrade request' })
  @HttpCode(426)
  @Header('Upgrade', 'websocket')
  @Header('Connection', 'Upgrade')
  upgradeRequired(): void {}
}
