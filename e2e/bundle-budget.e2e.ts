import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialJsFor } from './bundle-size.js';

const dist = join(new URL('..', import.meta.url).pathname, 'web/dist');
const BUDGET = 250 * 1024;

// quality.md: public pages load at most 250 kB of gzip JavaScript before they show.
describe('initial JavaScript of public pages', () => {
  for (const page of [
    'landing/landing-page.tsx',
    'framework/framework-page.tsx',
    'auth/login-page.tsx',
    'accreditation/verify-page.tsx',
    'accreditation/provider-register-page.tsx',
    'hub/hub-page.tsx',
    'hub/article-page.tsx',
  ]) {
    it(`${page} stays within 250 kB gzip`, () => {
      const { gzipBytes } = initialJsFor(dist, `src/features/${page}`);
      console.info(`${page}: ${(gzipBytes / 1024).toFixed(1)} kB gzip initial JS`);
      expect(gzipBytes).toBeLessThanOrEqual(BUDGET);
    });
  }
});
