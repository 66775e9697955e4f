// Original file: proto/engine.proto

export const Side = {
  SIDE_UNSPECIFIED: 'SIDE_UNSPECIFIED',
  BUY: 'BUY',
  SELL: 'SELL',
} as const;

export type Side =
  | 'SIDE_UNSPECIFIED'
  | 0
  | 'BUY'
  | 1
  | 'SELL'
  | 2

export type Side__Output = typeof Side[keyof typeof Side]
