import ExcelJS from 'exceljs';
import { type AgencyPlanView, MIX_TARGET } from '../../../../common/contracts/plans.js';
import type { Db } from '../../db/client.js';
import { htmlToPdf } from '../../lib/pdf.js';
import { addTableSheet } from '../../lib/tabular.js';
import { escapeHtml as e, formatDateTh, sarabunFontCss } from '../../lib/thai-text.js';
import { currentFrameworkNames } from './repository.js';

/** Thai labels of the report; the report is an official Thai document (English in the XLSX headers' comments is not needed). */
const METRIC_TH: Record<string, string> = {
  assessed_pct: 'ร้อยละผู้ได้รับการประเมิน',
  at_level_pct: 'ร้อยละผู้มีระดับทักษะตามที่กำหนด',
  hours_per_person: 'ชั่วโมงการพัฒนาต่อคน',
  people_trained: 'จำนวนผู้ได้รับการพัฒนา (คน)',
};
const CATEGORY_TH: Record<string, string> = {
  training: 'ฝึกอบรม',
  coaching: 'การสอนงานและพี่เลี้ยง',
  on_the_job: 'เรียนรู้จากการปฏิบัติงาน',
  materials: 'สื่อและวัสดุ',
  travel: 'ค่าเดินทาง',
  other: 'อื่น ๆ',
};
const TYPE_TH: Record<string, string> = {
  on_the_job: 'เรียนรู้จากการปฏิบัติงาน (70)',
  coaching: 'การสอนงานและพี่เลี้ยง (20)',
  formal: 'หลักสูตรอบรม (10)',
};
const STATE_TH: Record<string, string> = { draft: 'ร่าง', submitted: 'รออนุมัติ', approved: 'อนุมัติแล้ว', returned: 'ส่งกลับแก้ไข' };
const MODE_TH: Record<string, string> = { classroom: 'ห้องเรียน', online_meeting: 'ประชุมออนไลน์', blended: 'ผสมผสาน' };

const baht = (n: number) => new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const num = (n: number) => new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 }).format(n);

export interface ReportLabels {
  area: (code: string) => string;
  group: (code: string) => string;
  phase: string;
}

export async function reportLabels(db: Db, plan: AgencyPlanView): Promise<ReportLabels> {
  const names = await currentFrameworkNames(db);
  return {
    area: (code) => (code === 'ALL' ? 'ทุกด้าน' : (names.areas.get(code)?.th ?? code)),
    group: (code) => names.groups.get(code)?.th ?? code,
    phase: plan.phases.find((p) => p.code === plan.phase)?.th ?? plan.phase,
  };
}

function progressText(t: AgencyPlanView['targets'][number]): string {
  if (t.progress.status === 'not_measured') return 'ยังไม่มีข้อมูลการวัด (รอระบบประเมินทักษะ)';
  return `${num(t.progress.actual ?? 0)}${t.progress.achievedPct === null ? '' : ` (${t.progress.achievedPct}% ของเป้าหมาย)`}`;
}

