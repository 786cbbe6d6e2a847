import { createHash } from 'node:crypto';
import type { LogActivityBody } from '../../../../common/contracts/volunteers.js';
import { AppError } from '../../../../common/errors.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repository.js';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Leading bytes of the image types a photo may have. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** Decodes a `data:image/…;base64,` photo and checks its declared type against its bytes and its size. */
export function decodePhoto(dataUrl: string): { mimeType: string; content: Buffer } {
  const bad = (message: string) => AppError.invalid([{ path: 'body.photo', message }], message);
  const m = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m)
    throw new AppError('unsupported_media_type', 'a photo must be JPEG, PNG or WebP', {
      errors: [{ path: 'body.photo', message: 'JPEG, PNG or WebP' }],
    });
  const content = Buffer.from(m[2], 'base64');
  if (content.length > PHOTO_MAX_BYTES)
    throw new AppError('payload_too_large', 'a photo may be at most 2 MB', { errors: [{ path: 'body.photo', message: 'at most 2 MB' }] });
  if (!SIGNATURES[m[1]](content)) throw bad('the file is not the image type it claims to be');
  return { mimeType: m[1], content };
}

/** Today's date in Thailand (UTC+7), as YYYY-MM-DD. */
export function todayInThailand(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * An active volunteer records help given. The id comes from the client: sending the same activity again
 * (the offline queue retrying) returns the recorded one with `created: false`; an id used by another
 * volunteer is a conflict. Dates in the future (Thai time) are refused.
 */
export async function logVolunteerActivity(ctx: Ctx, body: LogActivityBody) {
  const actor = requireActor(ctx);
  const v = await repo.findVolunteerByUser(ctx.db, actor.userId);
  if (!v) throw AppError.forbidden('only registered volunteers log activities');
  const existing = await repo.findActivity(ctx.db, body.id);
  if (existing) {
    if (existing.volunteerId !== v.id) throw AppError.conflict('activity.id_taken');
    return { activity: existing, created: false };
  }
  if (v.status !== 'active') throw AppError.conflict('volunteer.not_active', `the volunteer is ${v.status}`);
  const date = new Date(`${body.activityDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== body.activityDate) {
    throw AppError.invalid([{ path: 'body.activityDate', message: 'not a date' }]);
  }
  if (body.activityDate > todayInThailand()) {
    throw AppError.invalid([{ path: 'body.activityDate', message: 'cannot be in the future', code: 'date.future' }]);
  }
  if (body.activityDate < '2020-01-01') throw AppError.invalid([{ path: 'body.activityDate', message: 'too far in the past' }]);
  const village = body.villageId ? await repo.findVillage(ctx.db, body.villageId) : await repo.findVillage(ctx.db, v.villageId);
  if (!village) throw AppError.invalid([{ path: 'body.villageId', message: 'unknown village' }]);
  const photo = body.photo ? decodePhoto(body.photo) : null;
  return ctx.db.transaction(async (tx) => {
    const photoFileId = photo
      ? await repo.insertFile(tx, {
          ownerUserId: actor.userId,
          kind: 'volunteer_activity_photo',
          filename: `activity-${body.id}.${photo.mimeType.split('/')[1]}`,
          mimeType: photo.mimeType,
          sizeBytes: photo.content.length,
          sha256: createHash('sha256').update(photo.content).digest('hex'),
          content: photo.content,
        })
      : null;
    const inserted = await repo.insertActivity(tx, {
      id: body.id,
      volunteerId: v.id,
      topic: body.topic,
      peopleHelped: body.peopleHelped,
      villageId: village.id,
      subdistrictCode: village.subdistrictCode,
      districtCode: village.districtCode,
      provinceCode: village.provinceCode,
      activityDate: body.activityDate,
      note: body.note || null,
      photoFileId,
    });
    if (!inserted) {
      // The same id arrived twice at once and the other request recorded it first.
      const other = await repo.findActivity(tx, body.id);
      if (other && other.volunteerId === v.id && !photoFileId) return { activity: other, created: false };
      // Roll back (with the photo row); a retry finds the recorded activity.
      throw AppError.conflict('activity.id_taken', 'this activity was just recorded; send it again');
    }
    await recordAudit(tx, ctx, {
      action: 'volunteer.activity_logged',
      subjectType: 'volunteer',
      subjectId: v.id,
      summary: { activityId: inserted.id, topic: body.topic, peopleHelped: body.peopleHelped },
    });
    return { activity: inserted, created: true };
  });
}
