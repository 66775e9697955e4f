import type { RiskAlert } from '@mib/db';
import type { EventOf, TradingEvent } from '@mib/events';
import { SubscriberCount, type LiveEvents, type ReadModelProgress } from '@mib/subgraph-kit';
import { alertIdOf } from '../monitor/applyRiskEvent.js';

const isAlertOf = (userId: string) => (event: TradingEvent) =>
  event.type === 'risk.alert' && event.payload.accountId === userId;

/**
 * A user's risk alerts as they are raised, built from the `risk.alert` events themselves (the
 * row the monitor records has the same name-based id), each told once the monitor has recorded
 * it: a client that acknowledges an alert the moment it arrives must find it.
 */
export class LiveAlerts {
  readonly subscribers = new SubscriberCount();

  constructor(
    private readonly live: LiveEvents,
    private readonly progress: ReadModelProgress,
  ) {}

  /** Joins the bus now, so events published after start-up reach the first subscriber too. */
  async start(): Promise<void> {
    await this.live.start();
  }

  alertsOf(userId: string): AsyncIterableIterator<{ riskAlerts: RiskAlert }> {
    return this.subscribers.track(
      this.live.stream(isAlertOf(userId), async (event) => {
        await this.progress.until(event);
        return { riskAlerts: alertOf(event as EventOf<'risk.alert'>) };
      }),
    );
  }
}

function alertOf(event: EventOf<'risk.alert'>): RiskAlert {
  const { severity, kind, message } = event.payload;
  return {
    id: alertIdOf(event),
    // Not exposed: RiskAlert has no profile field.
    riskProfileId: '',
    severity,
    kind,
    message,
    acknowledged: false,
    createdAt: new Date(event.occurredAt),
  };
}
