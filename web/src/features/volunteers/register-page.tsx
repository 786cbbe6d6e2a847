import { Alert, Anchor, Button, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegisterVolunteerBody, VOLUNTEER_PRIVACY_NOTICE_VERSION } from '../../../../common/contracts/volunteers.js';
import { registerVolunteer } from '../../api/volunteers.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { NO_PLACE, type PlaceChoice, PlacePicker } from './place-picker.js';

/** A citizen registers as a digital volunteer in their home village (public; phone first). */
export default function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('vol.register.title'));
  const { isSignedIn } = useSession();
  const { values, set } = useFormValues({
    citizenId: '',
    firstName: '',
    lastName: '',
    phone: '',
    lineId: '',
    email: '',
    password: '',
    occupation: '',
    skills: '',
    consent: false,
  });
  const [place, setPlace] = useState<PlaceChoice>(NO_PLACE);
  const [errors, setErrors] = useState(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: async () => {
      const body = parseBody(RegisterVolunteerBody, {
        citizenId: values.citizenId,
        firstName: values.firstName,
        lastName: values.lastName,
        phone: values.phone,
        lineId: values.lineId || undefined,
        email: isSignedIn ? undefined : values.email,
        password: isSignedIn ? undefined : values.password,
        villageId: place.village ?? '',
        occupation: values.occupation,
        skills: values.skills
          .split(/[,\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
        consent: { accepted: values.consent, version: VOLUNTEER_PRIVACY_NOTICE_VERSION },
      });
      return registerVolunteer(body);
    },
    onMutate: () => setErrors(NO_ERRORS),
    onError: (e) => setErrors(toFormErrors(e, t)),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const f = errors.fields;

  if (mutation.isSuccess) {
    return (
      <Stack gap="md" maw={560}>
        <Title order={1}>{t('vol.register.title')}</Title>
        <Alert color="ok" variant="light" title={t('vol.register.doneTitle')} role="status">
          {t('vol.register.done')}
        </Alert>
        <Anchor component={Link} to={isSignedIn ? '/volunteer' : '/login?next=%2Fvolunteer'}>
          {t('vol.register.next')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('vol.register.title')}</Title>
      <Text>{t('vol.register.intro')}</Text>
      {errors.general && <ErrorAlert message={errors.general} />}
      <form onSubmit={onSubmit} noValidate aria-label={t('vol.register.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('vol.field.citizenId')}
            description={t('vol.field.citizenIdHint')}
            inputMode="numeric"
            autoComplete="off"
            value={values.citizenId}
            onChange={(e) => set('citizenId', e.currentTarget.value)}
            error={f.citizenId}
            required
          />
          <TextInput
            label={t('vol.field.firstName')}
            autoComplete="given-name"
            value={values.firstName}
            onChange={(e) => set('firstName', e.currentTarget.value)}
            error={f.firstName}
            required
          />
          <TextInput
            label={t('vol.field.lastName')}
            autoComplete="family-name"
            value={values.lastName}
            onChange={(e) => set('lastName', e.currentTarget.value)}
            error={f.lastName}
            required
          />
          <TextInput
            label={t('vol.field.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={f.phone}
            required
          />
          <TextInput
            label={t('vol.field.lineId')}
            value={values.lineId}
            onChange={(e) => set('lineId', e.currentTarget.value)}
            error={f.lineId}
          />
          {!isSignedIn && (
            <>
              <TextInput
                label={t('vol.field.email')}
                description={t('vol.field.emailHint')}
                type="email"
                autoComplete="email"
                value={values.email}
                onChange={(e) => set('email', e.currentTarget.value)}
                error={f.email}
                required
              />
              <PasswordInput
                label={t('vol.field.password')}
                description={t('vol.field.passwordHint')}
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set('password', e.currentTarget.value)}
                error={f.password}
                required
              />
            </>
          )}
          <Paper withBorder p="sm">
            <Text fw={600} mb="xs">
              {t('vol.register.homeVillage')}
            </Text>
            <PlacePicker value={place} onChange={setPlace} error={f.villageId} />
          </Paper>
          <TextInput
            label={t('vol.field.occupation')}
            value={values.occupation}
            onChange={(e) => set('occupation', e.currentTarget.value)}
            error={f.occupation}
            required
          />
          <TextInput
            label={t('vol.field.skills')}
            description={t('vol.field.skillsHint')}
            value={values.skills}
            onChange={(e) => set('skills', e.currentTarget.value)}
            error={f.skills}
          />
          <Paper withBorder p="sm" bg="gray.0">
            <Text size="sm" mb="xs">
              {t('vol.register.privacy', { version: VOLUNTEER_PRIVACY_NOTICE_VERSION })}
            </Text>
            <Checkbox
              label={t('vol.register.consent')}
              checked={values.consent}
              onChange={(e) => set('consent', e.currentTarget.checked)}
              error={f.consent}
            />
          </Paper>
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('vol.register.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
