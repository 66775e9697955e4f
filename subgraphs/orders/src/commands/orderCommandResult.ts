import type { EngineRejection } from '@mib/engine';

/** What an order command came to, as the schema's result unions want it. */
export type OrderCommandResult =
  | { readonly __typename: 'OrderAccepted' | 'OrderCancelled' | 'OrderAmended'; readonly orderId: string }
  | {
      readonly __typename: 'OrderRejected';
      readonly reason: string;
      readonly code: number;
      readonly message: string;
      /** Set when the rejected order was recorded (risk and matching rejections of a submit). */
      readonly orderId: string | null;
    };

export const rejected = (rejection: EngineRejection, orderId: string | null = null): OrderCommandResult => ({
  __typename: 'OrderRejected',
  reason: rejection.reason,
  code: rejection.code,
  message: rejection.message,
  orderId,
});

/**
 * Validation rejections (100–199: off-tick price, unknown symbol, …) say the request was
 * malformed for this instrument; risk (200–299) and matching (300–399) rejections are outcomes
 * of trading worth keeping in the user's order history.
 */
export const isTradingOutcome = (rejection: Pick<EngineRejection, 'code'>): boolean => rejection.code >= 200;
