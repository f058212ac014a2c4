import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsDurationText, IsIntText, IsSizeText } from '../env-validators';
import { readDurationMs, readInt, readSize } from '../env-readers';

class WebsocketEnv {
  @IsOptional() @IsDurationText('s', { positive: true }) WEBSOCKET_PING_INTERVAL?: string;
  @IsOptional() @IsIntText(1, 10_000) WEBSOCKET_MAX_SOCKETS_PER_USER?: string;
  @IsOptional() @IsSizeText() WEBSOCKET_SEND_BUFFER_LIMIT?: string;
  @IsOptional() @IsSizeText() WEBSOCKET_MAX_FRAME_SIZE?: string;
}

export interface WebsocketConfig {
  /** Server ping (and dead-peer detection) period of `GET /ws` (config.md `websocket.ping.interval`). */
  pingIntervalMs: number;
  /** Open sockets one user may hold on one node; more are closed at once (1008). */
  maxSocketsPerUser: number;
  /** Bytes waiting to be sent to one socket beyond which it is closed (1013): a slow client cannot grow memory. */
  sendBufferLimitBytes: number;
  /** Largest client frame accepted; a larger one closes the socket (1009). */
  maxFrameBytes: number;
}

export const websocketConfig = defineConfig('websocket', WebsocketEnv, (env): WebsocketConfig => ({
  pingIntervalMs: readDurationMs(env, 'WEBSOCKET_PING_INTERVAL', 's', 5_000),
  maxSocketsPerUser: readInt(env, 'WEBSOCKET_MAX_SOCKETS_PER_USER', 20),
  sendBufferLimitBytes: Math.max(1024, readSize(env, 'WEBSOCKET_SEND_BUFFER_LIMIT', 1024 * 1024)),
  maxFrameBytes: Math.max(256, readSize(env, 'WEBSOCKET_MAX_FRAME_SIZE', 64 * 1024)),
}));
