import { Prisma } from '@mib/db';

/**
 * Wide enough for the exact product of two NUMERIC(20,8) values; Prisma's own Decimal keeps 20
 * significant digits and would round a notional just above a limit down onto it.
 */
export const ExactDecimal = Prisma.Decimal.clone({ precision: 40 });
