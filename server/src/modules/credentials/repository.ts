import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';

/** Array parameters (drizzle would spread a JS array into a list): uuid[] and text[] literals. */
const uuidArray = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::uuid[]`;
const _sqlTextArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

export interface CertificateRow {
  id: string;
  number: string;
  fiscal_year: number;
  seq: number;
  learning_record_id: string;
  user_id: string;
  person_id: string | null;
  kind: 'assessment' | 'course' | 'development_plan';
  holder_name_th: string;
  holder_name_en: string | null;
  title_th: string;
  title_en: string;
  detail_th: string | null;
  detail_en: string | null;
  issuer_th: string | null;
  issuer_en: string | null;
  achieved_at: string | Date;
  issued_at: string | Date;
  revoked_at: string | Date | null;
  revoked_reason: string | null;
  person_agency_path: string | null;
}

const COLUMNS = sql.raw(`c.id, c.number, c.fiscal_year::int as fiscal_year, c.seq, c.learning_record_id, c.user_id, c.person_id, c.kind,
  c.holder_name_th, c.holder_name_en, c.title_th, c.title_en, c.detail_th, c.detail_en, c.issuer_th, c.issuer_en,
  c.achieved_at, c.issued_at, c.revoked_at, c.revoked_reason,
  (select a.path from persons p join agencies a on a.id = p.agency_id where p.id = c.person_id) as person_agency_path`);

/**
 * Which learning records earn a certificate: a passed assessment attempt, a completed course that is in the
 * catalogue (an accredited course), a completed development plan.
 */
const ELIGIBLE = sql.raw(`(
  (lr.verb = 'passed' and lr.object_type = 'assessment_attempt')
  or (lr.verb = 'completed' and lr.object_type = 'course' and ce.course_id is not null)
  or (lr.verb = 'completed' and lr.object_type = 'development_plan'))`);

/**
 * Issues the certificates the given records earn and do not have yet, numbered THK-<fy>-<seq> without gaps.
 * The year's counter row is locked first (held to commit, so issuing is serialised per fiscal year and a
 * rollback gives the numbers back); the insert's snapshot starts after the lock, so it sees every
 * certificate committed before and never collides. Set-based: one statement whatever the number of records.
 */
export async function issueForRecords(tx: Db, recordIds: string[], fiscalYear: number): Promise<number> {
  if (recordIds.length === 0) return 0;
  await tx.execute(sql`insert into certificate_counters (fiscal_year, last_number) values (${fiscalYear}, 0) on conflict do nothing`);
  const [counter] = await queryRows<{ last_number: number }>(
    tx,
    sql`select last_number from certificate_counters where fiscal_year = ${fiscalYear} for update`,
  );
  const base = counter.last_number;
  const inserted = await queryRows<{ seq: number }>(
    tx,
    sql`with src as (
          select lr.id, lr.actor_user_id, lr.object_type, lr.occurred_at, lr.result, lr.context,
            u.display_name, p.id as person_id, p.title_th, p.first_name_th, p.last_name_th, p.title_en, p.first_name_en, p.last_name_en,
            ce.title_th as course_th, ce.title_en as course_en, ce.provider_name_th, ce.provider_name_en, ce.hours, ce.skill_levels,
            a.title_th as assessment_th, a.title_en as assessment_en,
            row_number() over (order by lr.occurred_at, lr.id) as rn
          from learning_records lr
          join users u on u.id = lr.actor_user_id
          left join persons p on p.id = u.person_id
          left join catalog_entries ce on lr.object_type = 'course' and ce.course_id = lr.object_id
          left join assessments a on lr.object_type = 'assessment_attempt' and a.id::text = lr.context->>'assessmentId'
          where lr.id = any(${uuidArray(recordIds)}) and ${ELIGIBLE}
            and not exists (select 1 from certificates c where c.learning_record_id = lr.id)
        )
        insert into certificates (number, fiscal_year, seq, learning_record_id, user_id, person_id, kind, holder_name_th, holder_name_en,
          title_th, title_en, detail_th, detail_en, issuer_th, issuer_en, achieved_at)
        select 'THK-' || ${fiscalYear}::text || '-' || lpad((${base} + rn)::text, 6, '0'), ${fiscalYear}, ${base} + rn, id, actor_user_id, person_id,
          case object_type when 'assessment_attempt' then 'assessment' when 'course' then 'course' else 'development_plan' end,
          coalesce(title_th || first_name_th || ' ' || last_name_th, display_name),
          case when first_name_en is not null then trim(coalesce(title_en || ' ', '') || first_name_en || ' ' || coalesce(last_name_en, '')) end,
          case object_type
            when 'course' then course_th
            when 'assessment_attempt' then coalesce(assessment_th, 'การทดสอบทักษะดิจิทัล')
            else 'แผนพัฒนารายบุคคล ปีงบประมาณ พ.ศ. ' || coalesce(context->>'fiscalYear', '') end,
          case object_type
            when 'course' then course_en
            when 'assessment_attempt' then coalesce(assessment_en, 'Digital skills assessment')
            else 'Individual development plan, fiscal year ' || coalesce(((context->>'fiscalYear')::int - 543)::text, '') end,
          case object_type
            when 'course' then 'สำเร็จการอบรม ' || trim(to_char(hours, 'FM9990.0')) || ' ชั่วโมง' ||
              coalesce(' · ' || (select string_agg(replace(s, ':', ' ระดับ '), ', ') from unnest(skill_levels) s), '')
            when 'assessment_attempt' then coalesce('ระดับที่ผ่าน: ' || (select string_agg(key || ' ระดับ ' || value, ', ' order by key)
              from jsonb_each_text(result->'extensions'->'skillLevels') where value ~ '^[0-9]+$' and value::int > 0), 'ผ่านการทดสอบ')
            else 'ดำเนินกิจกรรมพัฒนาครบตามแผน ' || coalesce(context->>'activities', '') || ' กิจกรรม' end,
          case object_type
            when 'course' then 'Completed ' || trim(to_char(hours, 'FM9990.0')) || ' hours' ||
              coalesce(' · ' || (select string_agg(replace(s, ':', ' level '), ', ') from unnest(skill_levels) s), '')
            when 'assessment_attempt' then coalesce('Levels reached: ' || (select string_agg(key || ' level ' || value, ', ' order by key)
              from jsonb_each_text(result->'extensions'->'skillLevels') where value ~ '^[0-9]+$' and value::int > 0), 'Passed')
            else 'Completed all ' || coalesce(context->>'activities', '') || ' planned activities' end,
          case object_type when 'course' then provider_name_th when 'assessment_attempt' then 'แพลตฟอร์มทักษะ (การทดสอบ)' else context->>'supervisorName' end,
          case object_type when 'course' then provider_name_en when 'assessment_attempt' then 'Thaksa platform (assessment)' else context->>'supervisorName' end,
          occurred_at
        from src
        returning seq`,
  );
  if (inserted.length > 0) {
    await tx.execute(sql`update certificate_counters set last_number = ${base + inserted.length} where fiscal_year = ${fiscalYear}`);
  }
  return inserted.length;
}

/** Records of the user that earn a certificate and have none yet (issued when the user lists theirs). */
export async function uncertifiedRecordIds(db: Db, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select lr.id from learning_records lr
        left join catalog_entries ce on lr.object_type = 'course' and ce.course_id = lr.object_id
        where lr.actor_user_id = ${userId} and ${ELIGIBLE}
          and not exists (select 1 from certificates c where c.learning_record_id = lr.id)`,
  );
  return rows.map((r) => r.id);
}

