import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, users } from '../../db/schema/index.js';

/** Users who administer a provider (they receive everything about its courses). */
export async function providerAdminIds(db: Db, providerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, 'provider_admin'),
        eq(roleGrants.scopeType, 'provider'),
        eq(roleGrants.scopeId, providerId),
        isNull(users.disabledAt),
      ),
    );
  return rows.map((r) => r.id);
}

/** Every active accreditation officer. */
export async function officerIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'accreditation_officer'), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}
