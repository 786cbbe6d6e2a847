import type { ProviderView } from '../../../../common/contracts/accreditation.js';
import type {
  AssignmentView,
  MyAssignmentView,
  ProviderDetailView,
  ProviderMemberView,
  ReviewerView,
} from '../../../../common/contracts/accreditation-registry.js';
import type { Actor } from '../../lib/context.js';
import type { AssignmentRow, MyAssignmentRow } from './assignments.repository.js';
import { canDecideReviewer, canSeeProviderContacts, canVerifyProvider, isAdminOfProvider, isOverdue } from './registry.policy.js';
import type { ProviderRow } from './registry.repository.js';
import type { ReviewerDetail } from './registry.service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A provider in a list: names, kind, province and status. */
export function presentProviderSummary(p: ProviderRow): ProviderView {
  return {
    id: p.id,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    kind: p.kind as ProviderView['kind'],
    provinceCode: p.provinceCode,
    status: p.status as ProviderView['status'],
  };
}

/** A provider; contact details only for its own admins and officers. */
export function presentProviderDetail(p: ProviderRow, actor: Actor | null): ProviderDetailView {
  const contacts = canSeeProviderContacts(actor, p);
  return {
    id: p.id,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    kind: p.kind as ProviderDetailView['kind'],
    taxId: p.taxId,
    status: p.status as ProviderDetailView['status'],
    address: p.address,
    provinceCode: p.provinceCode,
    website: p.website,
    contactName: contacts ? p.contactName : null,
    contactEmail: contacts ? p.contactEmail : null,
    contactPhone: contacts ? p.contactPhone : null,
    createdAt: p.createdAt.toISOString(),
    decidedAt: iso(p.decidedAt),
    rejectionReason: contacts ? p.rejectionReason : null,
    abilities: {
      canVerify: !!actor && canVerifyProvider(actor, p) && p.status === 'pending',
      canInviteMembers: !!actor && isAdminOfProvider(actor, p.id),
    },
  };
}

export function presentMember(u: { id: string; email: string; displayName: string }): ProviderMemberView {
  return { id: u.id, email: u.email, displayName: u.displayName };
}

export function presentReviewer(r: ReviewerDetail, actor: Actor | null): ReviewerView {
  return {
    id: r.reviewer.id,
    userId: r.reviewer.userId,
    displayName: r.displayName,
    email: r.email,
    status: r.reviewer.status as ReviewerView['status'],
    qualifications: r.reviewer.qualifications,
    maxConcurrent: r.reviewer.maxConcurrent,
    expertise: r.expertise.map((e) => ({ skillAreaCode: e.skillAreaCode, levelRank: e.levelRank })),
    affiliations: r.affiliations.map((a) => ({
      id: a.id,
      organisationName: a.organisationName,
      providerId: a.providerId,
      roleTitle: a.roleTitle,
      startDate: a.startDate,
      endDate: a.endDate,
    })),
    conflicts: r.conflicts.map((c) => ({ providerId: c.providerId, reason: c.reason, declaredAt: c.declaredAt.toISOString() })),
    createdAt: r.reviewer.createdAt.toISOString(),
    decidedAt: iso(r.reviewer.decidedAt),
    rejectionReason: r.reviewer.rejectionReason,
    abilities: { canDecide: !!actor && canDecideReviewer(actor) && r.reviewer.status === 'pending' },
  };
}

export function presentAssignment(a: AssignmentRow, hasReview = false, now = new Date()): AssignmentView {
  return {
    id: a.id,
    courseId: a.courseId,
    version: a.version,
    reviewerId: a.reviewerId,
    state: a.state as AssignmentView['state'],
    assignedAt: a.assignedAt.toISOString(),
    dueAt: a.dueAt.toISOString(),
    respondedAt: iso(a.respondedAt),
    declineReason: a.declineReason,
    isReviewSubmitted: hasReview,
    isOverdue: isOverdue(a, hasReview, now),
  };
}

export function presentMyAssignment(row: MyAssignmentRow, now = new Date()): MyAssignmentView {
  return {
    ...presentAssignment(row.assignment, row.hasReview, now),
    courseTitleTh: row.courseTitleTh,
    courseTitleEn: row.courseTitleEn,
    providerNameTh: row.providerNameTh,
    providerNameEn: row.providerNameEn,
    abilities: { canRespond: row.assignment.state === 'pending' },
  };
}
