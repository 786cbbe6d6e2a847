import { z } from 'zod';

export const AgencyKind = z.enum(['ministry', 'department', 'division', 'unit', 'province', 'local']);

export const AgencyView = z.object({
  id: z.string(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: AgencyKind,
  parentId: z.string().nullable(),
  provinceCode: z.string().nullable(),
});
export type AgencyView = z.infer<typeof AgencyView>;

export const ListAgenciesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  parentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const AgencyList = z.object({ items: z.array(AgencyView), total: z.number(), page: z.number(), pageSize: z.number() });
