import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../common/contracts/framework.js';

/** Marks a fact the platform could not confirm from a cited source; confirmed facts carry no badge. */
export function VerificationBadge({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  if (verification === 'verified') return null;
  return (
    <Badge color="warn" variant="outline" radius="sm" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {t(`verification.${verification}`)}
    </Badge>
  );
}
