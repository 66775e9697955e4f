import { credentials } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import type { HealthCheckResponse__Output } from '../src/grpc/generated/grpc/health/v1/HealthCheckResponse.js';
import { loadHealthProto } from '../src/grpc/loadProtos.js';
import { ENGINE_SERVICE_NAME } from '../src/index.js';
import { startEngineFixture } from './fixtures/engineFixture.js';

describe('grpc.health.v1 Watch', () => {
  it('streams SERVING, then NOT_SERVING when the engine shuts down', async () => {
    const fixture = await startEngineFixture({ shards: 1 });
    const Health = loadHealthProto().grpc.health.v1.Health;
    const health = new Health(`127.0.0.1:${fixture.engine.port}`, credentials.createInsecure());
    try {
      const call = health.Watch({ service: ENGINE_SERVICE_NAME });
      const statuses: string[] = [];
      const seen = new Promise<void>((resolve) => {
        call.on('data', (response: HealthCheckResponse__Output) => {
          statuses.push(response.status);
          if (response.status === 'SERVING') void fixture.close();
          if (response.status === 'NOT_SERVING') resolve();
        });
      });
      call.on('error', () => undefined);
      await seen;
      expect(statuses).toEqual(['SERVING', 'NOT_SERVING']);
    } finally {
      health.close();
      await fixture.close();
    }
  });
});
