import type { z } from 'zod';
import type { ListProvidersQuery, ProviderList, ProviderView } from '../../../common/contracts/accreditation.js';
import type {
  AccreditationVerification,
  CourseList,
  CourseView,
  CreateCourseBody,
  DecisionBody,
  HistoryList,
  ListSubmissionsQuery,
  ReviewList,
  RubricView,
  ScreenBody,
  SubmitReviewBody,
  UpdateCourseBody,
} from '../../../common/contracts/accreditation-courses.js';
import type { AccreditationDashboard } from '../../../common/contracts/accreditation-dashboard.js';
import type {
  ApplyAsReviewerBody,
  AssignmentView,
  MyAssignmentList,
  ProviderDetailView,
  RegisterProviderBody,
  RegisterProviderView,
  ReplaceAssignmentView,
  ReviewerDecisionBody,
  ReviewerList,
  ReviewerSuggestionsView,
  ReviewerView,
  VerifyProviderBody,
} from '../../../common/contracts/accreditation-registry.js';
import type { NotificationList, OutboxMessageView } from '../../../common/contracts/notifications.js';
import { api } from './client.js';

export type { CourseView, ProviderView, ReviewerView, AssignmentView, AccreditationDashboard };
export type Verification = z.infer<typeof AccreditationVerification>;
export type CourseSummaryList = z.infer<typeof CourseList>;
export type Suggestions = z.infer<typeof ReviewerSuggestionsView>;
export type Reviews = z.infer<typeof ReviewList>;
export type Rubric = z.infer<typeof RubricView>;
export type History = z.infer<typeof HistoryList>;
export type Notifications = z.infer<typeof NotificationList>;
export type OutboxMessage = z.infer<typeof OutboxMessageView>;
export type MyAssignment = z.infer<typeof MyAssignmentList>['items'][number];

const enc = encodeURIComponent;
const course = (id: string) => `/api/courses/${enc(id)}`;

// ---- public
export const verifyAccreditation = (number: string) => api.get<Verification>(`/api/accreditations/${enc(number)}`);

// ---- providers
export const registerProvider = (body: RegisterProviderBody) => api.post<z.infer<typeof RegisterProviderView>>('/api/providers', body);
export const getProvider = (id: string) => api.get<ProviderDetailView>(`/api/providers/${enc(id)}`);
export const listProviders = (query: { q?: string; status?: z.infer<typeof ListProvidersQuery>['status']; page?: number; pageSize?: number }) =>
  api.get<z.infer<typeof ProviderList>>('/api/providers', query);
export const verifyProvider = (id: string, body: VerifyProviderBody) =>
  api.post<ProviderDetailView>(`/api/providers/${enc(id)}/verification`, body);

// ---- courses
export const listCourses = (query: { state?: string; providerId?: string; page?: number; pageSize?: number } = {}) =>
  api.get<CourseSummaryList>('/api/courses', query);
export const getCourse = (id: string) => api.get<CourseView>(course(id));
export const createCourse = (body: CreateCourseBody) => api.post<CourseView>('/api/courses', body);
export const updateCourse = (id: string, body: UpdateCourseBody) => api.put<CourseView>(course(id), body);
export const uploadSyllabus = (id: string, file: Blob | ArrayBuffer) => api.putRaw<CourseView>(`${course(id)}/syllabus`, file, 'application/pdf');
export const syllabusUrl = (id: string) => `${course(id)}/syllabus`;
export const certificateUrl = (id: string) => `${course(id)}/certificate`;
export const submitCourse = (id: string) => api.post<CourseView>(`${course(id)}/submission`);
export const getSubmissionHistory = (id: string) => api.get<History>(`${course(id)}/history`);

// ---- officer
export const listSubmissions = (query: {
  state?: z.infer<typeof ListSubmissionsQuery>['state'];
  overdue?: 'true' | 'false';
  q?: string;
  providerId?: string;
  page?: number;
  pageSize?: number;
}) =>
  api.get<CourseSummaryList>('/api/submissions', query);
export const screenSubmission = (id: string, body: ScreenBody) => api.post<CourseView>(`${course(id)}/screening`, body);
export const decideSubmission = (id: string, body: DecisionBody) => api.post<CourseView>(`${course(id)}/decision`, body);
export const renewAccreditation = (id: string) => api.post<CourseView>(`${course(id)}/renewal`);
export const changeAccreditation = (id: string, action: 'suspension' | 'reinstatement' | 'revocation', reason: string) =>
  api.post<CourseView>(`${course(id)}/${action}`, { reason });
export const suggestReviewers = (id: string) => api.get<Suggestions>(`${course(id)}/reviewer-suggestions`);
export const assignReviewer = (id: string, reviewerId: string) => api.post<AssignmentView>(`${course(id)}/assignments`, { reviewerId });
export const replaceAssignment = (id: string, reviewerId: string) =>
  api.post<z.infer<typeof ReplaceAssignmentView>>(`/api/assignments/${enc(id)}/replacement`, { reviewerId });
export const listReviews = (id: string) => api.get<Reviews>(`${course(id)}/reviews`);
export const getDashboard = () => api.get<AccreditationDashboard>('/api/accreditation/dashboard');

// ---- reviewers
export const listReviewers = (query: { status?: string; page?: number; pageSize?: number }) =>
  api.get<z.infer<typeof ReviewerList>>('/api/reviewers', query);
export const approveReviewer = (id: string, body: ReviewerDecisionBody) => api.post<ReviewerView>(`/api/reviewers/${enc(id)}/decision`, body);
export const applyAsReviewer = (body: ApplyAsReviewerBody) => api.post<ReviewerView>('/api/reviewers', body);
export const getMyReviewer = () => api.get<ReviewerView>('/api/reviewers/me');
export const listMyAssignments = () => api.get<z.infer<typeof MyAssignmentList>>('/api/reviewers/me/assignments');
export const respondToAssignment = (id: string, body: { accept: boolean; reason?: string }) =>
  api.post<AssignmentView>(`/api/assignments/${enc(id)}/response`, body);
export const getActiveRubric = () => api.get<Rubric>('/api/rubrics/active');
export const submitReview = (assignmentId: string, body: SubmitReviewBody) => api.post<unknown>(`/api/assignments/${enc(assignmentId)}/review`, body);

// ---- notifications
export const listNotifications = () => api.get<Notifications>('/api/notifications');
export const markNotificationRead = (id: string) => api.post<unknown>(`/api/notifications/${enc(id)}/read`);
export const listOutbox = () => api.get<{ items: OutboxMessage[] }>('/api/outbox');
