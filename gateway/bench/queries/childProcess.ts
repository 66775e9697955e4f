/** Forks one of this folder's TypeScript entry points and waits for its `ready` message. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child<Ready> extends AsyncDisposable {
  /** The child's `ready` message. */
  readonly ready: Ready;
}

export async function startChild<Ready>(entry: string, argument: unknown): Promise<Child<Ready>> {
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [JSON.stringify(argument)], {
    execArgv: ['--import', 'tsx'],
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
    async [Symbol.asyncDispose]() {
      if (child.exitCode !== null) return;
      child.send('stop');
      const timeout = setTimeout(() => child.kill(), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
