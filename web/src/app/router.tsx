import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoader } from '../components/page-loader.js';
import { RequireSession } from '../components/require-session.js';
import { NotFoundPage, StatusPage } from '../components/status-page.js';
import { AppLayout } from './app-layout.js';

// Each page is its own chunk so a public visitor downloads only the shell and the page they open.
const LandingPage = lazy(() => import('../features/landing/landing-page.js'));
const LoginPage = lazy(() => import('../features/auth/login-page.js'));
const FrameworkPage = lazy(() => import('../features/framework/framework-page.js'));
const HomePage = lazy(() => import('../features/home/home-page.js'));
const AccountPage = lazy(() => import('../features/account/account-page.js'));
const FrameworkVersionsPage = lazy(() => import('../features/framework-admin/framework-versions-page.js'));
const FrameworkEditorPage = lazy(() => import('../features/framework-admin/framework-editor-page.js'));
const UsersPage = lazy(() => import('../features/users/users-page.js'));
const AuditPage = lazy(() => import('../features/audit/audit-page.js'));
const VerifyPage = lazy(() => import('../features/accreditation/verify-page.js'));
const VerifyFormPage = lazy(() => import('../features/accreditation/verify-page.js').then((m) => ({ default: m.VerifyFormPage })));
const ProviderRegisterPage = lazy(() => import('../features/accreditation/provider-register-page.js'));
const ProviderHomePage = lazy(() => import('../features/accreditation/provider-home-page.js'));
const CourseEditorPage = lazy(() => import('../features/accreditation/course-editor-page.js'));
const OfficerQueuePage = lazy(() => import('../features/accreditation/officer-queue-page.js'));
const OfficerCoursePage = lazy(() => import('../features/accreditation/officer-course-page.js'));
const OfficerProvidersPage = lazy(() => import('../features/accreditation/officer-providers-page.js'));
const OfficerReviewersPage = lazy(() => import('../features/accreditation/officer-reviewers-page.js'));
const OfficerDashboardPage = lazy(() => import('../features/accreditation/officer-dashboard-page.js'));
const ReviewerInboxPage = lazy(() => import('../features/accreditation/reviewer-inbox-page.js'));
const ReviewerApplyPage = lazy(() => import('../features/accreditation/reviewer-apply-page.js'));
const ReviewFormPage = lazy(() => import('../features/accreditation/review-form-page.js'));
const OutboxPage = lazy(() => import('../features/accreditation/outbox-page.js'));
const CatalogSearchPage = lazy(() => import('../features/catalog/search-page.js'));
const CatalogCoursePage = lazy(() => import('../features/catalog/course-page.js'));
const CatalogProviderPage = lazy(() => import('../features/catalog/provider-page.js'));
const CatalogDataPage = lazy(() => import('../features/catalog/data-page.js'));
const CourseRunsPage = lazy(() => import('../features/catalog/runs-page.js'));
const ShortlistPage = lazy(() => import('../features/catalog/shortlist-page.js'));
const CatalogImportPage = lazy(() => import('../features/catalog/import-page.js'));
const PlansPage = lazy(() => import('../features/plans/plans-page.js'));
const PlanPage = lazy(() => import('../features/plans/plan-page.js'));
const CohortPage = lazy(() => import('../features/plans/cohort-page.js'));
const DashboardPage = lazy(() => import('../features/dashboards/dashboard-page.js'));

// Who sees agency development plans (the server checks each plan's scope and state again).
const PLAN_READERS = ['agency_admin', 'agency_executive', 'central_monitor'];
const AgenciesPage = lazy(() => import('../features/people/agencies-page.js'));
const PeoplePage = lazy(() => import('../features/people/people-page.js'));
const PersonPage = lazy(() => import('../features/people/person-page.js'));
const PeopleImportPage = lazy(() => import('../features/people/import-page.js'));
const PeopleImportJobPage = lazy(() => import('../features/people/import-job-page.js'));
const MyDataPage = lazy(() => import('../features/people/my-data-page.js'));
const InvitationPage = lazy(() => import('../features/auth/invitation-page.js'));

// Who sees the agency and personnel pages (the server checks each record's scope again).
const PEOPLE_READERS = ['agency_admin', 'agency_executive', 'central_monitor', 'system_admin'];
const PEOPLE_MANAGERS = ['agency_admin', 'system_admin'];

