import { sql } from 'drizzle-orm';
import { queryRows } from '../server/src/db/client.js';
import { hashPassword } from '../server/src/lib/crypto.js';
import { freshDatabase, measure, report, startServer } from './lib.js';

const SUBMISSIONS = 20_000;
const REVIEWERS = 500;
const PROVIDERS = 2_000;

/**
 * Generates a national-scale accreditation pipeline in a handful of set-based statements. Pseudo-random
 * but deterministic: every choice is a hash of the row number, so each run builds the same data.
 */
async function generate(db: Parameters<typeof queryRows>[0], frameworkId: string, passwordHash: string) {
  const h = (expr: string, mod: number) => sql.raw(`(abs(hashtext(${expr})) % ${mod})`);
  await db.execute(sql`
    insert into providers (name_th, name_en, kind, tax_id, status, province_code)
    select 'ผู้ให้บริการฝึกอบรม ' || i, 'Training provider ' || i, (array['government','university','company','foundation'])[1 + ${h("'k'||i", 4)}],
           lpad(i::text, 13, '0'), 'verified', lpad((10 + ${h("'p'||i", 86)})::text, 2, '0')
    from generate_series(1, ${PROVIDERS}) i`);
  await db.execute(sql`
    insert into users (email, display_name, password_hash)
    select 'reviewer' || i || '@bench.thaksa.local', 'ผู้ทรงคุณวุฒิ ' || i, ${passwordHash} from generate_series(1, ${REVIEWERS}) i`);
  await db.execute(sql`
    insert into reviewers (user_id, status, qualifications, max_concurrent)
    select id, 'approved', 'ปริญญาเอก', 3 + ${h('email', 5)} from users where email like 'reviewer%@bench.thaksa.local'`);
  await db.execute(sql`
    insert into reviewer_expertise (reviewer_id, skill_area_code, level_rank)
    select r.id, a.code, 1 + ${h('r.id::text || a.code', 3)}
    from reviewers r cross join (values ('DL'),('DG'),('DLD'),('DT'),('DS'),('DU'),('CS')) a(code)
    where ${h("r.id::text || a.code || 'x'", 7)} < 3`);
  await db.execute(sql`
    insert into reviewer_affiliations (reviewer_id, organisation_name, provider_id, start_date, end_date)
    select r.id, p.name_th, p.id, '2015-01-01', case when ${h("r.id::text||'end'", 2)} = 0 then null else '2024-06-30'::date end
    from reviewers r join lateral (select id, name_th from providers order by id offset ${h("r.id::text||'prov'", PROVIDERS)} limit 1) p on true`);
  const stateExpr = sql.raw(`case
      when b < 10 then 'draft' when b < 25 then 'submitted' when b < 30 then 'screening'
      when b < 50 then 'in_review' when b < 55 then 'decision_pending' when b < 60 then 'revision_requested'
      when b < 65 then 'rejected' when b < 95 then 'accredited' else 'accredited_with_conditions' end`);
  await db.execute(sql`
    insert into courses (provider_id, state, framework_id, title_th, title_en, submitted_at, screening_due_at, review_due_at, state_changed_at)
    select p.id, ${stateExpr}, ${frameworkId}, 'หลักสูตรพัฒนาทักษะดิจิทัล ลำดับที่ ' || g.i, 'Digital skills course ' || g.i,
           now() - (g.b || ' days')::interval, now() - (g.b || ' days')::interval + interval '7 days', now() + interval '14 days', now()
    from (select i, ${h("'s'||i", 100)} as b, ${h("'pr'||i", PROVIDERS)} as pi from generate_series(1, ${SUBMISSIONS}) i) g
    join lateral (select id from providers order by id offset g.pi limit 1) p on true`);
  await db.execute(sql`
    insert into course_versions (course_id, version, content, submitted_at)
    select c.id, 1, jsonb_build_object(
             'titleTh', c.title_th, 'titleEn', c.title_en,
             'outcomes', jsonb_build_array(
               jsonb_build_object('textTh', 'ผลลัพธ์', 'skillAreaCode', (array['DL','DG','DLD','DT','DS','DU','CS'])[1 + ${h("c.id::text||'a1'", 7)}], 'levelRank', 1 + ${h("c.id::text||'l1'", 3)}, 'unitCodes', '[]'::jsonb),
               jsonb_build_object('textTh', 'ผลลัพธ์', 'skillAreaCode', (array['DL','DG','DLD','DT','DS','DU','CS'])[1 + ${h("c.id::text||'a2'", 7)}], 'levelRank', 1 + ${h("c.id::text||'l2'", 3)}, 'unitCodes', '[]'::jsonb)),
             'instructors', jsonb_build_array(jsonb_build_object('name', 'วิทยากร ' || ${h("c.id::text||'i'", 900)}, 'qualifications', 'ปริญญาโท')),
             'targetGroupCodes', '["ACADEMIC"]'::jsonb, 'frameworkId', ${frameworkId}::text),
           c.submitted_at
    from courses c`);
  await db.execute(sql`
    insert into review_assignments (course_id, version, reviewer_id, state, due_at)
    select c.id, 1, r.id, case when k = 0 then 'accepted' else 'pending' end, now() + interval '10 days'
    from courses c cross join generate_series(0, 1) k
    join lateral (select id from reviewers order by id offset ${h('c.id::text||k', REVIEWERS)} limit 1) r on true
    where c.state = 'in_review'
    on conflict do nothing`);
  // Each submitted course's history as the dashboard reads it: its stage events, plus two assignment events
  // per reviewed course that the stage look-up has to step over. Inserted directly in time order, as the
  // officers' work would have left them (the hash chain is not computed; no benchmark verifies it).
  const decisionExpr =
    sql.raw(`case c.state when 'accredited' then 'course.accredit' when 'accredited_with_conditions' then 'course.accredit_with_conditions'
      when 'rejected' then 'course.reject' when 'revision_requested' then 'course.request_revision' end`);
  await db.execute(sql`
    insert into audit_entries (at, actor_label, action, subject_type, subject_id, summary, prev_hash, hash)
    select least(e.at, now()), 'officer@bench.thaksa.local', e.action, 'course', e.course_id::text, '{}'::jsonb, 'bench', 'bench'
    from (
      select c.id as course_id, c.submitted_at + make_interval(days => k.offset_days) as at, k.action, k.step
      from (select c.*, 1 + ${h("c.id::text||'s'", 6)} as screen, 3 + ${h("c.id::text||'r'", 12)} as review,
                   1 + ${h("c.id::text||'d'", 5)} as decide,
                   case c.state when 'submitted' then 1 when 'screening' then 2 when 'in_review' then 5 when 'decision_pending' then 6 else 7 end as reached
            from courses c where c.state <> 'draft') c
      cross join lateral (values
        (1, 0, 'course.submit'),
        (2, c.screen / 2, 'course.start_screening'),
        (3, c.screen, 'course.send_to_review'),
        (4, c.screen, 'assignment.created'),
        (5, c.screen, 'assignment.created'),
        (6, c.screen + c.review, 'course.reviews_complete'),
        (7, c.screen + c.review + c.decide, ${decisionExpr})
      ) k(step, offset_days, action)
      where k.step <= c.reached
    ) e
    order by least(e.at, now()), e.course_id, e.step`);
  // An accredited course carries the date of its decision, which the dashboard counts by fiscal year.
  await db.execute(sql`
    update courses c set accredited_at = a.at
    from audit_entries a
    where a.subject_type = 'course' and a.subject_id = c.id::text and a.action in ('course.accredit', 'course.accredit_with_conditions')`);
  // A steady-state database has been vacuumed (autovacuum), which index-only scans rely on.
  await db.execute(sql`vacuum analyze`);
}

