/**
 * The catalogue's open-data columns and the import columns, described once: the exporters write these
 * columns in this order, the importer reads these names, and the data dictionary page shows this text.
 * Columns the two share have the same name and meaning, so an export can be edited and imported back.
 */

export interface ColumnDoc {
  key: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'list';
  required?: boolean;
  th: string;
  en: string;
  example: string;
}

export const OPEN_DATA_COLUMNS: readonly ColumnDoc[] = [
  { key: 'id', type: 'text', th: 'รหัสหลักสูตรในระบบทักษะ (UUID)', en: 'Course id in Thaksa (UUID)', example: '0b6a…' },
  { key: 'accreditationNumber', type: 'text', th: 'เลขที่การรับรองหลักสูตร', en: 'Accreditation number', example: 'สดช.-2569-0001' },
  {
    key: 'status',
    type: 'text',
    th: 'สถานะ: accredited (รับรอง), accredited_with_conditions (รับรองแบบมีเงื่อนไข), suspended (ระงับ), expired (หมดอายุ)',
    en: 'Status: accredited, accredited_with_conditions, suspended, expired',
    example: 'accredited',
  },
  { key: 'titleTh', type: 'text', th: 'ชื่อหลักสูตร (ไทย)', en: 'Title in Thai', example: 'การวิเคราะห์ข้อมูลภาครัฐ' },
  { key: 'titleEn', type: 'text', th: 'ชื่อหลักสูตร (อังกฤษ)', en: 'Title in English', example: 'Public-sector data analysis' },
  { key: 'descriptionTh', type: 'text', th: 'คำอธิบายหลักสูตร (ไทย)', en: 'Description in Thai', example: 'หลักสูตรนี้…' },
  { key: 'descriptionEn', type: 'text', th: 'คำอธิบายหลักสูตร (อังกฤษ)', en: 'Description in English', example: 'This course…' },
  { key: 'providerId', type: 'text', th: 'รหัสผู้ให้บริการฝึกอบรมในระบบทักษะ', en: 'Provider id in Thaksa', example: '5f1c…' },
  { key: 'providerName', type: 'text', th: 'ชื่อผู้ให้บริการฝึกอบรม (ไทย)', en: 'Provider name in Thai', example: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล' },
  { key: 'providerNameEn', type: 'text', th: 'ชื่อผู้ให้บริการฝึกอบรม (อังกฤษ)', en: 'Provider name in English', example: 'TDGA Academy' },
  {
    key: 'targetGroups',
    type: 'list',
    th: 'กลุ่มเป้าหมาย (รหัส คั่นด้วย |): EXECUTIVE, MANAGEMENT, ACADEMIC, SERVICE, TECHNOLOGY, OTHERS',
    en: 'Target groups (codes joined by |): EXECUTIVE, MANAGEMENT, ACADEMIC, SERVICE, TECHNOLOGY, OTHERS',
    example: 'ACADEMIC|SERVICE',
  },
  {
    key: 'skillAreas',
    type: 'list',
    th: 'ด้านทักษะและระดับที่หลักสูตรพัฒนา (รหัส:ระดับ คั่นด้วย |)',
    en: 'Skill areas and the level the course raises (code:level joined by |)',
    example: 'DU:2|DG:1',
  },
  { key: 'unitCodes', type: 'list', th: 'รหัสหน่วยสมรรถนะ (สคช.) คั่นด้วย |', en: 'TPQI unit codes joined by |', example: 'DG-LKUE-040' },
  { key: 'hours', type: 'number', th: 'จำนวนชั่วโมงรวม', en: 'Total hours', example: '18' },
  {
    key: 'deliveryMode',
    type: 'text',
    th: 'รูปแบบ: classroom (ในห้องเรียน), online (ออนไลน์), blended (ผสมผสาน)',
    en: 'Delivery: classroom, online, blended',
    example: 'blended',
  },
  {
    key: 'pacing',
    type: 'text',
    th: 'instructor_led (มีผู้สอน) หรือ self_paced (เรียนด้วยตนเอง)',
    en: 'instructor_led or self_paced',
    example: 'instructor_led',
  },
  { key: 'language', type: 'text', th: 'ภาษา: th, en, th_en', en: 'Language: th, en, th_en', example: 'th' },
  { key: 'fee', type: 'number', th: 'ค่าลงทะเบียน (บาท) 0 = ไม่มีค่าใช้จ่าย', en: 'Fee in baht (0 = free)', example: '0' },
  { key: 'province', type: 'text', th: 'รหัสจังหวัด 2 หลัก (ว่าง = ไม่ระบุ)', en: 'Two-digit province code (empty = none)', example: '10' },
  { key: 'isOnline', type: 'boolean', th: 'เรียนออนไลน์ได้ (true/false)', en: 'Can be taken online (true/false)', example: 'true' },
  { key: 'nextRunOn', type: 'date', th: 'วันเริ่มรุ่นถัดไป (ค.ศ. YYYY-MM-DD)', en: 'Start of the next run (YYYY-MM-DD)', example: '2027-01-15' },
  { key: 'accreditedFrom', type: 'date', th: 'วันเริ่มการรับรอง (ค.ศ. YYYY-MM-DD)', en: 'Accredited from (YYYY-MM-DD)', example: '2026-11-01' },
  {
    key: 'accreditedUntil',
    type: 'date',
    th: 'วันสิ้นสุดการรับรอง (ค.ศ. YYYY-MM-DD)',
    en: 'Accredited until (YYYY-MM-DD)',
    example: '2028-10-31',
  },
  { key: 'ratingAvg', type: 'number', th: 'คะแนนความพึงพอใจเฉลี่ย (1–5)', en: 'Average rating (1–5)', example: '4.5' },
  { key: 'ratingCount', type: 'number', th: 'จำนวนผู้ให้คะแนน', en: 'Number of ratings', example: '12' },
  { key: 'url', type: 'text', th: 'ที่อยู่หน้าหลักสูตร', en: 'Address of the course page', example: 'https://…/catalog/courses/…' },
  { key: 'updatedAt', type: 'date', th: 'ปรับปรุงข้อมูลล่าสุด (ISO 8601)', en: 'Last updated (ISO 8601)', example: '2026-11-29T10:00:00.000Z' },
];

export const IMPORT_COLUMNS: readonly ColumnDoc[] = [
  {
    key: 'externalId',
    type: 'text',
    required: true,
    th: 'รหัสหลักสูตรในระบบเดิม (นำเข้าซ้ำจะปรับปรุงรายการเดิม)',
    en: 'Course id in the old system (re-importing updates it)',
    example: 'ONDE-2565-0042',
  },
  { key: 'titleTh', type: 'text', required: true, th: 'ชื่อหลักสูตร (ไทย)', en: 'Title in Thai', example: 'การวิเคราะห์ข้อมูลภาครัฐ' },
  { key: 'titleEn', type: 'text', th: 'ชื่อหลักสูตร (อังกฤษ)', en: 'Title in English', example: 'Public-sector data analysis' },
  { key: 'descriptionTh', type: 'text', required: true, th: 'คำอธิบายหลักสูตร (ไทย)', en: 'Description in Thai', example: 'หลักสูตรนี้…' },
  { key: 'descriptionEn', type: 'text', th: 'คำอธิบายหลักสูตร (อังกฤษ)', en: 'Description in English', example: 'This course…' },
  {
    key: 'providerName',
    type: 'text',
    required: true,
    th: 'ชื่อผู้ให้บริการฝึกอบรม (ไทย)',
    en: 'Provider name in Thai',
    example: 'มหาวิทยาลัยตัวอย่าง',
  },
  {
    key: 'providerTaxId',
    type: 'text',
    required: true,
    th: 'เลขประจำตัวผู้เสียภาษี/นิติบุคคล 13 หลักของผู้ให้บริการ',
    en: "Provider's 13-digit tax id",
    example: '0994000158378',
  },
  {
    key: 'providerKind',
    type: 'text',
    th: 'ประเภทผู้ให้บริการ: government, university, company, foundation (ว่าง = อนุมานจากชื่อ)',
    en: 'Provider type: government, university, company, foundation (empty = inferred from the name)',
    example: 'university',
  },

  {
    key: 'targetGroups',
    type: 'list',
    required: true,
    th: 'กลุ่มเป้าหมาย (รหัส คั่นด้วย |)',
    en: 'Target groups (codes joined by |)',
    example: 'ACADEMIC|SERVICE',
  },
  { key: 'skillAreas', type: 'list', required: true, th: 'ด้านทักษะ:ระดับ คั่นด้วย |', en: 'Skill area:level joined by |', example: 'DU:2|DG:1' },
  { key: 'hours', type: 'number', required: true, th: 'จำนวนชั่วโมงรวม (มากกว่า 0)', en: 'Total hours (more than 0)', example: '18' },
  {
    key: 'deliveryMode',
    type: 'text',
    required: true,
    th: 'classroom, online หรือ blended',
    en: 'classroom, online or blended',
    example: 'classroom',
  },
  { key: 'language', type: 'text', required: true, th: 'th, en หรือ th_en', en: 'th, en or th_en', example: 'th' },
  { key: 'fee', type: 'number', required: true, th: 'ค่าลงทะเบียน (บาท)', en: 'Fee in baht', example: '1500' },
  { key: 'province', type: 'text', th: 'รหัสจังหวัด 2 หลัก', en: 'Two-digit province code', example: '10' },
  {
    key: 'accreditationNumber',
    type: 'text',
    required: true,
    th: 'เลขที่การรับรองเดิม',
    en: 'Accreditation number given by the old system',
    example: 'สดช.-2565-0042',
  },
  {
    key: 'accreditedFrom',
    type: 'date',
    required: true,
    th: 'วันเริ่มการรับรอง (ค.ศ. YYYY-MM-DD)',
    en: 'Accredited from (YYYY-MM-DD)',
    example: '2025-01-10',
  },
  {
    key: 'accreditedUntil',
    type: 'date',
    required: true,
    th: 'วันสิ้นสุดการรับรอง (ค.ศ. YYYY-MM-DD)',
    en: 'Accredited until (YYYY-MM-DD)',
    example: '2027-01-09',
  },
];
