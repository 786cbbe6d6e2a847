import type { FastifyInstance } from 'fastify';
import { PlatformInfo } from '../../../../common/contracts/platform.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo-data.js';
import { typed } from '../../lib/http.js';

const VERSION = '0.1.0';

export function platformRoutes(app: FastifyInstance) {
  const showDemo = app.thaksaConfig.loadDemoData && !app.thaksaConfig.isProduction;
  typed(app).get('/api/info', {
    config: { access: 'public' },
    schema: {
      operationId: 'getPlatformInfo',
      tags: ['platform'],
      summary: 'Version, and the demo accounts when the demo dataset is loaded',
      response: { 200: PlatformInfo },
    },
    handler: async () => ({
      version: VERSION,
      demoAccounts: showDemo ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, roleTh: a.descriptionTh, roleEn: a.descriptionEn })) : null,
      demoPassword: showDemo ? DEMO_PASSWORD : null,
    }),
  });
}
