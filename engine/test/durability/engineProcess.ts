/**
 * The engine as a child process (`src/main.ts` under tsx), for tests that kill it. Ready is the
 * "engine started" log line carrying the bound port: no sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { EngineClient } from '../../src/index.js';

const engineDir = fileURLToPath(new URL('../..', import.meta.url));

export interface EngineProcess {
  readonly client: EngineClient;
  readonly port: number;
  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  kill(): Promise<void>;
}

/** Starts `src/main.ts` with `env` added and waits (up to `timeoutMs`) for its port line. */
export async function startEngineProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: engineDir,
    env: { ...process.env, ENGINE_PORT: '0', ENGINE_HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await portLine(child, timeoutMs);
  const client = new EngineClient(`127.0.0.1:${port}`);
  return {
    client,
    port,
    async kill() {
      client.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function portLine(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    let buffered = '';
    const timer = setTimeout(
      () => fail(new Error(`engine did not report its port within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const parsed = parseLine(line);
        if (parsed?.msg === 'engine started' && typeof parsed.port === 'number') {
          clearTimeout(timer);
          resolve(parsed.port);
        }
      }
    });
    child.once('exit', (code, signal) =>
      fail(new Error(`engine exited (${code ?? signal}) before reporting its port:\n${output}`)),
    );
  });
}

function parseLine(line: string): { msg?: unknown; port?: unknown } | undefined {
  try {
    return JSON.parse(line) as { msg?: unknown; port?: unknown };
  } catch {
    return undefined;
  }
}
