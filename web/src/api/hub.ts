import type { CurriculumView, MyOnboardingView, OnboardingProgressView, SetCurriculumBody } from '../../../common/contracts/curriculum.js';
import type {
  ArticleList,
  ArticleSearchResult,
  ArticleSummary,
  ArticleView,
  CreateArticleBody,
  UpdateArticleBody,
} from '../../../common/contracts/hub.js';
import { api } from './client.js';

// Types only: public pages must not pull the Zod schemas into their bundle.
export type {
  ArticleList,
  ArticleSearchResult,
  ArticleSummary,
  ArticleView,
  CreateArticleBody,
  CurriculumView,
  MyOnboardingView,
  OnboardingProgressView,
};

const enc = encodeURIComponent;

export interface ArticleListParams {
  kind?: string;
  topic?: string;
  tag?: string;
  sort?: 'newest' | 'oldest' | 'title';
  status?: 'published' | 'draft' | 'all';
  page?: number;
  pageSize?: number;
}

/** The address an opened article is fetched from; the volunteer service worker keeps these for offline reading. */
export const articleApiPath = (slug: string) => `/api/hub/articles/${enc(slug)}`;

export const listArticles = (q: ArticleListParams) => api.get<ArticleList>('/api/hub/articles', { ...q });
export const searchArticles = (q: ArticleListParams & { q: string }) => api.get<ArticleSearchResult>('/api/hub/search', { ...q });
export const getArticle = (slug: string) => api.get<ArticleView>(articleApiPath(slug));
export const createArticle = (body: CreateArticleBody) => api.post<ArticleView>('/api/hub/articles', body);
export const updateArticle = (id: string, body: UpdateArticleBody) => api.put<ArticleView>(`/api/hub/articles/${enc(id)}`, body);
export const publishArticle = (id: string) => api.post<ArticleView>(`/api/hub/articles/${enc(id)}/publish`);
export const unpublishArticle = (id: string) => api.post<ArticleView>(`/api/hub/articles/${enc(id)}/unpublish`);

export const getCurriculum = () => api.get<CurriculumView>('/api/volunteer-curriculum');
export const setCurriculum = (body: SetCurriculumBody) => api.put<CurriculumView>('/api/volunteer-curriculum', body);
export const getMyOnboarding = () => api.get<MyOnboardingView>('/api/volunteers/me/onboarding');
export const markArticleRead = (articleId: string) => api.put<MyOnboardingView>(`/api/volunteers/me/article-reads/${enc(articleId)}`, {});
export const getOnboardingProgress = (q: { area?: string; incomplete?: boolean; page?: number; pageSize?: number }) =>
  api.get<OnboardingProgressView>('/api/volunteer-onboarding', { ...q });