/** Officer queue and reviewer suggestions with 20,000 submissions and 500 reviewers, 20 connections, PostgreSQL. */
export async function run() {
  const { url, database, drop } = await freshDatabase('accreditation');
  try {
    const [{ id: frameworkId }] = await queryRows<{ id: string }>(database.db, sql`select id from frameworks where is_current`);
    const passwordHash = await hashPassword('bench-password-1');
    const started = Date.now();
    await generate(database.db, frameworkId, passwordHash);
    const generatedIn = Math.round((Date.now() - started) / 1000);
    const [{ id: officerId }] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (email, display_name, password_hash) values ('officer@bench.thaksa.local', 'Officer', ${passwordHash}) returning id`,
    );
    await database.db.execute(
      sql`insert into role_grants (user_id, role, scope_type, scope_id) values (${officerId}, 'accreditation_officer', 'national', '')`,
    );
    const inReview = await queryRows<{ id: string }>(
      database.db,
      sql`select id from courses where state = 'in_review' order by id limit 200`,
    );
    const counts = await queryRows<{ courses: number; assignments: number; auditEntries: number }>(
      database.db,
      sql`select (select count(*)::int from courses) as courses, (select count(*)::int from review_assignments) as assignments,
                 (select count(*)::int from audit_entries) as "auditEntries"`,
    );

    const server = await startServer(url);
    try {
      const login = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'officer@bench.thaksa.local', password: 'bench-password-1' }),
      });
      const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] };
      const rows = [
        await measure('listSubmissions (officer queue, page 1)', {
          url: `${server.baseUrl}/api/submissions`,
          connections: 20,
          duration: 10,
          headers,
        }),
        await measure('listSubmissions (overdue only)', {
          url: `${server.baseUrl}/api/submissions?overdue=true`,
          connections: 20,
          duration: 10,
          headers,
        }),
        await measure('listSubmissions (state=in_review, page 5)', {
          url: `${server.baseUrl}/api/submissions?state=in_review&page=5`,
          connections: 20,
          duration: 10,
          headers,
        }),
        await measure('suggestReviewers (200 courses in turn)', {
          url: `${server.baseUrl}/api/submissions`,
          paths: inReview.map((c) => `/api/courses/${c.id}/reviewer-suggestions`),
          connections: 20,
          duration: 10,
          headers,
        }),
        await measure('getAccreditationDashboard', {
          url: `${server.baseUrl}/api/accreditation/dashboard`,
          connections: 20,
          duration: 10,
          headers,
        }),
      ];
      report(
        'accreditation',
        `${counts[0].courses.toLocaleString('en')} submissions from ${PROVIDERS.toLocaleString('en')} providers, ${REVIEWERS} reviewers, ${counts[0].assignments.toLocaleString('en')} assignments, ${counts[0].auditEntries.toLocaleString('en')} audit entries (generated in ${generatedIn} s)`,
        rows,
        [
          'Issue target: officer queue and suggestReviewers p95 ≤ 50 ms at 20 connections.',
          'Server and load generator share the 2 cores.',
          'suggestReviewers matches against a reviewer registry each instance keeps in memory, validated on every request against reviewer_registry_version (read with the course, one round trip).',
          'The dashboard takes its stage medians from an in-memory roll-up of the audit trail brought up to date on every request, and its other figures from one prepared statement; counting this year’s accreditations and the overdue reviews still scans, for want of an index on courses.accredited_at and on open assignments’ due_at.',
        ],
      );
    } finally {
      await server.stop();
    }
  } finally {
    await drop();
  }
}
