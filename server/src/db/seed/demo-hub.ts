import { eq, sql } from 'drizzle-orm';
import { CreateArticleBody } from '../../../../common/contracts/hub.js';
import { insertArticle } from '../../modules/hub/repository.js';
import { documentsOf } from '../../modules/hub/service.js';
import { queryRows } from '../client.js';
import { hubArticles, volunteerArticleReads, volunteerCurriculumItems, volunteers } from '../schema/index.js';
import type { DemoContext, DemoSeeder } from './demo.js';

/**
 * Demo content of the knowledge hub (decision 012): three published articles by the central office, the
 * volunteers' starter curriculum (a catalogue course and two articles), and the demo volunteer having read
 * the first article. The texts are written for the demo; they are not official guidance.
 */
const ARTICLES = [
  {
    slug: 'spot-call-centre-scams',
    kind: 'article',
    topic: 'scam_awareness',
    tags: ['มิจฉาชีพ', 'แก๊งคอลเซ็นเตอร์'],
    titleTh: 'รู้ทันแก๊งคอลเซ็นเตอร์: สัญญาณเตือนและสิ่งที่ควรทำ',
    titleEn: 'Spotting call-centre scams',
    summaryTh: 'มิจฉาชีพทางโทรศัพท์มักอ้างเป็นเจ้าหน้าที่รัฐหรือธนาคาร อาสาสมัครช่วยชาวบ้านสังเกตและตรวจสอบได้อย่างไร',
    summaryEn: 'Phone scammers pose as officials or banks; how volunteers help people check.',
    bodyTh:
      '## สัญญาณเตือน\n\n- อ้างว่าบัญชีของคุณ**พัวพันคดี**หรือมีพัสดุผิดกฎหมาย\n- เร่งให้โอนเงินเพื่อ "ตรวจสอบ"\n- ขอรหัส OTP หรือให้ติดตั้งแอปควบคุมเครื่อง\n\n## สิ่งที่ควรทำ\n\n1. วางสายแล้วโทรกลับหน่วยงานจากเบอร์ทางการ\n2. ตรวจสอบข่าวที่สงสัยได้ที่[หน้าตรวจสอบข่าว](/factcheck)\n3. แจ้งสายด่วน 1441',
  },
  {
    slug: 'start-selling-online',
    kind: 'article',
    topic: 'ecommerce',
    tags: ['ขายของออนไลน์', 'ชุมชน'],
    titleTh: 'เริ่มขายของออนไลน์ให้สินค้าชุมชน',
    titleEn: 'Start selling community products online',
    summaryTh: 'ขั้นตอนง่าย ๆ ในการเปิดร้านออนไลน์ ถ่ายภาพสินค้า ตั้งราคา และรับชำระเงินอย่างปลอดภัย',
    bodyTh:
      '## เตรียมสินค้า\n\nถ่ายภาพในที่แสงพอ เขียนรายละเอียดให้ชัด *ขนาด น้ำหนัก วิธีเก็บรักษา*\n\n## รับชำระเงิน\n\n- ใช้พร้อมเพย์ของร้าน\n- ตรวจยอดเงินเข้าจากแอปธนาคารทุกครั้ง ไม่เชื่อภาพสลิปเพียงอย่างเดียว',
  },
  {
    slug: 'tang-rat-services',
    kind: 'news',
    topic: 'egovernment',
    tags: ['ทางรัฐ'],
    titleTh: 'บริการภาครัฐบนแอปทางรัฐที่อาสาสมัครแนะนำได้',
    titleEn: 'Government services volunteers can show in the Tang Rat app',
    summaryTh: 'ตรวจสิทธิ์สวัสดิการ นัดหมายหน่วยงาน และติดตามคำขอได้จากโทรศัพท์',
    bodyTh: 'อาสาสมัครช่วยชาวบ้านติดตั้งแอป ยืนยันตัวตน และใช้บริการที่ใช้บ่อย เช่น ตรวจสอบสิทธิ์และนัดหมายล่วงหน้า',
  },
] as const;

export const hubDemoSeeder: DemoSeeder = {
  name: 'hub',
  async isSeeded(ctx: DemoContext) {
    const [row] = await ctx.db.select({ id: hubArticles.id }).from(hubArticles).where(eq(hubArticles.slug, ARTICLES[0].slug));
    return !!row;
  },
  async seed(ctx: DemoContext) {
    const author = ctx.accounts.get('central_monitor')?.userId;
    if (!author) return { articles: 0, curriculumItems: 0, articleReads: 0 };
    const ids: string[] = [];
    for (const [i, spec] of ARTICLES.entries()) {
      const a = CreateArticleBody.parse(spec);
      const row = await insertArticle(
        ctx.db,
        {
          slug: a.slug,
          kind: a.kind,
          topic: a.topic,
          tags: a.tags,
          titleTh: a.titleTh,
          titleEn: a.titleEn ?? '',
          summaryTh: a.summaryTh,
          summaryEn: a.summaryEn ?? '',
          bodyTh: a.bodyTh,
          bodyEn: a.bodyEn ?? '',
          courseIds: [],
          status: 'published',
          publishedAt: new Date(Date.now() - (i + 1) * 5 * 86_400_000),
          authorId: author,
          updatedBy: author,
        },
        documentsOf(a),
      );
      ids.push(row.id);
    }
    // The starter curriculum: a course of the public catalogue (when the demo catalogue has one) and two articles.
    const [course] = await queryRows<{ course_id: string }>(
      ctx.db,
      sql`select course_id from catalog_entries where status in ('accredited', 'accredited_with_conditions') order by title_th limit 1`,
    );
    const items = [
      ...(course ? [{ kind: 'course', courseId: course.course_id, articleId: null }] : []),
      { kind: 'article', courseId: null, articleId: ids[0] },
      { kind: 'article', courseId: null, articleId: ids[2] },
    ];
    await ctx.db.insert(volunteerCurriculumItems).values(items.map((it, i) => ({ ...it, position: i + 1, addedBy: author })));
    const volunteerUser = ctx.accounts.get('volunteer')?.userId;
    let reads = 0;
    if (volunteerUser) {
      const [v] = await ctx.db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, volunteerUser));
      if (v) {
        await ctx.db.insert(volunteerArticleReads).values({ volunteerId: v.id, articleId: ids[0] });
        reads = 1;
      }
    }
    return { articles: ids.length, curriculumItems: items.length, articleReads: reads };
  },
};
