/**
 * Words to generate a national-scale catalogue of realistic Thai course text for the catalogue benchmark:
 * topics as Thai government training names them (written without spaces, as Thai is), audiences,
 * levels, sentence templates and provider names. Deterministic: every choice comes from a seeded PRNG.
 */

export interface Topic {
  th: string;
  en: string;
  area: string;
  /** Things the course practises, for summaries. */
  kw: string[];
}

export const TOPICS: Topic[] = [
  {
    th: 'ความปลอดภัยไซเบอร์',
    en: 'Cyber security',
    area: 'CS',
    kw: ['การป้องกันมัลแวร์', 'การตั้งรหัสผ่านที่ปลอดภัย', 'การรับมือเหตุการณ์', 'การสำรองข้อมูล'],
  },
  { th: 'การรับมือภัยคุกคามทางไซเบอร์', en: 'Cyber threat response', area: 'CS', kw: ['การวิเคราะห์เหตุการณ์', 'การเฝ้าระวังระบบ', 'การกู้คืนระบบ'] },
  { th: 'การทดสอบเจาะระบบ', en: 'Penetration testing', area: 'CS', kw: ['การค้นหาช่องโหว่', 'การทดสอบเว็บแอปพลิเคชัน', 'การเขียนรายงานความเสี่ยง'] },
  {
    th: 'การบริหารความเสี่ยงด้านสารสนเทศ',
    en: 'Information risk management',
    area: 'CS',
    kw: ['การประเมินความเสี่ยง', 'การกำหนดนโยบายความปลอดภัย', 'การควบคุมการเข้าถึง'],
  },
  {
    th: 'การคุ้มครองข้อมูลส่วนบุคคล',
    en: 'Personal data protection',
    area: 'DG',
    kw: ['การขอความยินยอม', 'การจัดทำบันทึกการประมวลผล', 'การแจ้งเหตุละเมิดข้อมูล'],
  },
  {
    th: 'ธรรมาภิบาลข้อมูลภาครัฐ',
    en: 'Government data governance',
    area: 'DG',
    kw: ['การจัดชั้นความลับของข้อมูล', 'การกำหนดเจ้าของข้อมูล', 'การแบ่งปันข้อมูลระหว่างหน่วยงาน'],
  },
  {
    th: 'กฎหมายดิจิทัลสำหรับภาครัฐ',
    en: 'Digital law for government',
    area: 'DG',
    kw: ['ธุรกรรมทางอิเล็กทรอนิกส์', 'ลายมือชื่อดิจิทัล', 'การเก็บรักษาเอกสารอิเล็กทรอนิกส์'],
  },
  { th: 'ข้อมูลเปิดภาครัฐ', en: 'Open government data', area: 'DU', kw: ['การเตรียมชุดข้อมูล', 'การเขียนคำอธิบายข้อมูล', 'การเผยแพร่ข้อมูล'] },
  { th: 'การวิเคราะห์ข้อมูล', en: 'Data analysis', area: 'DU', kw: ['การทำความสะอาดข้อมูล', 'การสรุปผลด้วยสถิติ', 'การสร้างแดชบอร์ด'] },
  { th: 'การวิเคราะห์ข้อมูลด้วยไพทอน', en: 'Data analysis with Python', area: 'DU', kw: ['การเขียนโปรแกรมไพทอน', 'การใช้ pandas', 'การสร้างกราฟ'] },
  {
    th: 'การสร้างแดชบอร์ดด้วย Power BI',
    en: 'Dashboards with Power BI',
    area: 'DU',
    kw: ['การเชื่อมต่อแหล่งข้อมูล', 'การออกแบบตัวชี้วัด', 'การนำเสนอข้อมูลด้วยภาพ'],
  },
  { th: 'การเล่าเรื่องด้วยข้อมูล', en: 'Data storytelling', area: 'DU', kw: ['การเลือกกราฟ', 'การเขียนข้อค้นพบ', 'การนำเสนอต่อผู้บริหาร'] },
  {
    th: 'ข้อมูลขนาดใหญ่เพื่อการวางแผน',
    en: 'Big data for planning',
    area: 'DU',
    kw: ['การรวบรวมข้อมูลหลายแหล่ง', 'การวิเคราะห์แนวโน้ม', 'การสร้างตัวชี้วัด'],
  },
  { th: 'ระบบสารสนเทศภูมิศาสตร์', en: 'Geographic information systems', area: 'DU', kw: ['การทำแผนที่', 'การวิเคราะห์เชิงพื้นที่', 'การใช้ข้อมูลพิกัด'] },
  { th: 'ปัญญาประดิษฐ์', en: 'Artificial intelligence', area: 'DT', kw: ['การเรียนรู้ของเครื่อง', 'การประเมินแบบจำลอง', 'จริยธรรมของปัญญาประดิษฐ์'] },
  { th: 'ปัญญาประดิษฐ์เชิงสร้างสรรค์', en: 'Generative AI', area: 'DT', kw: ['การเขียนคำสั่ง', 'การตรวจสอบผลลัพธ์', 'การใช้อย่างรับผิดชอบ'] },
  { th: 'การประมวลผลแบบคลาวด์', en: 'Cloud computing', area: 'DT', kw: ['การเลือกบริการคลาวด์', 'การย้ายระบบขึ้นคลาวด์', 'การควบคุมค่าใช้จ่าย'] },
  {
    th: 'การพัฒนาแอปพลิเคชันแบบโลว์โค้ด',
    en: 'Low-code application development',
    area: 'DT',
    kw: ['การสร้างแบบฟอร์ม', 'การเชื่อมต่อฐานข้อมูล', 'การทำงานอัตโนมัติ'],
  },
  { th: 'อินเทอร์เน็ตของสรรพสิ่ง', en: 'Internet of Things', area: 'DT', kw: ['การติดตั้งเซนเซอร์', 'การเก็บข้อมูลแบบเวลาจริง', 'การแจ้งเตือนอัตโนมัติ'] },
  { th: 'เทคโนโลยีบล็อกเชน', en: 'Blockchain technology', area: 'DT', kw: ['สัญญาอัจฉริยะ', 'การตรวจสอบย้อนกลับ', 'การยืนยันเอกสาร'] },
  { th: 'สถาปัตยกรรมองค์กร', en: 'Enterprise architecture', area: 'DT', kw: ['การออกแบบระบบ', 'การเชื่อมโยงข้อมูล', 'มาตรฐานการแลกเปลี่ยนข้อมูล'] },
  { th: 'การออกแบบบริการภาครัฐ', en: 'Government service design', area: 'DS', kw: ['การสัมภาษณ์ผู้ใช้บริการ', 'การทำต้นแบบ', 'การทดสอบกับประชาชน'] },
  {
    th: 'การออกแบบประสบการณ์ผู้ใช้',
    en: 'User experience design',
    area: 'DS',
    kw: ['การทดสอบการใช้งาน', 'การออกแบบหน้าจอ', 'การเข้าถึงได้ของทุกคน'],
  },
  {
    th: 'การให้บริการประชาชนผ่านช่องทางดิจิทัล',
    en: 'Serving citizens through digital channels',
    area: 'DS',
    kw: ['การตอบคำถามออนไลน์', 'การจัดการข้อร้องเรียน', 'การวัดความพึงพอใจ'],
  },
  {
    th: 'บริการภาครัฐแบบเบ็ดเสร็จ',
    en: 'One-stop government services',
    area: 'DS',
    kw: ['การลดขั้นตอน', 'การยกเลิกสำเนาเอกสาร', 'การเชื่อมโยงข้อมูลประชาชน'],
  },
  { th: 'การตลาดดิจิทัล', en: 'Digital marketing', area: 'DS', kw: ['การขายออนไลน์', 'การถ่ายภาพสินค้า', 'การสื่อสารผ่านโซเชียลมีเดีย'] },
  { th: 'ภาวะผู้นำดิจิทัล', en: 'Digital leadership', area: 'DLD', kw: ['การกำหนดวิสัยทัศน์', 'การนำการเปลี่ยนแปลง', 'การสร้างวัฒนธรรมข้อมูล'] },
  {
    th: 'การเปลี่ยนผ่านสู่องค์กรดิจิทัล',
    en: 'Digital transformation',
    area: 'DLD',
    kw: ['การประเมินความพร้อม', 'การจัดทำแผนดิจิทัล', 'การบริหารโครงการ'],
  },
  {
    th: 'การบริหารโครงการแบบอไจล์',
    en: 'Agile project management',
    area: 'DLD',
    kw: ['การวางแผนเป็นรอบ', 'การจัดลำดับงาน', 'การทำงานร่วมกับผู้ใช้'],
  },
  { th: 'การรู้ดิจิทัล', en: 'Digital literacy', area: 'DL', kw: ['การใช้อีเมล', 'การจัดการไฟล์', 'การค้นหาข้อมูลอย่างมีวิจารณญาณ'] },
  {
    th: 'การรู้เท่าทันสื่อและข่าวปลอม',
    en: 'Media literacy and fake news',
    area: 'DL',
    kw: ['การตรวจสอบแหล่งข่าว', 'การตรวจสอบภาพ', 'การแจ้งข่าวที่น่าสงสัย'],
  },
  {
    th: 'ระบบสารบรรณอิเล็กทรอนิกส์',
    en: 'Electronic correspondence',
    area: 'DL',
    kw: ['การรับส่งหนังสือราชการ', 'การลงนามอิเล็กทรอนิกส์', 'การจัดเก็บเอกสาร'],
  },
  { th: 'การทำงานร่วมกันแบบออนไลน์', en: 'Online collaboration', area: 'DL', kw: ['การประชุมออนไลน์', 'การแก้ไขเอกสารร่วมกัน', 'การใช้ปฏิทินออนไลน์'] },
  {
    th: 'การจัดซื้อจัดจ้างด้วยระบบอิเล็กทรอนิกส์',
    en: 'Electronic procurement',
    area: 'DL',
    kw: ['ขั้นตอนการจัดซื้อ', 'การตรวจสอบเอกสาร', 'การเปิดเผยข้อมูล'],
  },
];

