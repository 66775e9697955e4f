/**
 * One measured burst of load with autocannon: fixed connections, each sending the next request
 * as soon as its previous answer arrives (closed loop). Latencies are taken from autocannon's
 * per-response event in fractional milliseconds (its own histogram rounds to whole ones).
 */
import autocannon from 'autocannon';
import { percentile } from '../percentiles.js';

export interface LoadSettings {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Stop after this many requests instead (warm-up: a count, so slow gateways warm as much). */
  readonly requests?: number;
}

export interface RoundResult {
  /** Complete (2xx) answers. */
  readonly answered: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Non-2xx answers, socket errors and timeouts: a valid round has none. */
  readonly failures: number;
}

export async function loadRound(settings: LoadSettings): Promise<RoundResult> {
  const latencies: number[] = [];
  let answered = 0;
  let failures = 0;
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: settings.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...settings.headers },
      body: settings.body,
      connections: settings.connections,
      duration: settings.durationSeconds,
      ...(settings.requests === undefined ? {} : { amount: settings.requests }),
    },
    (error, result) => (error ? failed(error as Error) : finished(result)),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) {
      answered++;
      latencies.push(responseTime);
    } else failures++;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    answered,
    requestsPerSecond: answered / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: failures + result.errors + result.timeouts,
  };
}
