import ExcelJS from 'exceljs';
import type { DashboardView } from '../../../../common/contracts/dashboards.js';
import { htmlToPdf } from '../../lib/pdf.js';
import { addTableSheet } from '../../lib/tabular.js';
import { escapeHtml as e, formatDateTh, sarabunFontCss } from '../../lib/thai-text.js';

/** Names of target groups and skill areas (current framework) for the printed report. */
export interface ReportNames {
  group: (code: string) => string;
  area: (code: string) => string;
  minCellSize: number;
}

const STATE_TH: Record<string, string> = { draft: 'ร่าง', submitted: 'รออนุมัติ', approved: 'อนุมัติแล้ว', returned: 'ส่งกลับแก้ไข' };
const COURSE_STATE_TH: Record<string, string> = {
  draft: 'ร่าง',
  submitted: 'ยื่นแล้ว',
  screening: 'ตรวจเบื้องต้น',
  needs_revision: 'รอแก้ไข',
  under_review: 'อยู่ระหว่างพิจารณา',
  reviews_complete: 'พิจารณาครบ',
  accredited: 'รับรองแล้ว',
  accredited_with_conditions: 'รับรองแบบมีเงื่อนไข',
  rejected: 'ไม่รับรอง',
  withdrawn: 'ถอนคำขอ',
  expired: 'หมดอายุ',
  suspended: 'ระงับ',
  revoked: 'เพิกถอน',
};
const MIX_TH = { on_the_job: 'เรียนรู้จากการปฏิบัติงาน (70)', coaching: 'การสอนงานและพี่เลี้ยง (20)', formal: 'หลักสูตรอบรม (10)' } as const;

const num = (n: number | null | undefined, small: string) =>
  n === null || n === undefined ? small : new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 }).format(n);