export const AUDIENCES = [
  { th: 'ผู้บริหารระดับสูง', en: 'senior executives', group: 'EXECUTIVE' },
  { th: 'ผู้อำนวยการสำนักและกอง', en: 'bureau directors', group: 'MANAGEMENT' },
  { th: 'นักวิชาการและผู้ทำงานนโยบาย', en: 'policy and academic staff', group: 'ACADEMIC' },
  { th: 'ผู้ปฏิบัติงานด้านบริการ', en: 'service staff', group: 'SERVICE' },
  { th: 'เจ้าหน้าที่เทคโนโลยีสารสนเทศ', en: 'IT staff', group: 'TECHNOLOGY' },
  { th: 'บุคลากรทั่วไป', en: 'general staff', group: 'OTHERS' },
] as const;

export const LEVELS = [
  { th: 'เบื้องต้น', en: 'Introduction to' },
  { th: 'ระดับกลาง', en: 'Intermediate' },
  { th: 'ขั้นสูง', en: 'Advanced' },
];

export const FORMATS = ['หลักสูตร', 'การอบรมเชิงปฏิบัติการ', '', 'การพัฒนาทักษะ'];

export const EXAMPLES = ['งานทะเบียนราษฎร', 'งานสาธารณสุขจังหวัด', 'งานจัดเก็บภาษี', 'งานการศึกษา', 'งานเกษตรและสหกรณ์', 'งานองค์กรปกครองส่วนท้องถิ่น'];

export const PROVIDER_PREFIXES = ['มหาวิทยาลัย', 'สถาบันพัฒนาทักษะ', 'บริษัท ดิจิทัลเทรนนิ่ง', 'ศูนย์ฝึกอบรม', 'มูลนิธิส่งเสริม', 'วิทยาลัยเทคโนโลยี'];
export const PLACES = [
  'เชียงใหม่',
  'ขอนแก่น',
  'สงขลา',
  'นครราชสีมา',
  'ชลบุรี',
  'พิษณุโลก',
  'อุบลราชธานี',
  'สุราษฎร์ธานี',
  'นครปฐม',
  'กรุงเทพ',
  'ภูเก็ต',
  'ลำปาง',
];
export const PROVINCE_CODES = ['10', '50', '40', '90', '30', '20', '65', '34', '84', '73', '83', '52'];

/** Mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
