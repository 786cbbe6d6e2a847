import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './labels.js';

/** The catalogue status of a course: accredited, with conditions, suspended or expired. */
export function CatalogStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" tt="none" autoContrast style={{ flexShrink: 0 }}>
      {t(`catalog.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
