import type { Ctx } from '../../lib/context.js';
import { presentPlan } from './present.js';
import { renderPlanReportPdf, renderPlanReportXlsx, reportLabels } from './report.js';
import { getAgencyPlan } from './service.js';

/** The plan report (PDF, Thai, printed by Chromium, or XLSX) for anyone who may read the plan, built from the records at this moment. */
export async function getAgencyPlanReport(ctx: Ctx, id: string, format: 'pdf' | 'xlsx') {
  const view = presentPlan(await getAgencyPlan(ctx, id), ctx.actor);
  const labels = await reportLabels(ctx.db, view);
  const body =
    format === 'pdf' ? await renderPlanReportPdf(view, labels, ctx.config.CHROMIUM_PATH) : await renderPlanReportXlsx(view, labels);
  return { body, fileName: `thaksa-plan-${view.agency.code}-${view.fiscalYear}.${format}`.replace(/[^\w.-]/g, '_') };
}
