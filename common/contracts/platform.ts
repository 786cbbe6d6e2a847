import { z } from 'zod';

export const PlatformInfo = z.object({
  version: z.string(),
  /** The demo accounts, when this installation loaded the demo dataset; null otherwise (always in production). */
  demoAccounts: z.array(z.object({ email: z.string(), roleTh: z.string(), roleEn: z.string() })).nullable(),
  demoPassword: z.string().nullable(),
});
