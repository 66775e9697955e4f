import type { Role } from '@mib/auth';
import type { Role as StoredRole } from '@mib/db';

/** The stored role (Prisma's TRADER/ANALYST/ADMIN) as the auth package names it. */
export const roleOf = (role: StoredRole): Role => {
  switch (role) {
    case 'TRADER':
      return 'trader';
    case 'ANALYST':
      return 'analyst';
    case 'ADMIN':
      return 'admin';
  }
};
