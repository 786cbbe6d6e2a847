import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors.js';

/** Shows an API error as a translated sentence; announced to screen readers as it appears. */
export function ErrorAlert({ error, title, message }: { error?: unknown; title?: string; message?: string | null }) {
  const { t } = useTranslation();
  const text = message ?? (error ? errorMessage(error, t) : null);
  if (!text) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('common.errorTitle')}>
      {text}
    </Alert>
  );
}
