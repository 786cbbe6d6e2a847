import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../../common/contracts/auth.js';
import { AppError } from '../../../../common/errors.js';
import { login } from '../../api/auth.js';
import { type DemoAccount, getPlatformInfo } from '../../api/platform.js';
import { PasswordField } from '../../components/password-field.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { safeNextPath } from '../../lib/safe-next.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { DemoAccounts } from './demo-accounts.js';
import { SESSION_KEY, useSession } from './use-session.js';

/** Codes that deserve their own explanation beyond the one-line error. */
const HELP_BY_CODE: Record<string, string> = {
  'auth.account_locked': 'login.lockedHelp',
  rate_limited: 'login.rateLimitedHelp',
};

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { isSignedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  // The demo accounts come from the server, which lists them only where the demo dataset is loaded.
  const info = useQuery({ queryKey: ['platform-info'], queryFn: getPlatformInfo, staleTime: Number.POSITIVE_INFINITY });
  const demo = info.data?.demoAccounts ?? null;

  const mutation = useMutation({
    mutationFn: () => login(parseBody(LoginBody, { email: email.trim(), password })),
    onSuccess: (session) => {
      queryClient.setQueryData(SESSION_KEY, session);
      navigate(next, { replace: true });
    },
  });

  if (isSignedIn && !mutation.isSuccess) return <Navigate to={next} replace />;

  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const code = mutation.error instanceof AppError ? mutation.error.code : null;
  const help = code ? HELP_BY_CODE[code] : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  // Fills the form and moves to the sign-in button, so Enter (or one more click) signs in.
  const fillDemoAccount = (account: DemoAccount) => {
    setEmail(account.email);
    if (info.data?.demoPassword) setPassword(info.data.demoPassword);
    mutation.reset();
    submitRef.current?.focus();
  };

  return (
    <Stack maw={440} mx="auto" gap="md" py="lg">
      <Title order={1}>{t('login.title')}</Title>
      <Text>{t('login.lead')}</Text>
      <Paper
        withBorder
        p="lg"
        radius="md"
        component="form"
        onSubmit={onSubmit}
        noValidate
        aria-describedby={errors.general ? 'login-error' : undefined}
      >
        <Stack gap="md">
          {errors.general ? (
            <Alert id="login-error" color="red" variant="light" role="alert" title={t('login.failed')}>
              <Text size="sm">{errors.general}</Text>
              {help ? (
                <Text size="sm" mt={4}>
                  {t(help)}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <TextInput
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.fields.email}
          />
          <PasswordField
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.fields.password}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth ref={submitRef}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
      {demo && demo.length > 0 ? (
        <DemoAccounts accounts={demo} password={info.data?.demoPassword ?? null} onPick={fillDemoAccount} />
      ) : null}
    </Stack>
  );
}
