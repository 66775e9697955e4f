/**
 * Child process: one gateway under test, alone on its event loop so the load generator never
 * shares its thread. Sends `{ type: 'ready', url }`, stops on 'stop'.
 * Argument: JSON `GatewaySetup`.
 */
import { startGatewayUnderTest, type GatewaySetup } from './gatewaysUnderTest.js';

const setup = JSON.parse(process.argv[2] ?? '{}') as GatewaySetup;
const gateway = await startGatewayUnderTest(setup);
process.send?.({ type: 'ready', url: gateway.url });
process.on('message', (message) => {
  if (message !== 'stop') return;
  void gateway.stop().then(() => process.exit(0));
});
