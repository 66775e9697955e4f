/**
 * Child process: one gateway under test, alone on its event loop so the load generator never
 * shares its thread. Announces `{ type: 'ready', url }`.
 * Argument: JSON `GatewaySetup`.
 */
import { answerParent } from './childProcess.js';
import { startGatewayUnderTest, type GatewaySetup } from './gatewaysUnderTest.js';

// tsx turns source maps on; with them every `new Error().stack` is mapped, and libraries that
// read stacks per request (make-fetch-happen's agent, Prisma's call sites) pay milliseconds.
// Off, as in a compiled deployment, for every process of the bench alike.
process.setSourceMapsEnabled(false);
const setup = JSON.parse(process.argv[2] ?? '{}') as GatewaySetup;
const gateway = await startGatewayUnderTest(setup);
answerParent({ url: gateway.url }, () => gateway.stop());
