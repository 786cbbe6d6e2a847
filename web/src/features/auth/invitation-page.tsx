import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AcceptInvitationBody } from '../../../../common/contracts/auth.js';
import { acceptInvitation, inspectInvitation } from '../../api/people.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { PasswordField } from '../../components/password-field.js';
import { errorMessage, NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { SESSION_KEY } from './use-session.js';
import '../people/messages.js';

/** The token travels after `#` so no server log sees it; it is read once and removed from the address bar. */
function useInvitationToken(): string {
  const [token] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}

/** An invited person (imported by their agency's HR) sets their first password and is signed in. */
export default function InvitationPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('invitation.title'));
  const token = useInvitationToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => inspectInvitation(token),
    enabled: token.length >= 20,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(parseBody(AcceptInvitationBody, { token, password })),
    onSuccess: (session) => {
      queryClient.setQueryData(SESSION_KEY, session);
      navigate('/home', { replace: true });
    },
  });
  const errors = accept.error ? toFormErrors(accept.error, t) : NO_ERRORS;
  const mismatch = confirm !== '' && confirm !== password;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) accept.mutate();
  };

  return (
    <Stack maw={460} mx="auto" gap="md" py="lg">
      <Title order={1}>{t('invitation.title')}</Title>
      {token.length < 20 ? (
        <Alert color="red" variant="light" role="alert" title={t('invitation.noTokenTitle')}>
          {t('invitation.noToken')}
        </Alert>
      ) : invitation.isPending ? (
        <PageLoader />
      ) : invitation.error ? (
        <Alert color="red" variant="light" role="alert" title={t('invitation.unusableTitle')}>
          {errorMessage(invitation.error, t)}{' '}
          <Anchor component={Link} to="/login" underline="always">
            {t('invitation.toLogin')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <Text>
            {t('invitation.greeting', {
              name: invitation.data.displayName,
              email: invitation.data.email,
              until: formatDate(invitation.data.expiresAt, lang, 'dateTime'),
            })}
          </Text>
          <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <ErrorAlert message={errors.general} />
              {/* The e-mail as the user name, so password managers save the right account. */}
              <input type="email" name="username" autoComplete="username" value={invitation.data.email} readOnly hidden />
              <PasswordField
                label={t('account.password.new')}
                description={t('account.password.rule')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.fields.password}
              />
              <PasswordField
                label={t('account.password.confirm')}
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={mismatch ? t('account.password.mismatch') : undefined}
              />
              <Button type="submit" loading={accept.isPending} disabled={mismatch}>
                {t('invitation.submit')}
              </Button>
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
