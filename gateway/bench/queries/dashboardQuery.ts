/**
 * The operation every gateway is measured on: the SDK's `AccountOverview` (user → portfolio
 * positions → instrument quotes → risk profile and alerts → orders and trades), crossing all five
 * subgraphs; the end-to-end tests run the same document.
 */
import { print } from 'graphql';
import { AccountOverviewDocument } from '@mib/sdk';
import { DEMO_TRADER_ID } from '@mib/db';

export const DASHBOARD = print(AccountOverviewDocument);

/** The POST body sent by every virtual client (the same bytes for every gateway). */
export const dashboardBody = JSON.stringify({
  operationName: 'AccountOverview',
  query: DASHBOARD,
  variables: { id: DEMO_TRADER_ID },
});

/**
 * Throws unless `body` is a complete dashboard: a gateway that answers fast with errors (an
 * unsigned subgraph call, a missing scope) must not pass for a fast gateway.
 */
export function assertDashboard(body: string): void {
  const response = JSON.parse(body) as {
    errors?: unknown[];
    data?: {
      user?: {
        portfolio?: { positions: { edges: { node: { instrument: { quote: unknown } } }[] } } | null;
        riskProfile?: unknown;
        orders?: { edges: unknown[] };
      } | null;
    };
  };
  if (response.errors) throw new Error(`dashboard answered with errors: ${JSON.stringify(response.errors)}`);
  const user = response.data?.user;
  const positions = user?.portfolio?.positions.edges ?? [];
  if (
    !user ||
    positions.length === 0 ||
    positions.some((edge) => !edge.node.instrument.quote) ||
    !user.riskProfile ||
    !user.orders?.edges.length
  )
    throw new Error(`dashboard incomplete: ${body.slice(0, 300)}`);
}
