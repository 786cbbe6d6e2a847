import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next.js';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login?next=/x'])('sends %s home', (value) => {
    expect(safeNextPath(value)).toBe('/home');
  });
});
