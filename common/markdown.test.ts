import { describe, expect, it } from 'vitest';
import { isSafeHref, markdownText, parseInline, parseMarkdown } from './markdown.js';

describe('article Markdown subset', () => {
  it('parses headings, paragraphs and both kinds of list', () => {
    const blocks = parseMarkdown(
      '# วิธีสังเกต\n\nมิจฉาชีพมักโทรมา\nอ้างเป็นเจ้าหน้าที่\n\n### ข้อควรจำ\n- อย่าโอนเงิน\n- โทร 1441\n\n1. วางสาย\n2. แจ้งความ',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'วิธีสังเกต' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'มิจฉาชีพมักโทรมา อ้างเป็นเจ้าหน้าที่' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'ข้อควรจำ' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'อย่าโอนเงิน' }], [{ type: 'text', text: 'โทร 1441' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'วางสาย' }], [{ type: 'text', text: 'แจ้งความ' }]] },
    ]);
  });

  it('marks bold, italic and safe links, nested', () => {
    expect(parseInline('ดู **[ศูนย์](https://www.1441.go.th) ด่วน** และ *ระวัง* _เสมอ_')).toEqual([
      { type: 'text', text: 'ดู ' },
      {
        type: 'strong',
        children: [
          { type: 'link', href: 'https://www.1441.go.th', children: [{ type: 'text', text: 'ศูนย์' }] },
          { type: 'text', text: ' ด่วน' },
        ],
      },
      { type: 'text', text: ' และ ' },
      { type: 'em', children: [{ type: 'text', text: 'ระวัง' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'เสมอ' }] },
    ]);
  });

  it('keeps HTML and unsafe links as text', () => {
    const nodes = parseInline('<script>alert(1)</script> [x](javascript:alert(1)) [y](//evil.example) <img src=x onerror=y>');
    expect(nodes.every((n) => n.type === 'text')).toBe(true);
    expect(nodes.map((n) => (n.type === 'text' ? n.text : '')).join('')).toContain('<script>');
    expect(isSafeHref('/hub/scam')).toBe(true);
    expect(isSafeHref('https://example.com/a')).toBe(true);
    expect(isSafeHref('data:text/html,x')).toBe(false);
    expect(isSafeHref('//evil.example')).toBe(false);
  });

  it('leaves lone marks as text and gives the plain text for search', () => {
    expect(parseInline('5 * 3 = 15 และ a ** b')).toEqual([{ type: 'text', text: '5 * 3 = 15 และ a ** b' }]);
    expect(markdownText('## หัวข้อ\n\n**ตัวหนา** [ลิงก์](https://a.example)\n\n- ข้อหนึ่ง')).toBe('หัวข้อ\nตัวหนา ลิงก์\nข้อหนึ่ง');
  });
});
