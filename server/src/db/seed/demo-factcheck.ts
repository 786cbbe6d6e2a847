import { eq, sql } from 'drizzle-orm';
import type { Verdict } from '../../../../common/contracts/factcheck.js';
import { searchDocument } from '../../lib/thai-search.js';
import { newTrackingCode } from '../../modules/factcheck/claims.service.js';
import { linkKey } from '../../modules/factcheck/links.js';
import * as repo from '../../modules/factcheck/repository.js';
import { textKey } from '../../modules/factcheck/similarity.js';
import { claimGroups } from '../schema/index.js';
import type { DemoContext, DemoSeeder } from './demo.js';

/**
 * Demo content of fact-checking: claim groups in every step of the queue (one published with its verdict),
 * reported from several provinces and platforms, one by the `volunteer` account. Sample claims, written
 * for the demo; the verdict's sources are real public sites.
 */

type DemoClaim = [text: string, platform: string, province: string, link?: string, byVolunteer?: boolean];
interface DemoGroup {
  status: 'new' | 'assigned' | 'in_review' | 'published';
  claims: DemoClaim[];
  verdict?: {
    verdict: Verdict;
    claimReviewed: string;
    explanationTh: string;
    explanationEn: string;
    sources: { url: string; title: string }[];
  };
}

const DAY = 86_400_000;

const GROUPS: DemoGroup[] = [
  {
    status: 'published',
    claims: [
      [
        'ธนาคารออมสินแจกเงินฟรี 5,000 บาท ให้ทุกคนที่ลงทะเบียนผ่านลิงก์นี้ภายในวันนี้',
        'line',
        '10',
        'https://gsb-gift.example.com/register?utm_source=line',
      ],
      ['ออมสินแจกเงินฟรี 5,000 บาท ลงทะเบียนผ่านลิงก์นี้ภายในวันนี้เท่านั้น', 'facebook', '50'],
      ['แชร์ด่วน ธนาคารออมสินแจกเงินฟรี 5,000 บาท ลงทะเบียนผ่านลิงก์ภายในวันนี้', 'line', '30', undefined, true],
    ],
    verdict: {
      verdict: 'false',
      claimReviewed: 'ธนาคารออมสินแจกเงิน 5,000 บาทให้ผู้ที่ลงทะเบียนผ่านลิงก์',
      explanationTh:
        'ธนาคารออมสินไม่มีโครงการแจกเงินผ่านลิงก์ลงทะเบียนที่ส่งต่อกันทาง LINE และ Facebook ลิงก์ดังกล่าวเป็นเว็บไซต์ปลอมที่หลอกให้กรอกข้อมูลส่วนตัวและรหัสผ่านธนาคาร อย่ากดลิงก์และอย่ากรอกข้อมูล ตรวจสอบข่าวของธนาคารได้จากเว็บไซต์และช่องทางทางการของธนาคารเท่านั้น',
      explanationEn: 'The Government Savings Bank runs no cash giveaway through a registration link; the link is a phishing site.',
      sources: [
        { url: 'https://www.gsb.or.th/', title: 'ธนาคารออมสิน เว็บไซต์ทางการ' },
        { url: 'https://www.antifakenewscenter.com/', title: 'ศูนย์ต่อต้านข่าวปลอม' },
      ],
    },
  },
  {
    status: 'in_review',
    claims: [
      ['การไฟฟ้าจะตัดไฟทั่วประเทศ 3 วัน ตั้งแต่วันที่ 1 ถึง 3 เดือนหน้า เตรียมตัวด้วย', 'facebook', '10'],
      ['การไฟฟ้าประกาศตัดไฟทั่วประเทศ 3 วัน วันที่ 1 ถึง 3 เดือนหน้า', 'tiktok', '20'],
    ],
  },
  {
    status: 'assigned',
    claims: [
      ['SMS จากกรมสรรพากร คืนภาษีผ่านลิงก์ ให้กรอกเลขบัญชีธนาคารเพื่อรับเงินคืนภาษี', 'sms', '10'],
      ['กรมสรรพากรส่ง SMS ให้คืนภาษีผ่านลิงก์ กรอกเลขบัญชีธนาคารเพื่อรับเงินคืน', 'sms', '12'],
      ['กรมสรรพากรส่ง SMS คืนภาษีผ่านลิงก์ ให้กรอกเลขบัญชีธนาคารเพื่อรับเงินคืน', 'sms', '50'],
      ['SMS กรมสรรพากรคืนภาษีผ่านลิงก์ กรอกเลขบัญชีธนาคารรับเงินคืนภาษี', 'line', '40'],
    ],
  },
  {
    status: 'new',
    claims: [['กินกระเทียมสดวันละ 3 กลีบป้องกันโรคหัวใจและมะเร็งได้ 100%', 'line', '50', undefined, true]],
  },
];

async function seedGroup(ctx: DemoContext, g: DemoGroup, index: number): Promise<number> {
  const checker = ctx.accounts.get('factchecker')?.userId ?? null;
  const volunteer = ctx.accounts.get('volunteer')?.userId ?? null;
  const start = Date.now() - (10 - index * 2) * DAY;
  const group = await repo.insertGroup(ctx.db, { sampleText: g.claims[0][0], textKey: textKey(g.claims[0][0]) });
  for (const [i, [text, platform, province, link, byVolunteer]] of g.claims.entries()) {
    await repo.insertClaim(ctx.db, {
      groupId: group.id,
      trackingCode: newTrackingCode(),
      text,
      link: link ?? null,
      linkKey: linkKey(link),
      textKey: textKey(text),
      platform,
      provinceCode: province,
      submitterUserId: byVolunteer ? volunteer : null,
      submittedAt: new Date(start + i * 3 * 3_600_000),
    });
  }
  await repo.recountGroup(ctx.db, group.id);
  const assigned = g.status !== 'new' && checker;
  await repo.updateGroup(ctx.db, group.id, { status: assigned ? g.status : 'new', assigneeId: assigned ? checker : null });
  if (g.verdict && checker) {
    const v = g.verdict;
    const at = new Date(start + 2 * DAY);
    await repo.insertVerdict(ctx.db, { groupId: group.id, version: 1, ...v, publishedBy: checker, publishedAt: at });
    await ctx.db
      .update(claimGroups)
      .set({
        ...v,
        verdictVersion: 1,
        publishedAt: at,
        firstPublishedAt: at,
        publishedBy: checker,
        searchVector: sql`to_tsvector('simple', ${searchDocument(v.claimReviewed, v.explanationTh, v.explanationEn, g.claims[0][0])}) || to_tsvector('english', ${v.explanationEn})`,
        searchText: v.claimReviewed.toLowerCase(),
      })
      .where(eq(claimGroups.id, group.id));
  }
  return g.claims.length;
}

export const factcheckDemoSeeder: DemoSeeder = {
  name: 'factcheck',
  isSeeded: async (ctx) => {
    const [row] = await ctx.db.select({ id: claimGroups.id }).from(claimGroups).limit(1);
    return !!row;
  },
  seed: async (ctx) => {
    let claims = 0;
    for (const [i, g] of GROUPS.entries()) claims += await seedGroup(ctx, g, i);
    return { claimGroups: GROUPS.length, claims, publishedChecks: GROUPS.filter((g) => g.verdict).length };
  },
};
