import type { z } from 'zod';
import type {
  CatalogCourseSummary,
  CatalogCourseView,
  CatalogProviderView,
  CompletionsResult,
  CourseRunBody,
  CourseRunList,
  CourseRunView,
  FacetName,
  FacetValue,
  ImportReport,
  RateCourseBody,
  SearchCoursesQuery,
  SearchResult,
  ShortlistBody,
  ShortlistView,
  SuggestionList,
  TextPart,
  UpdateCourseRunBody,
} from '../../../common/contracts/catalog.js';
import { api, buildUrl } from './client.js';

// Types only: the public search page must not pull the Zod schemas into its bundle.
export type {
  CatalogCourseSummary,
  CatalogCourseView,
  CourseRunBody,
  CourseRunView,
  FacetName,
  FacetValue,
  ImportReport,
  RateCourseBody,
  SearchResult,
  TextPart,
  UpdateCourseRunBody,
};
export type CatalogProvider = z.infer<typeof CatalogProviderView>;
export type Suggestion = z.infer<typeof SuggestionList>['items'][number];
export type Shortlist = z.infer<typeof ShortlistView>;
export type ShortlistEntry = Shortlist['items'][number];
export type Completions = z.infer<typeof CompletionsResult>;

/** The search query as it travels in a URL: lists may repeat, everything else is one value. */
export type SearchParams = Partial<Omit<SearchCoursesQuery, 'page' | 'pageSize'>> & { page?: number; pageSize?: number };

const enc = encodeURIComponent;
const course = (id: string) => `/api/catalog/courses/${enc(id)}`;

/** Lists are sent comma-separated (`skillArea=DL,DS`), which the contract accepts like repeated keys. */
function toQuery(p: SearchParams): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) out[k] = v.join(',');
    } else out[k] = v as string | number;
  }
  return out;
}

// ---- public
export const searchCourses = (p: SearchParams) => api.get<SearchResult>('/api/catalog/courses', toQuery(p));
export const suggestCourses = (q: string) => api.get<z.infer<typeof SuggestionList>>('/api/catalog/suggestions', { q });
export const getCatalogCourse = (id: string) => api.get<CatalogCourseView>(course(id));
export const getCatalogProvider = (id: string) => api.get<CatalogProvider>(`/api/catalog/providers/${enc(id)}`);
export const exportUrl = (format: 'csv' | 'xlsx') => buildUrl('/api/catalog/export', { format });
export const OPEN_COURSES_URL = '/api/open/courses';
export const DICTIONARY_URL = '/api/open/dictionary';

// ---- signed-in readers
export const rateCourse = (id: string, body: RateCourseBody) => api.post<{ ok: true }>(`${course(id)}/rating`, body);
export const shortlistCourse = (id: string, body: ShortlistBody) => api.post<{ ok: true }>(`${course(id)}/shortlist`, body);
export const getShortlist = (agencyId: string) => api.get<Shortlist>(`/api/agencies/${enc(agencyId)}/shortlist`);
export const removeFromShortlist = (agencyId: string, courseId: string) =>
  api.delete<{ ok: true }>(`/api/agencies/${enc(agencyId)}/shortlist/${enc(courseId)}`);

// ---- provider: runs and completions
export const listCourseRuns = (id: string) => api.get<z.infer<typeof CourseRunList>>(`${course(id)}/runs`);
export const createCourseRun = (id: string, body: CourseRunBody) => api.post<CourseRunView>(`${course(id)}/runs`, body);
export const updateCourseRun = (id: string, runId: string, body: UpdateCourseRunBody) =>
  api.put<CourseRunView>(`${course(id)}/runs/${enc(runId)}`, body);
export const recordCompletions = (id: string, runId: string, body: { emails: string[]; completedOn: string }) =>
  api.post<Completions>(`${course(id)}/runs/${enc(runId)}/completions`, body);

// ---- officer: import of courses accredited before the platform
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import expects, from the file's name (browsers often send CSV as application/vnd.ms-excel or nothing). */
export function importContentType(file: { name: string; type: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (file.type === 'text/csv' || file.type === XLSX_TYPE) return file.type;
  return null;
}

export const importCourses = (file: Blob, contentType: string, dryRun: boolean) =>
  api.postRaw<ImportReport>(buildUrl('/api/catalog/imports', { dryRun: String(dryRun) }), file, contentType);
