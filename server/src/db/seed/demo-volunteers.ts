import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import { ACTIVITY_TOPICS, VOLUNTEER_PRIVACY_NOTICE_VERSION } from '../../../../common/contracts/volunteers.js';
import { randomToken } from '../../lib/crypto.js';
import { protectCitizenId } from '../../lib/personal-data.js';
import { placeSubdistricts, villages, volunteerActivities, volunteers } from '../schema/index.js';
import type { DemoContext, DemoSeeder } from './demo.js';

/**
 * Demo content of the volunteer network in Chiang Mai (the demo coordinator's province): sample villages
 * (the place data has none; names are invented), the demo volunteer with a few months of activities, a
 * district leader, other active volunteers and two registrations waiting in the coordinator's queue.
 */

const DISTRICTS = ['5001', '5002', '5003'];
// biome-ignore format: a table
const VILLAGE_NAMES = ['บ้านสันป่าเลียง', 'บ้านหนองหอย', 'บ้านป่าแดด', 'บ้านแม่เหียะ', 'บ้านต้นเปา', 'บ้านดอนจั่น', 'บ้านสันทราย', 'บ้านหนองปลาสะวาย', 'บ้านป่าตาล'];

interface DemoVolunteer {
  firstName: string;
  lastName: string;
  district: string;
  villageIndex: number;
  status: 'active' | 'pending';
  level: 'village' | 'subdistrict' | 'district_leader';
  occupation: string;
  skills: string[];
  account?: 'volunteer';
}

// biome-ignore format: a table
const VOLUNTEERS: DemoVolunteer[] = [
  { firstName: 'มานี', lastName: 'รักถิ่น', district: '5001', villageIndex: 0, status: 'active', level: 'village', occupation: 'ค้าขาย', skills: ['ขายของออนไลน์', 'แอปเป๋าตัง'], account: 'volunteer' },
  { firstName: 'สมศักดิ์', lastName: 'ใจกว้าง', district: '5002', villageIndex: 0, status: 'active', level: 'district_leader', occupation: 'ครูเกษียณ', skills: ['รู้ทันภัยออนไลน์'] },
  { firstName: 'อรุณี', lastName: 'แสงทอง', district: '5001', villageIndex: 2, status: 'active', level: 'subdistrict', occupation: 'เกษตรกร', skills: ['เกษตรดิจิทัล'] },
  { firstName: 'ประยูร', lastName: 'ดวงดี', district: '5003', villageIndex: 0, status: 'active', level: 'village', occupation: 'ช่างซ่อมโทรศัพท์', skills: ['ตั้งค่าสมาร์ตโฟน'] },
  { firstName: 'วันเพ็ญ', lastName: 'ศรีสุข', district: '5001', villageIndex: 3, status: 'pending', level: 'village', occupation: 'แม่บ้าน', skills: ['ทำอาหารขายออนไลน์'] },
  { firstName: 'ธนากร', lastName: 'มีชัย', district: '5002', villageIndex: 1, status: 'pending', level: 'village', occupation: 'นักศึกษา', skills: ['เขียนโค้ด'] },
];

export const volunteersDemoSeeder: DemoSeeder = {
  name: 'volunteers',
  async isSeeded(ctx: DemoContext) {
    const account = ctx.accounts.get('volunteer');
    if (!account) return true;
    const [row] = await ctx.db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, account.userId));
    return !!row;
  },
  async seed(ctx: DemoContext) {
    const rng = ctx.rng('volunteers');
    const coordinator = ctx.accounts.get('coordinator');
    // Three villages in each of the first two subdistricts of three districts of Chiang Mai.
    const subs = await ctx.db
      .select()
      .from(placeSubdistricts)
      .where(inArray(placeSubdistricts.districtCode, DISTRICTS))
      .orderBy(asc(placeSubdistricts.code));
    const villageRows: (typeof villages.$inferInsert)[] = [];
    let n = 0;
    for (const district of DISTRICTS) {
      for (const sub of subs.filter((s) => s.districtCode === district).slice(0, 2)) {
        for (let moo = 1; moo <= 3; moo++) {
          const existing = await ctx.db.select({ id: villages.id }).from(villages).where(eq(villages.subdistrictCode, sub.code));
          if (existing.length >= 3) continue;
          villageRows.push({
            subdistrictCode: sub.code,
            districtCode: sub.districtCode,
            provinceCode: sub.provinceCode,
            moo,
            nameTh: VILLAGE_NAMES[n++ % VILLAGE_NAMES.length],
            createdBy: coordinator?.userId ?? null,
          });
        }
      }
    }
    if (villageRows.length) await ctx.db.insert(villages).values(villageRows).onConflictDoNothing();
    const allVillages = await ctx.db
      .select()
      .from(villages)
      .where(inArray(villages.districtCode, DISTRICTS))
      .orderBy(asc(villages.subdistrictCode), asc(villages.moo));

    let count = 0;
    let activities = 0;
    for (const [i, d] of VOLUNTEERS.entries()) {
      const village = allVillages.filter((v) => v.districtCode === d.district)[d.villageIndex];
      if (!village) continue;
      const id = protectCitizenId(ctx.secret, withCheckDigit(`39901000${String(100 + i).padStart(4, '0')}`));
      const account = d.account ? ctx.accounts.get(d.account) : undefined;
      const [v] = await ctx.db
        .insert(volunteers)
        .values({
          userId: account?.userId ?? null,
          citizenIdHash: id.hash,
          citizenIdCipher: id.cipher,
          citizenIdLast: id.last,
          firstName: d.firstName,
          lastName: d.lastName,
          phone: `08${String(10000000 + i * 7919).slice(0, 8)}`,
          lineId: null,
          email: account?.email ?? `volunteer${i + 1}@demo.thaksa.local`,
          villageId: village.id,
          subdistrictCode: village.subdistrictCode,
          districtCode: village.districtCode,
          provinceCode: village.provinceCode,
          occupation: d.occupation,
          skills: d.skills,
          consentVersion: VOLUNTEER_PRIVACY_NOTICE_VERSION,
          consentedAt: new Date(Date.now() - (40 - i) * 86400_000),
          status: d.status,
          level: d.level,
          decidedBy: d.status === 'active' ? (coordinator?.userId ?? null) : null,
          decidedAt: d.status === 'active' ? new Date(Date.now() - (30 - i) * 86400_000) : null,
          cardToken: randomToken(18),
        })
        .onConflictDoNothing()
        .returning();
      if (!v) continue;
      count++;
      if (d.status !== 'active') continue;
      // A few activities a month over the last three months.
      const rows: (typeof volunteerActivities.$inferInsert)[] = [];
      for (let k = 0; k < (d.account ? 9 : 3); k++) {
        const daysAgo = 2 + Math.floor(rng.next() * 85);
        rows.push({
          id: randomUUID(),
          volunteerId: v.id,
          topic: ACTIVITY_TOPICS[Math.floor(rng.next() * ACTIVITY_TOPICS.length)],
          peopleHelped: 1 + Math.floor(rng.next() * 12),
          villageId: village.id,
          subdistrictCode: village.subdistrictCode,
          districtCode: village.districtCode,
          provinceCode: village.provinceCode,
          activityDate: new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10),
          note: null,
        });
      }
      await ctx.db.insert(volunteerActivities).values(rows);
      activities += rows.length;
    }
    return { villages: villageRows.length, volunteers: count, activities };
  },
};