/** The plan report as self-contained HTML (A4 portrait, Thai, Buddhist-era dates), printed by Chromium. */
export function planReportHtml(p: AgencyPlanView, l: ReportLabels, printedAt = new Date()): string {
  const mix = p.mix;
  const rows = (cells: string[][]) => cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  const decided = p.events.filter((ev) => ev.action !== 'submit').at(-1);
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>แผนพัฒนาบุคลากร ${e(p.agency.nameTh)} ปีงบประมาณ ${p.fiscalYear}</title>
<style>
${sarabunFontCss()}
@page { size: A4; margin: 16mm 14mm; }
body { font-family: 'Sarabun', sans-serif; color: #1b2a41; font-size: 11pt; line-height: 1.5; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 1mm; color: #144c9d; }
h2 { font-size: 13.5pt; margin: 6mm 0 2mm; color: #144c9d; border-bottom: 0.4mm solid #c9a227; padding-bottom: 1mm; }
.meta { color: #4a5568; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; margin-top: 1mm; }
tr { break-inside: avoid; }
th, td { border: 0.2mm solid #a0aec0; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #edf2f7; font-weight: 700; }
td.n, th.n { text-align: right; white-space: nowrap; }
tfoot td { font-weight: 700; }
.muted { color: #718096; }
.bar { display: flex; height: 6mm; border: 0.2mm solid #a0aec0; margin: 1mm 0; }
.bar span { display: block; height: 100%; }
</style></head><body>
<h1>แผนพัฒนาทักษะดิจิทัลของบุคลากร ประจำปีงบประมาณ ${p.fiscalYear}</h1>
<div class="meta">${e(p.agency.nameTh)} (${e(p.agency.code)}) · ระยะ: ${e(l.phase)} · สถานะ: ${e(STATE_TH[p.state] ?? p.state)}${
    decided
      ? ` · ${decided.action === 'approve' ? 'อนุมัติ' : 'ส่งกลับ'}เมื่อ ${e(formatDateTh(decided.at))}${decided.actorName ? ` โดย ${e(decided.actorName)}` : ''}`
      : ''
  }</div>
<div class="meta">พิมพ์เมื่อ ${e(formatDateTh(printedAt))} · ความก้าวหน้าคำนวณจากบันทึกการเรียนรู้และข้อมูลบุคลากรในระบบ ณ วันที่พิมพ์</div>

<h2>วัตถุประสงค์</h2>
${p.objectives.length ? `<ol>${p.objectives.map((o) => `<li>${e(o)}</li>`).join('')}</ol>` : '<p class="muted">ยังไม่ได้ระบุ</p>'}

<h2>เป้าหมายและความก้าวหน้า</h2>
<table><colgroup><col style="width:22%"><col style="width:13%"><col style="width:17%"><col style="width:9%"><col style="width:11%"><col></colgroup><thead><tr><th>กลุ่มเป้าหมาย</th><th>ด้านทักษะ</th><th>ตัวชี้วัด</th><th class="n">เป้าหมาย</th><th class="n">จำนวนบุคลากร</th><th>ผลการดำเนินงาน</th></tr></thead>
<tbody>${rows(
    p.targets.map((t) => [
      e(l.group(t.targetGroupCode)),
      e(l.area(t.skillAreaCode)),
      e(METRIC_TH[t.metric] ?? t.metric),
      `<div style="text-align:right">${num(t.value)}</div>`,
      `<div style="text-align:right">${t.progress.population === null ? '–' : num(t.progress.population)}</div>`,
      e(progressText(t)),
    ]),
  )}</tbody></table>

<h2>งบประมาณ</h2>
<table><thead><tr><th>รายการ</th><th>หมวด</th><th class="n">จำนวนเงิน (บาท)</th></tr></thead>
<tbody>${rows(p.budgetLines.map((b) => [e(b.item), e(CATEGORY_TH[b.category] ?? b.category), `<div style="text-align:right">${baht(b.amountBaht)}</div>`]))}</tbody>
<tfoot><tr><td colspan="2">รวม</td><td class="n">${baht(p.budgetTotal)}</td></tr></tfoot></table>

<h2>กิจกรรมตามหลัก 70:20:10</h2>
<table><thead><tr><th>กิจกรรม</th><th>ประเภท</th><th class="n">ชั่วโมง</th><th class="n">ผู้เข้าร่วม (คน)</th></tr></thead>
<tbody>${rows(p.activities.map((a) => [e(a.title), e(TYPE_TH[a.type]), `<div style="text-align:right">${num(a.plannedHours)}</div>`, `<div style="text-align:right">${num(a.plannedPeople)}</div>`]))}</tbody></table>
${
  mix
    ? `<div class="bar" aria-hidden="true"><span style="width:${mix.on_the_job}%;background:#144c9d"></span><span style="width:${mix.coaching}%;background:#c9a227"></span><span style="width:${mix.formal}%;background:#38a169"></span></div>
<table><thead><tr><th>สัดส่วน</th><th class="n">ตามแผน</th><th class="n">เป้าหมาย</th></tr></thead><tbody>${rows(
        (['on_the_job', 'coaching', 'formal'] as const).map((k) => [
          e(TYPE_TH[k]),
          `<div style="text-align:right">${num(mix[k])}%</div>`,
          `<div style="text-align:right">${MIX_TARGET[k]}%</div>`,
        ]),
      )}</tbody></table>`
    : '<p class="muted">ยังไม่มีกิจกรรมที่วางแผนไว้</p>'
}

<h2>หลักสูตรที่วางแผนไว้</h2>
${
  p.plannedCourses.length
    ? `<table><thead><tr><th>หลักสูตร</th><th>ผู้จัด</th><th class="n">ชั่วโมง</th></tr></thead><tbody>${rows(
        p.plannedCourses.map((c) => [e(c.titleTh), e(c.providerNameTh), `<div style="text-align:right">${num(c.hours)}</div>`]),
      )}</tbody></table>`
    : '<p class="muted">ยังไม่ได้เลือกหลักสูตร</p>'
}

<h2>รุ่นการอบรม</h2>
${
  p.cohorts.length
    ? `<table><colgroup><col style="width:19%"><col style="width:27%"><col style="width:20%"><col style="width:12%"><col style="width:11%"><col></colgroup><thead><tr><th>รุ่น</th><th>หลักสูตร</th><th>วันที่</th><th>รูปแบบ</th><th class="n">ลงทะเบียน/รับได้</th><th class="n">ผ่านการอบรม</th></tr></thead><tbody>${rows(
        p.cohorts.map((c) => [
          e(c.title),
          e(c.courseTitleTh),
          e(c.startsOn === c.endsOn ? formatDateTh(c.startsOn) : `${formatDateTh(c.startsOn)} – ${formatDateTh(c.endsOn)}`),
          e(MODE_TH[c.mode] ?? c.mode),
          `<div style="text-align:right">${c.enrolled}/${c.capacity}</div>`,
          `<div style="text-align:right">${c.state === 'completed' ? c.completed : '–'}</div>`,
        ]),
      )}</tbody></table>`
    : '<p class="muted">ยังไม่มีรุ่นการอบรม</p>'
}
</body></html>`;
}

export function renderPlanReportPdf(p: AgencyPlanView, l: ReportLabels, executablePath: string): Promise<Buffer> {
  return htmlToPdf(planReportHtml(p, l), { executablePath });
}

/** The plan as a workbook with four sheets: targets (with progress), budget, activities, cohorts. */
export async function renderPlanReportXlsx(p: AgencyPlanView, l: ReportLabels): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thaksa';
  const sheet = (name: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) =>
    addTableSheet(wb, name, columns, rows);
  sheet(
    'targets',
    [
      { header: 'targetGroup', key: 'group', width: 14 },
      { header: 'targetGroupTh', key: 'groupTh', width: 30 },
      { header: 'skillArea', key: 'area', width: 10 },
      { header: 'skillAreaTh', key: 'areaTh', width: 30 },
      { header: 'metric', key: 'metric', width: 18 },
      { header: 'target', key: 'value', width: 10 },
      { header: 'population', key: 'population', width: 12 },
      { header: 'status', key: 'status', width: 14 },
      { header: 'actual', key: 'actual', width: 10 },
      { header: 'achievedPct', key: 'achieved', width: 12 },
    ],
    p.targets.map((t) => ({
      group: t.targetGroupCode,
      groupTh: l.group(t.targetGroupCode),
      area: t.skillAreaCode,
      areaTh: l.area(t.skillAreaCode),
      metric: t.metric,
      value: t.value,
      population: t.progress.population,
      status: t.progress.status,
      actual: t.progress.actual,
      achieved: t.progress.achievedPct,
    })),
  );
  const budget = sheet(
    'budget',
    [
      { header: 'item', key: 'item', width: 40 },
      { header: 'category', key: 'category', width: 14 },
      { header: 'amountBaht', key: 'amount', width: 16 },
    ],
    p.budgetLines.map((b) => ({ item: b.item, category: b.category, amount: b.amountBaht })),
  );
  budget.addRow({ item: 'รวม (total)', amount: p.budgetTotal }).font = { bold: true };
  sheet(
    'activities',
    [
      { header: 'title', key: 'title', width: 40 },
      { header: 'type', key: 'type', width: 14 },
      { header: 'plannedHours', key: 'hours', width: 14 },
      { header: 'plannedPeople', key: 'people', width: 14 },
    ],
    p.activities.map((a) => ({ title: a.title, type: a.type, hours: a.plannedHours, people: a.plannedPeople })),
  );
  sheet(
    'cohorts',
    [
      { header: 'title', key: 'title', width: 30 },
      { header: 'course', key: 'course', width: 40 },
      { header: 'startsOn', key: 'startsOn', width: 12 },
      { header: 'endsOn', key: 'endsOn', width: 12 },
      { header: 'mode', key: 'mode', width: 14 },
      { header: 'capacity', key: 'capacity', width: 10 },
      { header: 'enrolled', key: 'enrolled', width: 10 },
      { header: 'completed', key: 'completed', width: 10 },
      { header: 'state', key: 'state', width: 10 },
    ],
    p.cohorts.map((c) => ({ ...c, course: c.courseTitleTh })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
