import type { z } from 'zod';
import type { PlatformInfo as PlatformInfoSchema } from '../../../common/contracts/platform.js';
import { api } from './client.js';

export type PlatformInfo = z.infer<typeof PlatformInfoSchema>;
export type DemoAccount = NonNullable<PlatformInfo['demoAccounts']>[number];

/** getPlatformInfo: the version, and the demo accounts when this installation loaded the demo dataset. */
export const getPlatformInfo = () => api.get<PlatformInfo>('/api/info');
