import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import { TEACHING_METHODS } from '../../../../common/contracts/accreditation.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { renderCertificatePdf } from './certificate.js';
import { canDownloadCertificate } from './courses.policy.js';
import * as repo from './courses.repository.js';
import { loadCourse } from './courses.service.js';
import * as registryRepo from './registry.repository.js';
import { isAccredited } from './state-machine.js';

/** The certificate of a currently accredited course, printed on demand from its record (so it always matches the record). */
export async function getAccreditationCertificate(ctx: Ctx, id: string): Promise<{ pdf: Buffer; number: string }> {
  const { course, access } = await loadCourse(ctx, ctx.db, id);
  authorize(ctx, canDownloadCertificate, access);
  if (!course.accreditationNumber || !isAccredited(course.state as never) || !course.validFrom || !course.validUntil) {
    throw AppError.conflict('conflict', 'this course holds no current accreditation');
  }
  const [version, provider] = await Promise.all([
    repo.findVersion(ctx.db, course.id, course.currentVersion),
    registryRepo.findProvider(ctx.db, course.providerId),
  ]);
  if (!version || !provider) throw AppError.notFound('course');
  const content = version.content as CourseDraft;
  const hours = TEACHING_METHODS.reduce((sum, m) => sum + (content.hours?.[m] ?? 0), 0);
  const pdf = await renderCertificatePdf(
    {
      number: course.accreditationNumber,
      courseTitleTh: course.titleTh,
      courseTitleEn: course.titleEn,
      providerNameTh: provider.nameTh,
      providerNameEn: provider.nameEn,
      hours,
      validFrom: course.validFrom,
      validUntil: course.validUntil,
      conditions: course.state === 'accredited_with_conditions' ? course.conditions : null,
    },
    { baseUrl: ctx.config.BASE_URL, executablePath: ctx.config.CHROMIUM_PATH },
  );
  return { pdf, number: course.accreditationNumber };
}
