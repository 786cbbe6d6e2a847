import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { closePdfBrowser } from './lib/pdf.js';
import { securityHeaders } from './lib/security-headers.js';
import { accreditationRoutes } from './modules/accreditation/routes.js';
import { assessmentRoutes } from './modules/assessment/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { credentialRoutes } from './modules/credentials/routes.js';
import { dashboardRoutes } from './modules/dashboards/routes.js';
import { developmentRoutes } from './modules/development/routes.js';
import { factcheckRoutes } from './modules/factcheck/routes.js';
import { frameworkRoutes } from './modules/framework/routes.js';
import { hubRoutes } from './modules/hub/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { planRoutes } from './modules/plans/routes.js';
import { platformRoutes } from './modules/platform/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { curriculumRoutes, volunteerRoutes } from './modules/volunteers/routes.js';
import { registerAuth, SECURITY_SCHEMES } from './plugins/auth.js';
import { registerErrorHandling, sendProblem } from './plugins/errors.js';
import { registerObservability } from './plugins/observability.js';
import { registerWeb } from './plugins/web.js';

declare module 'fastify' {
  interface FastifyInstance {
    thaksaConfig: Config;
    database: Database;
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** The whole server, without listening: main.ts listens, tests inject. */
export async function buildApp({ config, database, serveWeb = true }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID()),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('thaksaConfig', config);
  app.addHook('onClose', () => closePdfBrowser());
  app.decorate('database', database);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerErrorHandling(app);
  securityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    hsts: config.isProduction,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Thaksa API',
        description: "API of Thaksa (ทักษะ), Thailand's national platform for the digital skills of state personnel.",
        version: '0.1.0',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'auth', description: 'Sign-in, sessions, passwords and API tokens' },
        { name: 'users', description: 'Accounts and role grants' },
        { name: 'audit', description: 'The tamper-evident audit log' },
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'platform', description: 'What this installation offers the web app' },
        { name: 'people', description: 'Agencies and personnel' },
        { name: 'accreditation', description: 'Providers, reviewers and course accreditation' },
        {
          name: 'catalog',
          description: 'The national catalogue of digital courses: search, course pages, runs, ratings, shortlists, open data',
        },
        { name: 'factcheck', description: "Suspicious claims: submission, grouping, the fact-checkers' queue, published checks" },
        { name: 'hub', description: 'Knowledge hub: articles and news for volunteers and the public' },
        { name: 'plans', description: 'Agency development plans, their approval, reports and training cohorts' },
        { name: 'dashboards', description: 'Executive dashboards from the nation down to a unit, reports, monthly e-mail reports' },
        { name: 'assessment', description: 'Item bank, assessment blueprints, timed tests and results, item statistics, self-assessment' },
        { name: 'development', description: 'Skill profiles and gaps, individual development plans (70:20:10), learning records' },
        { name: 'credentials', description: 'Certificates: issue, PDF, public verification' },
        { name: 'notifications', description: 'In-app notifications and the e-mail outbox' },
        { name: 'framework', description: 'The competency framework: versions, skill areas, target groups, levels, units' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, { db: database.db, config });
  registerObservability(app, database);

  authRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  frameworkRoutes(app);
  peopleRoutes(app);
  accreditationRoutes(app);
  catalogRoutes(app);
  planRoutes(app);
  assessmentRoutes(app);
  factcheckRoutes(app);
  volunteerRoutes(app);
  hubRoutes(app);
  curriculumRoutes(app);
  developmentRoutes(app);
  credentialRoutes(app);
  dashboardRoutes(app);
  platformRoutes(app);
  notificationRoutes(app);

  if (serveWeb) await registerWeb(app, config.WEB_DIST);
  else
    app.setNotFoundHandler((req, reply) =>
      sendProblem(req, reply, { status: 404, code: 'not_found', detail: `no route ${req.method} ${req.url}` }),
    );
  return app;
}