const VolunteerRegisterPage = lazy(() => import('../features/volunteers/register-page.js'));
const VolunteerHomePage = lazy(() => import('../features/volunteers/home-page.js'));
const VolunteerQueuePage = lazy(() => import('../features/volunteers/queue-page.js'));
const VolunteerCoveragePage = lazy(() => import('../features/volunteers/coverage-page.js'));
const VolunteerCardPage = lazy(() => import('../features/volunteers/card-page.js'));

const COVERAGE_ROLES = ['volunteer_coordinator', 'central_monitor', 'system_admin'];

const HubPage = lazy(() => import('../features/hub/hub-page.js'));
const ArticlePage = lazy(() => import('../features/hub/article-page.js'));
const ArticleEditorPage = lazy(() => import('../features/hub/editor-page.js'));
const VolunteerOnboardingPage = lazy(() => import('../features/volunteers/onboarding-page.js'));
const HUB_AUTHORS = ['volunteer_coordinator', 'central_monitor', 'system_admin'];

const SkillProfilePage = lazy(() => import('../features/development/skill-profile-page.js'));
const PersonSkillProfilePage = lazy(() =>
  import('../features/development/skill-profile-page.js').then((m) => ({ default: m.PersonSkillProfilePage })),
);
const MyPlanPage = lazy(() => import('../features/development/plan-page.js'));
const PlanByIdPage = lazy(() => import('../features/development/plan-page.js').then((m) => ({ default: m.PlanByIdPage })));
const SupervisorPage = lazy(() => import('../features/development/supervisor-page.js'));
const LearningRecordsPage = lazy(() => import('../features/development/records-page.js'));
const SkillGapsPage = lazy(() => import('../features/development/heatmap-page.js'));
const CertificatesPage = lazy(() => import('../features/credentials/certificates-page.js'));
const VerifyCertificatePage = lazy(() => import('../features/credentials/verify-page.js'));

const FactCheckSearchPage = lazy(() => import('../features/factcheck/search-page.js'));
const FactCheckPage = lazy(() => import('../features/factcheck/check-page.js'));
const SubmitClaimPage = lazy(() => import('../features/factcheck/submit-page.js'));
const TrackClaimPage = lazy(() => import('../features/factcheck/track-page.js'));
const ClaimQueuePage = lazy(() => import('../features/factcheck/queue-page.js'));
const ClaimGroupPage = lazy(() => import('../features/factcheck/group-page.js'));

const MyAssessmentsPage = lazy(() => import('../features/assessment/my-assessments-page.js'));
const SelfAssessmentPage = lazy(() => import('../features/assessment/self-assessment-page.js'));
const TakeTestPage = lazy(() => import('../features/assessment/take-page.js'));
const AttemptResultPage = lazy(() => import('../features/assessment/result-page.js'));
const ItemBankPage = lazy(() => import('../features/assessment/items-page.js'));
const ItemEditorPage = lazy(() => import('../features/assessment/item-editor-page.js'));
const AssessmentBlueprintsPage = lazy(() => import('../features/assessment/blueprints-page.js'));
const BlueprintEditorPage = lazy(() => import('../features/assessment/blueprint-editor-page.js'));
const ItemStatsPage = lazy(() => import('../features/assessment/stats-page.js'));

