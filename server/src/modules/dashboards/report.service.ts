import type { ReportQuery } from '../../../../common/contracts/dashboards.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { renderDashboardPdf, renderDashboardXlsx } from './report.js';
import { currentMatrix } from './repository.js';
import { getDashboard } from './service.js';

/**
 * The dashboard of a scope and fiscal year as a workbook or a Thai PDF, with the monitoring table of the
 * agencies below the scope: the same figures as the page (same checks, same suppression). Audit-logged.
 */
export async function exportReport(ctx: Ctx, q: ReportQuery) {
  const view = await getDashboard(ctx, q);
  const matrix = await currentMatrix(ctx.db);
  const groups = new Map(matrix.groups.map((g) => [g.code, g.nameTh]));
  const areas = new Map(matrix.areas.map((a) => [a.code, a.nameTh]));
  const names = {
    group: (code: string) => groups.get(code) ?? code,
    area: (code: string) => areas.get(code) ?? code,
    minCellSize: view.privacy.minCellSize,
  };
  const body =
    q.format === 'pdf' ? await renderDashboardPdf(view, names, ctx.config.CHROMIUM_PATH) : await renderDashboardXlsx(view, names);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'dashboard.exported',
      subjectType: 'dashboard',
      subjectId: view.scope.agency?.id ?? 'nation',
      summary: { format: q.format, fiscalYear: view.fiscalYear, targetGroup: view.targetGroup },
    }),
  );
  const code = view.scope.agency?.code ?? 'TH';
  return {
    body,
    fileName: `thaksa-dashboard-${code}-${view.fiscalYear}${view.targetGroup ? `-${view.targetGroup}` : ''}.${q.format}`.replace(
      /[^\w.-]/g,
      '_',
    ),
  };
}
