/** The fiscal year part and sequence of a certificate number: THK-2570-000123. */
export const formatCertificateNumber = (fiscalYear: number, seq: number) => `THK-${fiscalYear}-${String(seq).padStart(6, '0')}`;

/**
 * A name as the public verification page shows it: the title and first name whole, the last name reduced to
 * its initial as Thai abbreviates it — the first consonant (a leading vowel เ แ โ ใ ไ is skipped) and a full
 * stop, e.g. "นางสาวสมใจ ร." for รักเรียน and "จ." for เจริญ. A single name keeps its first two letters.
 */
export function maskName(full: string): string {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2) {
    const chars = [...parts[0]];
    return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.max(1, Math.min(6, chars.length - 2)))}`;
  }
  const last = parts[parts.length - 1];
  const initial = [...last].find((c) => /[\u0E01-\u0E2E]/.test(c)) ?? [...last][0];
  return `${parts.slice(0, -1).join(' ')} ${initial}.`;
}
