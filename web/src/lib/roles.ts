import type { TFunction } from 'i18next';
import type { RoleGrantView } from '../../../common/contracts/shared.js';

/** "Agency: Department of X", "National", "Self" — the scope of a grant in the reader's language. */
export function scopeText(grant: Pick<RoleGrantView, 'scopeType' | 'scopeId' | 'scopeLabel'>, t: TFunction): string {
  const type = t(`scope.${grant.scopeType}`);
  if (grant.scopeType === 'national' || grant.scopeType === 'self') return type;
  return t('scope.withLabel', { type, label: grant.scopeLabel || grant.scopeId });
}
