import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../common/errors.js';
import enAssessment from '../../../common/i18n/assessment.en.json' with { type: 'json' };
import thAssessment from '../../../common/i18n/assessment.th.json' with { type: 'json' };
import enDashboards from '../../../common/i18n/dashboards.en.json' with { type: 'json' };
import thDashboards from '../../../common/i18n/dashboards.th.json' with { type: 'json' };
import enDevelopment from '../../../common/i18n/development.en.json' with { type: 'json' };
import thDevelopment from '../../../common/i18n/development.th.json' with { type: 'json' };
import enMain from '../../../common/i18n/en.json' with { type: 'json' };
import enPeople from '../../../common/i18n/people.en.json' with { type: 'json' };
import thPeople from '../../../common/i18n/people.th.json' with { type: 'json' };
import thMain from '../../../common/i18n/th.json' with { type: 'json' };
import { ROLES, SCOPE_TYPES } from '../../../common/permissions.js';

type Tree = { [key: string]: string | Tree };

// Feature catalogues (loaded with their pages) are checked together with the main one.
const th: Tree = { ...thMain, ...thPeople, ...thDevelopment, ...thAssessment, ...thDashboards };
const en: Tree = { ...enMain, ...enPeople, ...enDevelopment, ...enAssessment, ...enDashboards };

/** Flattened keys with plural suffixes folded: Thai has one plural form, English two. */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = `${prefix}${k.replace(/_(one|other)$/, '')}`;
    return typeof v === 'string' ? [key] : keysOf(v, `${key}.`);
  });
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node === 'object') return undefined;
  return node ?? undefined;
}

function has(tree: Tree, path: string): boolean {
  return lookup(tree, path) !== undefined || lookup(tree, `${path}_other`) !== undefined;
}

const ALL_ERROR_CODES: ErrorCode[] = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
  'auth.invalid_credentials',
  'auth.account_locked',
  'auth.csrf_invalid',
  'auth.session_expired',
  'auth.wrong_password',
  'auth.password_too_weak',
  'user.email_taken',
  'role.invalid_scope',
  'framework.published_immutable',
  'framework.not_draft',
  'framework.incomplete',
  'framework.unknown_item',
  'catalog.already_rated',
  'agency.code_taken',
  'agency.move_cycle',
  'person.citizen_id_taken',
  'people_import.not_ready',
  'people_import.expired',
  'invitation.expired',
  'invitation.used',
  'plan.exists',
  'plan.illegal_transition',
  'plan.version_conflict',
  'cohort.full',
  'cohort.completed',
  'development_plan.exists',
  'development_plan.illegal_transition',
  'development_plan.version_conflict',
  'development_activity.not_attestable',
  'volunteer.already_registered',
  'volunteer.not_pending',
  'volunteer.not_active',
  'volunteer.district_has_leader',
  'activity.id_taken',
  'village.moo_taken',
  'claim.challenge_failed',
  'claim.challenge_used',
  'claim.rejected',
  'factcheck.illegal_transition',
  'assessment.item_version_conflict',
  'assessment.item_draft_exists',
  'assessment.item_illegal_transition',
  'assessment.item_not_draft',
  'assessment.self_review',
  'assessment.version_conflict',
  'assessment.content_locked',
  'assessment.not_open',
  'assessment.not_eligible',
  'assessment.not_enough_items',
  'attempt.in_progress',
  'attempt.limit_reached',
  'attempt.deadline_passed',
  'attempt.submitted',
  'attempt.not_submitted',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('message catalogues', () => {
  it('Thai and English have the same keys', () => {
    const thKeys = new Set(keysOf(th as Tree));
    const enKeys = new Set(keysOf(en as Tree));
    expect([...thKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !thKeys.has(k))).toEqual([]);
  });

  it('translate every error code, role and scope', () => {
    for (const tree of [th, en] as Tree[]) {
      for (const code of ALL_ERROR_CODES) expect(has(tree, `errors.${code}`), code).toBe(true);
      for (const role of ROLES) for (const part of ['name', 'does', 'now']) expect(has(tree, `roles.${role}.${part}`), role).toBe(true);
      for (const scope of SCOPE_TYPES) expect(has(tree, `scope.${scope}`), scope).toBe(true);
    }
  });

  it('hold every literal key the web app asks for', () => {
    const srcDir = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const tree of [th, en] as Tree[]) {
      expect([...used].filter((k) => !has(tree, k))).toEqual([]);
    }
  });
});
