import type { ActivityView, VolunteerLevel, VolunteerStatus, VolunteerView } from '../../../../common/contracts/volunteers.js';
import type { Actor } from '../../lib/context.js';
import { maskedCitizenId } from '../../lib/personal-data.js';
import { canManageVolunteersIn, isSelf } from './policy.js';
import type { ActivityRow, PlaceNames, VolunteerRow } from './repository.js';

/** The public address the volunteer card's QR code holds. */
export function cardUrl(baseUrl: string, token: string): string {
  return new URL(`/verify/volunteer/${encodeURIComponent(token)}`, baseUrl).toString();
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A volunteer for coordinators and for themselves: the citizen ID masked, abilities for this actor. */
export function presentVolunteer(
  v: VolunteerRow,
  place: PlaceNames,
  actor: Actor | null,
  opts: { secret: string; baseUrl: string },
): VolunteerView {
  const manages = canManageVolunteersIn(actor, v);
  const self = isSelf(actor, v);
  return {
    id: v.id,
    firstName: v.firstName,
    lastName: v.lastName,
    citizenIdMasked: maskedCitizenId(opts.secret, v.citizenIdCipher),
    phone: v.phone,
    lineId: v.lineId,
    email: v.email,
    occupation: v.occupation,
    skills: v.skills,
    place,
    status: v.status as VolunteerStatus,
    level: v.level as VolunteerLevel,
    decisionReason: v.decisionReason,
    decidedAt: iso(v.decidedAt),
    consentVersion: v.consentVersion,
    consentedAt: iso(v.consentedAt) as string,
    createdAt: iso(v.createdAt) as string,
    cardUrl: v.status === 'active' && (manages || self) ? cardUrl(opts.baseUrl, v.cardToken) : null,
    abilities: {
      approve: manages && v.status === 'pending',
      setLevel: manages && v.status === 'active',
      deactivate: manages && v.status === 'active',
      logActivity: self && v.status === 'active',
    },
  };
}

export function presentActivity(a: ActivityRow): ActivityView {
  return {
    id: a.id,
    topic: a.topic as ActivityView['topic'],
    peopleHelped: a.peopleHelped,
    villageId: a.villageId,
    activityDate: String(a.activityDate),
    note: a.note,
    hasPhoto: a.photoFileId !== null,
    createdAt: iso(a.createdAt) as string,
  };
}
