import type { FastifyInstance } from 'fastify';
import { courseAccreditationRoutes } from './courses.routes.js';
import { decisionRoutes } from './decisions.routes.js';
import { accreditationRegistryRoutes } from './registry.routes.js';
import { accreditationReportRoutes } from './reports.routes.js';
import { reviewRoutes } from './reviews.routes.js';

/** Every route of the accreditation module; app.ts registers the module with this one call. */
export function accreditationRoutes(app: FastifyInstance) {
  accreditationRegistryRoutes(app);
  courseAccreditationRoutes(app);
  reviewRoutes(app);
  decisionRoutes(app);
  accreditationReportRoutes(app);
}
