/**
 * The bench's processes: the parent forks this folder's TypeScript entry points (`startChild`),
 * each child announces itself with a `ready` message and answers the parent's control messages
 * (`answerParent`): 'cpu' (its CPU time so far) and 'stop'.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child<Ready> extends AsyncDisposable {
  /** The child's `ready` message. */
  readonly ready: Ready;
  /** CPU time (user + system) the child has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
}

export async function startChild<Ready>(entry: string, argument: unknown): Promise<Child<Ready>> {
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [JSON.stringify(argument)], {
    // As deployed: libraries drop development-only work (graphql-js's cross-realm instanceof
    // checks, Prisma's call-site capture on every query), for every gateway and subgraph alike.
    env: { ...process.env, NODE_ENV: 'production' },
    // BENCH_CPU_PROF_DIR=<dir>: every child writes a V8 CPU profile there when it stops;
    // BENCH_NODE_ARGS: more flags for every child (`--trace-gc`, `--max-semi-space-size=64`).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
      ...(process.env['BENCH_CPU_PROF_DIR']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF_DIR']}`]
        : []),
    ],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message: { type: string } & Ready) => {
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`${entry}: unexpected first message ${JSON.stringify(message)}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
  });
  return {
    ready,
    cpuMicros: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string; micros?: number }) => {
          if (message.type !== 'cpu') return;
          child.off('message', onMessage);
          resolve(message.micros ?? Number.NaN);
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
    async [Symbol.asyncDispose]() {
      if (child.exitCode !== null) return;
      child.send('stop');
      const timeout = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** In a child: announces `ready`, then answers 'cpu' and runs `stop` on 'stop' before exiting. */
export function answerParent(ready: Record<string, unknown>, stop: () => Promise<void>): void {
  process.send?.({ type: 'ready', ...ready });
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: user + system });
    } else if (message === 'stop') void stop().then(() => process.exit(0));
  });
}
