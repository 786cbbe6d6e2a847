import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's password input with a named show/hide button, and aria-invalid set when it shows an error
 * (PasswordInput only sets data-invalid, so screen readers would not hear that the field is wrong).
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      aria-invalid={props.error ? true : undefined}
      {...props}
      visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
    />
  );
}