const pct = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${num(n, '–')}%`);

/** The scope's name for titles: the nation or the agency. */
export const scopeNameTh = (v: DashboardView) => v.scope.agency?.nameTh ?? 'ทั้งประเทศ';

/** The report as self-contained HTML (A4 landscape, Thai, Buddhist-era dates), printed by Chromium. */
export function dashboardReportHtml(v: DashboardView, n: ReportNames): string {
  const small = `&lt;${n.minCellSize}`;
  const c = (x: number | null | undefined) => num(x, small);
  const table = (head: string[], rows: string[][], numeric: boolean[] = []) =>
    `<table><thead><tr>${head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((x, i) => `<td${numeric[i] ? ' class="n"' : ''}>${x}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const groupName = v.targetGroup ? n.group(v.targetGroup) : 'ทุกกลุ่มเป้าหมาย';
  const d = v.development;
  const a = v.accreditation;
  const heatGroups = [...new Set(v.people.heatMap.map((h) => h.targetGroupCode))];
  const areas = [...new Set(v.people.heatMap.map((h) => h.skillAreaCode))];
  const gaps = a.catalogue.filter((x) => x.courses < a.gapBelow);
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>รายงานทักษะดิจิทัล ${e(scopeNameTh(v))} ปีงบประมาณ ${v.fiscalYear}</title>
<style>
${sarabunFontCss()}
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: 'Sarabun', sans-serif; color: #1b2a41; font-size: 10.5pt; line-height: 1.5; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 1mm; color: #144c9d; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; color: #144c9d; border-bottom: 0.4mm solid #c9a227; padding-bottom: 1mm; }
.meta { color: #4a5568; }
table { width: 100%; border-collapse: collapse; margin-top: 1mm; }
tr { break-inside: avoid; }
th, td { border: 0.2mm solid #a0aec0; padding: 1mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #edf2f7; font-weight: 700; }
td.n, th.n { text-align: right; white-space: nowrap; }
.note { color: #4a5568; font-size: 9.5pt; margin-top: 2mm; }
</style></head><body>
<h1>รายงานผลการพัฒนาทักษะดิจิทัลของบุคลากรภาครัฐ ปีงบประมาณ พ.ศ. ${v.fiscalYear}</h1>
<div class="meta">ขอบเขต: ${e(scopeNameTh(v))}${v.scope.breadcrumbs.length ? ` (${v.scope.breadcrumbs.map((b) => e(b.nameTh)).join(' › ')})` : ''} · กลุ่มเป้าหมาย: ${e(groupName)}</div>
<div class="meta">ข้อมูล ณ ${v.asOf ? e(formatDateTh(v.asOf)) : 'ยังไม่ได้ประมวลผล'} · พิมพ์เมื่อ ${e(formatDateTh(new Date()))}</div>

<h2>1. บุคลากรและการประเมินทักษะ</h2>
${table(
  ['กลุ่มเป้าหมาย', 'บุคลากร (คน)', 'ประเมินตนเอง (คน)', 'ร้อยละประเมินตนเอง', 'ทำแบบทดสอบ (คน)', 'ร้อยละทำแบบทดสอบ', 'ผ่านแบบทดสอบ (คน)'],
  [...v.people.byTargetGroup, v.people.total].map((g) => [
    g.targetGroupCode === 'ALL' ? '<b>รวม</b>' : e(n.group(g.targetGroupCode)),
    c(g.personnel),
    c(g.selfAssessed),
    pct(g.selfAssessedPct),
    c(g.tested),
    pct(g.testedPct),
    c(g.passed),
  ]),
  [false, true, true, true, true, true, true],
)}

<h2>2. ร้อยละผู้มีระดับทักษะตามที่กำหนด (กลุ่มเป้าหมาย × ด้านทักษะ)</h2>
${table(
  ['กลุ่มเป้าหมาย', ...areas.map((x) => e(x))],
  heatGroups.map((g) => [
    e(n.group(g)),
    ...areas.map((ar) => {
      const h = v.people.heatMap.find((x) => x.targetGroupCode === g && x.skillAreaCode === ar);
      if (!h || h.requiredLevel === null) return 'ไม่กำหนด';
      return `${pct(h.pct)} <span class="meta">(ระดับ ${h.requiredLevel}; ${c(h.assessed)} คน)</span>`;
    }),
  ]),
)}
<div class="note">${areas.map((x) => `${e(x)} = ${e(n.area(x))}`).join(' · ')}</div>

<h2>3. การปิดช่องว่างทักษะในปีงบประมาณ</h2>
${table(
  ['ด้านทักษะ', 'ต้นปี: ได้ระดับ / ประเมินแล้ว', 'ร้อยละต้นปี', 'ปัจจุบัน: ได้ระดับ / ประเมินแล้ว', 'ร้อยละปัจจุบัน'],
  v.people.gapClosure.map((g) => [
    e(n.area(g.skillAreaCode)),
    `${c(g.meetingStart)} / ${c(g.assessedStart)}`,
    pct(g.pctStart),
    `${c(g.meetingEnd)} / ${c(g.assessedEnd)}`,
    pct(g.pctEnd),
  ]),
  [false, true, true, true, true],
)}

<h2>4. การพัฒนา</h2>
${table(
  ['ตัวชี้วัด', 'จำนวน'],
  [
    ['แผนพัฒนารายบุคคล (IDP) ทั้งหมด / อนุมัติ / สำเร็จ', `${c(d.idps.all)} / ${c(d.idps.approved)} / ${c(d.idps.completed)}`],
    ['ผู้ได้รับการพัฒนา (คน)', c(d.learners)],
    ['หลักสูตรที่สำเร็จ (ครั้ง)', c(d.completions)],
    ['ชั่วโมงการพัฒนาต่อคน', c(d.hoursPerPerson)],
    ...(['on_the_job', 'coaching', 'formal'] as const).map((k) => [
      `ชั่วโมง: ${MIX_TH[k]}`,
      `${c(d.hours[k])}${d.mix ? ` (${num(d.mix[k], '')}%)` : ''}`,
    ]),
    ['รุ่นอบรมที่หน่วยงานจัด / สำเร็จ / ผู้เข้าร่วม', `${d.cohorts.run} / ${d.cohorts.completed} / ${d.cohorts.participants}`],
    ['แผนพัฒนาบุคลากรของหน่วยงาน', d.plans.byState.map((p) => `${STATE_TH[p.state] ?? p.state} ${p.count}`).join(' · ') || 'ไม่มี'],
  ],
  [false, true],
)}

<h2>5. การรับรองหลักสูตรและคลังหลักสูตร (ระดับประเทศ)</h2>
${table(
  ['ตัวชี้วัด', 'จำนวน'],
  [
    ['รับรองแล้วในปีงบประมาณ / เป้าหมาย (ค่าที่ตั้งไว้)', `${a.accreditedThisYear} / ${a.yearlyTarget}`],
    ...a.pipeline.map((p) => [`หลักสูตรสถานะ ${COURSE_STATE_TH[p.state] ?? p.state}`, String(p.count)]),
    [
      'ค่ามัธยฐานวันต่อขั้นตอน (ตรวจเบื้องต้น / พิจารณา / ตัดสิน)',
      `${num(a.medianDays.screening, '–')} / ${num(a.medianDays.review, '–')} / ${num(a.medianDays.decision, '–')}`,
    ],
    [
      `ช่องว่างของคลังหลักสูตร (น้อยกว่า ${a.gapBelow} หลักสูตร)`,
      gaps.map((g) => `${e(g.skillAreaCode)}×${e(n.group(g.targetGroupCode))} (${g.courses})`).join(', ') || 'ไม่มี',
    ],
  ],
  [false, true],
)}

<h2>6. ตารางติดตามรายหน่วยงาน</h2>
${
  v.children.length === 0
    ? '<p>ไม่มีหน่วยงานย่อย</p>'
    : table(
        ['หน่วยงาน', 'บุคลากร', 'ร้อยละประเมินตนเอง', 'ร้อยละทำแบบทดสอบ', 'ร้อยละได้ระดับ', 'ผู้ได้รับการพัฒนา', 'ชม./คน', 'IDP', 'แผนหน่วยงาน'],
        v.children.map((r) => [
          `${e(r.agency.nameTh)} <span class="meta">(${e(r.agency.code)})</span>`,
          c(r.personnel),
          pct(r.selfAssessedPct),
          pct(r.testedPct),
          pct(r.meetingPct),
          c(r.learners),
          c(r.hoursPerPerson),
          c(r.idps),
          r.planState ? (STATE_TH[r.planState] ?? r.planState) : 'ยังไม่มี',
        ]),
        [false, true, true, true, true, true, true, true, false],
      )
}
<div class="note">“${small}” หมายถึงจำนวนน้อยกว่า ${n.minCellSize} คน ซึ่งไม่เปิดเผยเพื่อไม่ให้ระบุตัวบุคคลได้ (รวมถึงค่าที่อาจคำนวณย้อนกลับได้จากผลรวม)</div>
</body></html>`;
}

export function renderDashboardPdf(v: DashboardView, n: ReportNames, executablePath: string): Promise<Buffer> {
  return htmlToPdf(dashboardReportHtml(v, n), { executablePath, landscape: true });
}

/** The same figures as a workbook, one sheet per section; withheld counts are written as "<5". */
export async function renderDashboardXlsx(v: DashboardView, n: ReportNames): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thaksa';
  const small = `<${n.minCellSize}`;
  const c = (x: number | null) => (x === null ? small : x);
  const sheet = (name: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) =>
    addTableSheet(wb, name, columns, rows);
  sheet(
    'summary',
    [
      { header: 'item', key: 'item', width: 40 },
      { header: 'value', key: 'value', width: 40 },
    ],
    [
      { item: 'scope', value: scopeNameTh(v) },
      { item: 'scopeCode', value: v.scope.agency?.code ?? 'TH' },
      { item: 'fiscalYear', value: v.fiscalYear },
      { item: 'targetGroup', value: v.targetGroup ?? 'ALL' },
      { item: 'asOf', value: v.asOf ?? '' },
      { item: 'minCellSize', value: n.minCellSize },
      { item: 'idps', value: c(v.development.idps.all) },
      { item: 'idpsApproved', value: c(v.development.idps.approved) },
      { item: 'idpsCompleted', value: c(v.development.idps.completed) },
      { item: 'learners', value: c(v.development.learners) },
      { item: 'completions', value: c(v.development.completions) },
      { item: 'hoursFormal', value: c(v.development.hours.formal) },
      { item: 'hoursOnTheJob', value: c(v.development.hours.on_the_job) },
      { item: 'hoursCoaching', value: c(v.development.hours.coaching) },
      { item: 'hoursPerPerson', value: c(v.development.hoursPerPerson) },
      { item: 'cohortsRun', value: v.development.cohorts.run },
      { item: 'cohortsCompleted', value: v.development.cohorts.completed },
      ...v.development.plans.byState.map((p) => ({ item: `plans.${p.state}`, value: p.count })),
      { item: 'accreditedThisYear', value: v.accreditation.accreditedThisYear },
      { item: 'accreditationYearlyTarget', value: v.accreditation.yearlyTarget },
      ...v.accreditation.pipeline.map((p) => ({ item: `courses.${p.state}`, value: p.count })),
    ],
  );
  sheet(
    'people',
    [
      { header: 'targetGroup', key: 'code', width: 14 },
      { header: 'targetGroupTh', key: 'name', width: 30 },
      { header: 'personnel', key: 'personnel', width: 12 },
      { header: 'selfAssessed', key: 'selfAssessed', width: 12 },
      { header: 'selfAssessedPct', key: 'selfAssessedPct', width: 14 },
      { header: 'tested', key: 'tested', width: 10 },
      { header: 'testedPct', key: 'testedPct', width: 10 },
      { header: 'passed', key: 'passed', width: 10 },
    ],
    [...v.people.byTargetGroup, v.people.total].map((g) => ({
      code: g.targetGroupCode,
      name: g.targetGroupCode === 'ALL' ? 'รวม' : n.group(g.targetGroupCode),
      personnel: c(g.personnel),
      selfAssessed: c(g.selfAssessed),
      selfAssessedPct: g.selfAssessedPct,
      tested: c(g.tested),
      testedPct: g.testedPct,
      passed: c(g.passed),
    })),
  );
  sheet(
    'levels',
    [
      { header: 'targetGroup', key: 'g', width: 14 },
      { header: 'skillArea', key: 'a', width: 10 },
      { header: 'requiredLevel', key: 'r', width: 14 },
      { header: 'assessed', key: 'assessed', width: 10 },
      { header: 'meeting', key: 'meeting', width: 10 },
      { header: 'pct', key: 'pct', width: 8 },
    ],
    v.people.heatMap.map((h) => ({
      g: h.targetGroupCode,
      a: h.skillAreaCode,
      r: h.requiredLevel,
      assessed: c(h.assessed),
      meeting: h.requiredLevel === null ? null : c(h.meeting),
      pct: h.pct,
    })),
  );
  sheet(
    'gapClosure',
    [
      { header: 'skillArea', key: 'a', width: 10 },
      { header: 'assessedStart', key: 'as', width: 14 },
      { header: 'meetingStart', key: 'ms', width: 14 },
      { header: 'pctStart', key: 'ps', width: 10 },
      { header: 'assessedEnd', key: 'ae', width: 14 },
      { header: 'meetingEnd', key: 'me', width: 14 },
      { header: 'pctEnd', key: 'pe', width: 10 },
    ],
    v.people.gapClosure.map((g) => ({
      a: g.skillAreaCode,
      as: c(g.assessedStart),
      ms: c(g.meetingStart),
      ps: g.pctStart,
      ae: c(g.assessedEnd),
      me: c(g.meetingEnd),
      pe: g.pctEnd,
    })),
  );
  sheet(
    'catalogue',
    [
      { header: 'skillArea', key: 'a', width: 10 },
      { header: 'targetGroup', key: 'g', width: 14 },
      { header: 'courses', key: 'n', width: 10 },
      { header: 'gap', key: 'gap', width: 8 },
    ],
    v.accreditation.catalogue.map((x) => ({
      a: x.skillAreaCode,
      g: x.targetGroupCode,
      n: x.courses,
      gap: x.courses < v.accreditation.gapBelow,
    })),
  );
  sheet(
    'agencies',
    [
      { header: 'code', key: 'code', width: 14 },
      { header: 'nameTh', key: 'name', width: 40 },
      { header: 'personnel', key: 'personnel', width: 12 },
      { header: 'selfAssessedPct', key: 'sa', width: 14 },
      { header: 'testedPct', key: 'te', width: 10 },
      { header: 'meetingPct', key: 'me', width: 10 },
      { header: 'learners', key: 'learners', width: 10 },
      { header: 'hoursPerPerson', key: 'hpp', width: 14 },
      { header: 'idps', key: 'idps', width: 8 },
      { header: 'planState', key: 'plan', width: 12 },
    ],
    v.children.map((r) => ({
      code: r.agency.code,
      name: r.agency.nameTh,
      personnel: c(r.personnel),
      sa: r.selfAssessedPct,
      te: r.testedPct,
      me: r.meetingPct,
      learners: c(r.learners),
      hpp: r.hoursPerPerson,
      idps: c(r.idps),
      plan: r.planState ?? '',
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
