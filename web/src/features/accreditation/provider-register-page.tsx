import { Alert, Anchor, Button, Fieldset, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isValidThaiId } from '../../../../common/citizen-id.js';
import { RegisterProviderBody } from '../../../../common/contracts/accreditation-registry.js';
import { registerProvider } from '../../api/accreditation.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PasswordField } from '../../components/password-field.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const KINDS = ['government', 'university', 'company', 'foundation'] as const;

export default function ProviderRegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('acc.register.title'));
  const { values, set } = useFormValues({
    nameTh: '',
    nameEn: '',
    kind: 'company' as (typeof KINDS)[number],
    taxId: '',
    address: '',
    provinceCode: '',
    website: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    adminEmail: '',
    adminName: '',
    password: '',
  });
  const [taxTouched, setTaxTouched] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      registerProvider(
        parseBody(RegisterProviderBody, {
          nameTh: values.nameTh,
          nameEn: values.nameEn,
          kind: values.kind,
          taxId: values.taxId,
          address: values.address,
          provinceCode: values.provinceCode.trim(),
          website: values.website.trim() || undefined,
          contactName: values.contactName,
          contactEmail: values.contactEmail.trim(),
          contactPhone: values.contactPhone,
          admin: { email: values.adminEmail.trim(), displayName: values.adminName, password: values.password },
        }),
      ),
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const adminErrors: Record<string, string> = {};
  if (mutation.error && 'errors' in (mutation.error as object)) {
    for (const fe of (mutation.error as { errors?: { path: string; code?: string }[] }).errors ?? []) {
      const m = /^body\.admin\.(\w+)/.exec(fe.path);
      if (m?.[1] && !adminErrors[m[1]]) adminErrors[m[1]] = t(`validation.${fe.code ?? 'invalid'}`, { defaultValue: t('validation.invalid') });
    }
  }
  const taxLocal = taxTouched && values.taxId.trim() !== '' && !isValidThaiId(values.taxId) ? t('acc.register.taxIdInvalid') : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTaxTouched(true);
    mutation.mutate();
  };

  if (mutation.isSuccess) {
    return (
      <Stack gap="lg" maw={720}>
        <Title order={1}>{t('acc.register.doneTitle')}</Title>
        <Alert color="ok" variant="light" role="status" title={mutation.data.provider.nameTh}>
          {t('acc.register.doneText', { email: mutation.data.admin.email })}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('nav.signIn')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{t('acc.register.title')}</Title>
      <Text>{t('acc.register.intro')}</Text>
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <ErrorAlert message={errors.general} />
            <Fieldset legend={t('acc.register.organisation')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('acc.register.nameTh')} required value={values.nameTh} onChange={(e) => set('nameTh', e.currentTarget.value)} error={errors.fields.nameTh} />
                <TextInput label={t('acc.register.nameEn')} required value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={errors.fields.nameEn} />
                <NativeSelect
                  label={t('acc.register.kind')}
                  required
                  data={KINDS.map((k) => ({ value: k, label: t(`acc.kind.${k}`) }))}
                  value={values.kind}
                  onChange={(e) => set('kind', e.currentTarget.value as (typeof KINDS)[number])}
                  error={errors.fields.kind}
                />
                <TextInput
                  label={t('acc.register.taxId')}
                  description={t('acc.register.taxIdHint')}
                  required
                  inputMode="numeric"
                  value={values.taxId}
                  onChange={(e) => set('taxId', e.currentTarget.value)}
                  onBlur={() => setTaxTouched(true)}
                  error={taxLocal ?? (errors.fields.taxId ? t('acc.register.taxIdInvalid') : undefined)}
                />
              </SimpleGrid>
              <Textarea mt="sm" label={t('acc.register.address')} required autosize minRows={2} value={values.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.fields.address} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
                <TextInput
                  label={t('acc.register.province')}
                  description={t('acc.register.provinceHint')}
                  required
                  inputMode="numeric"
                  maxLength={2}
                  value={values.provinceCode}
                  onChange={(e) => set('provinceCode', e.currentTarget.value)}
                  error={errors.fields.provinceCode}
                />
                <TextInput label={t('acc.register.website')} type="url" value={values.website} onChange={(e) => set('website', e.currentTarget.value)} error={errors.fields.website} />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('acc.register.contact')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('acc.register.contactName')} required value={values.contactName} onChange={(e) => set('contactName', e.currentTarget.value)} error={errors.fields.contactName} />
                <TextInput label={t('acc.register.contactEmail')} type="email" required value={values.contactEmail} onChange={(e) => set('contactEmail', e.currentTarget.value)} error={errors.fields.contactEmail} />
                <TextInput label={t('acc.register.contactPhone')} type="tel" required value={values.contactPhone} onChange={(e) => set('contactPhone', e.currentTarget.value)} error={errors.fields.contactPhone} />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('acc.register.admin')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('acc.register.adminName')} required value={values.adminName} onChange={(e) => set('adminName', e.currentTarget.value)} error={adminErrors.displayName} />
                <TextInput label={t('acc.register.adminEmail')} type="email" autoComplete="username" required value={values.adminEmail} onChange={(e) => set('adminEmail', e.currentTarget.value)} error={adminErrors.email} />
              </SimpleGrid>
              <PasswordField mt="sm" label={t('acc.register.password')} description={t('account.password.rule')} autoComplete="new-password" required value={values.password} onChange={(e) => set('password', e.currentTarget.value)} error={adminErrors.password} />
            </Fieldset>
            <div>
              <Button type="submit" loading={mutation.isPending}>
                {t('acc.register.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
