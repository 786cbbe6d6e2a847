import type { z } from 'zod';
import type { AuditEntryView, AuditListView, ListAuditQuery } from '../../../common/contracts/audit.js';
import { api } from './client.js';

export type AuditEntry = z.infer<typeof AuditEntryView>;
export type AuditList = z.infer<typeof AuditListView>;

export const listAuditEntries = (query: Partial<z.infer<typeof ListAuditQuery>>) => api.get<AuditList>('/api/audit', query);
