import { Badge } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimPlatform, ClaimStatus, Verdict } from '../../../../common/contracts/factcheck.js';
import { PROVINCES } from '../../../../common/provinces.js';
import type { Language } from '../../lib/i18n.js';
import { localized } from '../catalog/labels.js';

// The contract's lists, repeated so public pages do not load Zod with the contract; the types keep them equal.
export const CLAIM_PLATFORMS = [
  'line',
  'facebook',
  'tiktok',
  'x',
  'youtube',
  'website',
  'sms',
  'other',
] as const satisfies readonly ClaimPlatform[];
export const VERDICTS = ['true', 'false', 'misleading', 'unproven'] as const satisfies readonly Verdict[];
export const CLAIM_STATUSES = ['new', 'assigned', 'in_review', 'published'] as const satisfies readonly ClaimStatus[];
type Missing =
  | Exclude<ClaimPlatform, (typeof CLAIM_PLATFORMS)[number]>
  | Exclude<Verdict, (typeof VERDICTS)[number]>
  | Exclude<ClaimStatus, (typeof CLAIM_STATUSES)[number]>;
export const LISTS_ARE_COMPLETE: [Missing] extends [never] ? true : never = true;

export const VERDICT_COLORS: Record<Verdict, string> = { true: 'ok', false: 'red', misleading: 'warn', unproven: 'gray' };
const STATUS_COLORS: Record<ClaimStatus, string> = { new: 'blue', assigned: 'grape', in_review: 'warn', published: 'ok' };

/** The verdict as a filled badge; the word is always there, colour only repeats it. */
export function VerdictBadge({ verdict, size = 'md' }: { verdict: Verdict; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={VERDICT_COLORS[verdict]} variant="filled" size={size} autoContrast>
      {t(`factcheck.verdict.${verdict}`)}
    </Badge>
  );
}

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" autoContrast>
      {t(`factcheck.status.${status}`)}
    </Badge>
  );
}

const collator = new Intl.Collator('th');

/** Provinces for a select, in the reader's alphabetical order. */
export function provinceOptions(lang: Language): { value: string; label: string }[] {
  return PROVINCES.map((p) => ({ value: p.code, label: localized(lang, p.nameTh, p.nameEn) })).sort((a, b) =>
    lang === 'th' ? collator.compare(a.label, b.label) : a.label.localeCompare(b.label, 'en'),
  );
}

/**
 * The page's schema.org data in <head> as exactly one <script type="application/ld+json">, removed when the
 * page goes; set as text, so nothing in it is parsed as HTML.
 */
export function useJsonLd(data: Record<string, unknown> | undefined) {
  useEffect(() => {
    if (!data) return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.thaksa = 'claim-review';
    script.textContent = JSON.stringify(data);
    document.head.appendChild(script);
    return () => script.remove();
  }, [data]);
}

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
