import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's modal with a translated name on its close button (axe: button-name). */
export function AppModal(props: Omit<ModalProps, 'opened'> & { opened?: boolean }) {
  const { t } = useTranslation();
  return <Modal opened {...props} closeButtonProps={{ 'aria-label': t('common.close'), ...props.closeButtonProps }} />;
}
