import { describe, expect, it } from 'vitest';
import { compoundForms, highlight, queryTokens, searchDocument, segmentWords } from './thai-search.js';

const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

describe('segmentWords', () => {
  it('cuts Thai written without spaces into words, lower-cases and drops punctuation', () => {
    expect(segmentWords('ความปลอดภัยไซเบอร์สำหรับผู้บริหาร')).toEqual(['ความ', 'ปลอดภัย', 'ไซเบอร์', 'สำหรับ', 'ผู้', 'บริหาร']);
    expect(segmentWords('การวิเคราะห์ข้อมูลด้วย Python (PDPA), e-GP')).toEqual(['การ', 'วิเคราะห์', 'ข้อมูล', 'ด้วย', 'python', 'pdpa', 'e', 'gp']);
  });
});

describe('queryTokens', () => {
  it('drops Thai function words unless nothing else is left', () => {
    expect(queryTokens('การวิเคราะห์ข้อมูล')).toEqual(['วิเคราะห์', 'ข้อมูล']);
    expect(queryTokens('การ')).toEqual(['การ']);
  });

  it('drops words that only say the query is about a course (หลักสูตร, อบรม, คอร์ส, course, training)', () => {
    expect(queryTokens('หลักสูตรความปลอดภัยไซเบอร์')).toEqual(['ปลอดภัย', 'ไซเบอร์']);
    expect(queryTokens('อบรม Python ฟรี')).toEqual(['python', 'ฟรี']);
    expect(queryTokens('ฝึกอบรมคอร์ส Excel')).toEqual(['excel']);
    expect(queryTokens('cyber security course')).toEqual(['cyber', 'security']);
    expect(queryTokens('GIS training')).toEqual(['gis']);
  });

  it('drops English function words but keeps "IT"', () => {
    expect(queryTokens('AI for executives')).toEqual(['ai', 'executives']);
    expect(queryTokens('data analysis in Python with the pandas')).toEqual(['data', 'analysis', 'python', 'pandas']);
    expect(queryTokens('IT security')).toEqual(['it', 'security']);
    expect(queryTokens('the')).toEqual(['the']);
  });

  it('keeps each word once, at most 12', () => {
    expect(queryTokens('data data Data')).toEqual(['data']);
    expect(queryTokens('a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13')).toHaveLength(12);
  });
});

describe('compoundForms', () => {
  it('joins hyphenated words', () => {
    expect(compoundForms('Government e-Procurement (e-GP)')).toEqual(expect.arrayContaining(['eprocurement', 'egp']));
    expect(compoundForms('Low-code Application Development')).toContain('lowcode');
    expect(compoundForms('DG-LKUE-040')).toContain('dglkue040');
  });

  it('joins two English words in a row, but not with a function word or across punctuation', () => {
    expect(compoundForms('Cyber Security Awareness')).toEqual(['cybersecurity', 'securityawareness']);
    expect(compoundForms('Dashboards with Power BI')).toEqual(['powerbi']);
    expect(compoundForms('at work, safe passwords')).toEqual(['safepasswords']);
  });

  it('leaves Thai and single words alone', () => {
    expect(compoundForms('ความมั่นคงปลอดภัยไซเบอร์ Python')).toEqual([]);
  });
});

describe('searchDocument', () => {
  it('lists the words in order, then the joined forms of compounds once', () => {
    expect(searchDocument('ระบบ e-GP', 'Cyber Security', null, 'cyber security')).toBe(
      'ระบบ e gp cyber security cyber security egp cybersecurity',
    );
  });
});

describe('highlight', () => {
  it('marks query words where words of the text start', () => {
    expect(marked(highlight('ธรรมาภิบาลข้อมูลภาครัฐ', queryTokens('ธรรมาภิบาลดิจิทัล')))).toEqual(['ธรรมาภิบาล']);
    expect(marked(highlight('Generative AI for Government', ['ai']))).toEqual(['AI']);
  });

  it('does not mark the same letters inside another word', () => {
    // บาล (of ธรรมาภิบาล) inside รัฐบาล; ai inside maintain.
    expect(marked(highlight('การเปลี่ยนผ่านสู่รัฐบาลดิจิทัล', queryTokens('ธรรมาภิบาลดิจิทัล')))).toEqual(['ดิจิทัล']);
    expect(marked(highlight('We maintain systems', ['ai']))).toEqual([]);
  });

  it('marks a partial last word as a prefix, with the marks of its last letter', () => {
    expect(marked(highlight('การวิเคราะห์ข้อมูลด้วย Python', queryTokens('วิเคราะห์ข้อ')))).toEqual(['วิเคราะห์ข้อ']);
    expect(marked(highlight('ความปลอดภัยไซเบอร์ขั้นพื้นฐาน', ['ไซเบอร']))).toEqual(['ไซเบอร์']);
    expect(marked(highlight('ความปลอดภัยไซเบอร์ขั้นพื้นฐาน', ['ความปลอดภัยไซเบอ']))).toEqual(['ความปลอดภัยไซเบอ']);
  });

  it('keeps the whole text as it was, with an excerpt around a late match', () => {
    const text = `บทนำ ${'ข้อความยาว '.repeat(30)}ไซเบอร์ ท้าย`;
    const parts = highlight(text, ['ไซเบอร์'], 60);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(marked(parts)).toEqual(['ไซเบอร์']);
    const short = 'ความปลอดภัยไซเบอร์';
    expect(highlight(short, ['ไม่มี'])).toEqual([{ text: short, match: false }]);
    expect(
      highlight(short, ['ไซเบอร์'])
        .map((p) => p.text)
        .join(''),
    ).toBe(short);
  });
});
