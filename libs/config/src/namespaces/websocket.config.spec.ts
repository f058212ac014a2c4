import {
  ALL_CONFIGS,
  CROSS_CHECKS,
  ConfigDefinition,
  ConfigurationError,
  validateEnvironment,
} from '@app/config';
import { websocketConfig } from './websocket.config';

describe('websocket configuration', () => {
  it('has the defaults of config.md (ping 5 s) and bounded limits', () => {
    expect(websocketConfig.read({})).toEqual({
      pingIntervalMs: 5_000,
      maxSocketsPerUser: 20,
      sendBufferLimitBytes: 1024 * 1024,
      maxFrameBytes: 64 * 1024,
    });
  });

  it('reads a bare ping interval in seconds, sizes with units', () => {
    expect(
      websocketConfig.read({
        WEBSOCKET_PING_INTERVAL: '30',
        WEBSOCKET_MAX_SOCKETS_PER_USER: '3',
        WEBSOCKET_SEND_BUFFER_LIMIT: '256KiB',
        WEBSOCKET_MAX_FRAME_SIZE: '10',
      }),
    ).toEqual({
      pingIntervalMs: 30_000,
      maxSocketsPerUser: 3,
      sendBufferLimitBytes: 262_144,
      maxFrameBytes: 256,
    });
  });

  it('refuses a ping interval that is not > 0', () => {
    let error: unknown;
    try {
      validateEnvironment(
        ALL_CONFIGS as readonly ConfigDefinition[],
        { WEBSOCKET_PING_INTERVAL: '0' },
        CROSS_CHECKS,
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(
      (error as ConfigurationError).problems.some((problem) => problem.startsWith('WEBSOCKET_PING_INTERVAL')),
    ).toBe(true);
  });
});