const page = (node: ReactNode) => <Suspense fallback={<PageLoader />}>{node}</Suspense>;

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        // Inside the layout, so a failing page keeps the header and navigation.
        errorElement: <StatusPage kind="error" />,
        children: [
          { path: '/', element: page(<LandingPage />) },
          { path: '/login', element: page(<LoginPage />) },
          { path: '/framework', element: page(<FrameworkPage />) },
          { path: '/framework/:id', element: page(<FrameworkPage />) },
          { path: '/home', element: page(<RequireSession>{<HomePage />}</RequireSession>) },
          { path: '/account', element: page(<RequireSession>{<AccountPage />}</RequireSession>) },
          {
            path: '/admin/framework',
            element: page(<RequireSession ability="editFramework">{<FrameworkVersionsPage />}</RequireSession>),
          },
          {
            path: '/admin/framework/:id',
            element: page(<RequireSession ability="editFramework">{<FrameworkEditorPage />}</RequireSession>),
          },
          { path: '/admin/users', element: page(<RequireSession ability="manageUsers">{<UsersPage />}</RequireSession>) },
          { path: '/admin/audit', element: page(<RequireSession ability="readAudit">{<AuditPage />}</RequireSession>) },
          { path: '/verify', element: page(<VerifyFormPage />) },
          { path: '/verify/accreditation/:number', element: page(<VerifyPage />) },
          { path: '/provider/register', element: page(<ProviderRegisterPage />) },
          { path: '/provider', element: page(<RequireSession hasRole="provider_admin">{<ProviderHomePage />}</RequireSession>) },
          {
            path: '/provider/courses/new',
            element: page(<RequireSession hasRole="provider_admin">{<CourseEditorPage />}</RequireSession>),
          },
          {
            path: '/provider/courses/:id',
            element: page(<RequireSession hasRole="provider_admin">{<CourseEditorPage />}</RequireSession>),
          },
          {
            path: '/provider/courses/:id/runs',
            element: page(<RequireSession hasRole="provider_admin">{<CourseRunsPage />}</RequireSession>),
          },
          { path: '/officer', element: page(<RequireSession hasRole="accreditation_officer">{<OfficerQueuePage />}</RequireSession>) },
          {
            path: '/officer/courses/:id',
            element: page(<RequireSession hasRole="accreditation_officer">{<OfficerCoursePage />}</RequireSession>),
          },
          {
            path: '/officer/providers',
            element: page(<RequireSession hasRole="accreditation_officer">{<OfficerProvidersPage />}</RequireSession>),
          },
          {
            path: '/officer/reviewers',
            element: page(<RequireSession hasRole="accreditation_officer">{<OfficerReviewersPage />}</RequireSession>),
          },
          {
            path: '/officer/dashboard',
            element: page(<RequireSession hasRole="accreditation_officer">{<OfficerDashboardPage />}</RequireSession>),
          },
          { path: '/reviewer', element: page(<RequireSession hasRole="reviewer">{<ReviewerInboxPage />}</RequireSession>) },
          { path: '/reviewer/apply', element: page(<RequireSession>{<ReviewerApplyPage />}</RequireSession>) },
          { path: '/reviewer/assignments/:id', element: page(<RequireSession hasRole="reviewer">{<ReviewFormPage />}</RequireSession>) },
          { path: '/catalog', element: page(<CatalogSearchPage />) },
          { path: '/catalog/data', element: page(<CatalogDataPage />) },
          { path: '/catalog/courses/:id', element: page(<CatalogCoursePage />) },
          { path: '/catalog/providers/:id', element: page(<CatalogProviderPage />) },
          { path: '/agency/shortlist', element: page(<RequireSession hasRole="agency_admin">{<ShortlistPage />}</RequireSession>) },
          {
            path: '/officer/catalog-import',
            element: page(<RequireSession hasRole="accreditation_officer">{<CatalogImportPage />}</RequireSession>),
          },
          { path: '/outbox', element: page(<RequireSession>{<OutboxPage />}</RequireSession>) },
          { path: '/plans', element: page(<RequireSession hasRole={PLAN_READERS}>{<PlansPage />}</RequireSession>) },
          { path: '/plans/:id', element: page(<RequireSession hasRole={PLAN_READERS}>{<PlanPage />}</RequireSession>) },
          { path: '/cohorts/:id', element: page(<RequireSession hasRole={PLAN_READERS}>{<CohortPage />}</RequireSession>) },
          // Executives, HR and central monitors (the server checks the scope again).
          { path: '/dashboards', element: page(<RequireSession hasRole={PLAN_READERS}>{<DashboardPage />}</RequireSession>) },
          { path: '/agencies', element: page(<RequireSession hasRole={PEOPLE_READERS}>{<AgenciesPage />}</RequireSession>) },
          { path: '/people', element: page(<RequireSession hasRole={PEOPLE_READERS}>{<PeoplePage />}</RequireSession>) },
          { path: '/people/imports', element: page(<RequireSession hasRole={PEOPLE_MANAGERS}>{<PeopleImportPage />}</RequireSession>) },
          {
            path: '/people/imports/:id',
            element: page(<RequireSession hasRole={PEOPLE_MANAGERS}>{<PeopleImportJobPage />}</RequireSession>),
          },
          { path: '/people/:id', element: page(<RequireSession>{<PersonPage />}</RequireSession>) },
          { path: '/me/data', element: page(<RequireSession>{<MyDataPage />}</RequireSession>) },
          { path: '/invitation', element: page(<InvitationPage />) },
          { path: '/volunteers/register', element: page(<VolunteerRegisterPage />) },
          { path: '/volunteer', element: page(<RequireSession>{<VolunteerHomePage />}</RequireSession>) },
          {
            path: '/volunteers/queue',
            element: page(<RequireSession hasRole={['volunteer_coordinator', 'system_admin']}>{<VolunteerQueuePage />}</RequireSession>),
          },
          {
            path: '/volunteers/coverage',
            element: page(<RequireSession hasRole={COVERAGE_ROLES}>{<VolunteerCoveragePage />}</RequireSession>),
          },
          {
            path: '/volunteers/coverage/:area',
            element: page(<RequireSession hasRole={COVERAGE_ROLES}>{<VolunteerCoveragePage />}</RequireSession>),
          },
          { path: '/verify/volunteer/:token', element: page(<VolunteerCardPage />) },
          {
            path: '/volunteers/onboarding',
            element: page(<RequireSession hasRole={COVERAGE_ROLES}>{<VolunteerOnboardingPage />}</RequireSession>),
          },
          { path: '/hub', element: page(<HubPage />) },
          { path: '/hub/new', element: page(<RequireSession hasRole={HUB_AUTHORS}>{<ArticleEditorPage />}</RequireSession>) },
          { path: '/hub/:slug', element: page(<ArticlePage />) },
          { path: '/hub/:slug/edit', element: page(<RequireSession hasRole={HUB_AUTHORS}>{<ArticleEditorPage />}</RequireSession>) },
          // The same article inside the volunteer pages, where the service worker keeps it for offline reading.
          { path: '/volunteer/hub/:slug', element: page(<ArticlePage />) },
          { path: '/factcheck', element: page(<FactCheckSearchPage />) },
          { path: '/factcheck/submit', element: page(<SubmitClaimPage />) },
          { path: '/factcheck/track', element: page(<TrackClaimPage />) },
          { path: '/factcheck/track/:code', element: page(<TrackClaimPage />) },
          { path: '/factcheck/checks/:id', element: page(<FactCheckPage />) },
          { path: '/factcheck/queue', element: page(<RequireSession hasRole="fact_checker">{<ClaimQueuePage />}</RequireSession>) },
          { path: '/factcheck/queue/:id', element: page(<RequireSession hasRole="fact_checker">{<ClaimGroupPage />}</RequireSession>) },
          { path: '/me/skills', element: page(<RequireSession>{<SkillProfilePage />}</RequireSession>) },
          { path: '/people/:id/skills', element: page(<RequireSession>{<PersonSkillProfilePage />}</RequireSession>) },
          { path: '/me/development-plan', element: page(<RequireSession>{<MyPlanPage />}</RequireSession>) },
          { path: '/development/plans/:id', element: page(<RequireSession>{<PlanByIdPage />}</RequireSession>) },
          { path: '/supervisor', element: page(<RequireSession hasRole="supervisor">{<SupervisorPage />}</RequireSession>) },
          { path: '/me/learning-records', element: page(<RequireSession>{<LearningRecordsPage />}</RequireSession>) },
          { path: '/me/certificates', element: page(<RequireSession>{<CertificatesPage />}</RequireSession>) },
          {
            path: '/agency/skill-gaps',
            element: page(<RequireSession hasRole={['agency_admin', 'agency_executive']}>{<SkillGapsPage />}</RequireSession>),
          },
          { path: '/verify/certificate/:number', element: page(<VerifyCertificatePage />) },
          { path: '/assessments', element: page(<RequireSession hasRole="learner">{<MyAssessmentsPage />}</RequireSession>) },
          {
            path: '/self-assessment',
            element: page(
              <RequireSession hasRole={['learner', 'assessment_author', 'framework_admin']}>{<SelfAssessmentPage />}</RequireSession>,
            ),
          },
          { path: '/attempts/:id', element: page(<RequireSession hasRole="learner">{<TakeTestPage />}</RequireSession>) },
          { path: '/attempts/:id/result', element: page(<RequireSession hasRole="learner">{<AttemptResultPage />}</RequireSession>) },
          { path: '/assessment/items', element: page(<RequireSession hasRole="assessment_author">{<ItemBankPage />}</RequireSession>) },
          {
            path: '/assessment/items/:id',
            element: page(<RequireSession hasRole="assessment_author">{<ItemEditorPage />}</RequireSession>),
          },
          {
            path: '/assessment/blueprints',
            element: page(<RequireSession hasRole="assessment_author">{<AssessmentBlueprintsPage />}</RequireSession>),
          },
          {
            path: '/assessment/blueprints/:id',
            element: page(<RequireSession hasRole="assessment_author">{<BlueprintEditorPage />}</RequireSession>),
          },
          { path: '/assessment/stats', element: page(<RequireSession hasRole="assessment_author">{<ItemStatsPage />}</RequireSession>) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