export async function findByNumber(db: Db, number: string): Promise<CertificateRow | undefined> {
  const [row] = await queryRows<CertificateRow>(db, sql`select ${COLUMNS} from certificates c where c.number = ${number}`);
  return row;
}

export async function findById(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<CertificateRow | undefined> {
  const [row] = await queryRows<CertificateRow>(
    db,
    sql`select ${COLUMNS} from certificates c where c.id = ${id} ${opts.forUpdate ? sql`for update` : sql``}`,
  );
  return row;
}

export async function findByRecord(db: Db, recordId: string): Promise<CertificateRow | undefined> {
  const [row] = await queryRows<CertificateRow>(db, sql`select ${COLUMNS} from certificates c where c.learning_record_id = ${recordId}`);
  return row;
}

export async function listForUser(db: Db, userId: string, page: { limit: number; offset: number }) {
  const [rows, [count]] = await Promise.all([
    queryRows<CertificateRow>(
      db,
      sql`select ${COLUMNS} from certificates c where c.user_id = ${userId}
          order by c.issued_at desc, c.seq desc limit ${page.limit} offset ${page.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from certificates where user_id = ${userId}`),
  ]);
  return { rows, total: count.n };
}

export async function revoke(db: Db, id: string, reason: string): Promise<void> {
  await db.execute(sql`update certificates set revoked_at = now(), revoked_reason = ${reason} where id = ${id}`);
}
