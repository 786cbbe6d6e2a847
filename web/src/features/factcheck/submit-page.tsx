import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CLAIM_IMAGE_MAX_BYTES, CLAIM_IMAGE_TYPES, SubmitClaimBody } from '../../../../common/contracts/factcheck.js';
import { AppError } from '../../../../common/errors.js';
import { isAppError } from '../../api/client.js';
import { getClaimChallenge, submitClaim } from '../../api/factcheck.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { solveChallenge } from './proof-of-work.js';
import { CLAIM_PLATFORMS, fileToBase64, provinceOptions } from './shared.js';

type Answer = { token: string; counter: number };

/**
 * Fetches a challenge and works it out in the background while the person writes, so sending is instant;
 * `next()` starts over (a used or expired challenge).
 */
function useChallenge(enabled: boolean) {
  const [state, setState] = useState<'idle' | 'working' | 'ready' | 'failed'>('idle');
  const answer = useRef<Promise<Answer> | null>(null);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each round fetches and works out a new challenge
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setState('working');
    const work = getClaimChallenge().then(async (c) => ({ token: c.token, counter: await solveChallenge(c.token, c.bits, abort.signal) }));
    answer.current = work;
    work.then(
      () => !abort.signal.aborted && setState('ready'),
      () => !abort.signal.aborted && setState('failed'),
    );
    return () => abort.abort();
  }, [enabled, round]);
  return { state, answer: () => answer.current, next: () => setRound((r) => r + 1) };
}

function Done({ code }: { code: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}/factcheck/track/${code}`;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('factcheck.submit.doneTitle')}</Title>
      <Alert color="ok" variant="light" role="status" title={t('factcheck.submit.codeLabel')}>
        <Stack gap="xs">
          <Text size="xl" fw={700} ff="monospace" data-testid="tracking-code">
            {code}
          </Text>
          <Text>{t('factcheck.submit.doneText')}</Text>
          <Group gap="sm">
            <Button component={Link} to={`/factcheck/track/${code}`}>
              {t('factcheck.submit.trackButton')}
            </Button>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('common.copied') : t('factcheck.submit.copyLink')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Alert>
      <Anchor component={Link} to="/factcheck">
        {t('factcheck.search.title')}
      </Anchor>
    </Stack>
  );
}

export default function SubmitClaimPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('factcheck.submit.title'));
  const { isSignedIn: signedIn, isPending } = useSession();
  const challenge = useChallenge(!isPending && !signedIn);
  const { values, set } = useFormValues({
    text: '',
    link: '',
    platform: '',
    provinceCode: '',
    contactEmail: '',
    contactPhone: '',
    homepage: '',
    image: null as File | null,
  });
  const [imageError, setImageError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const image = values.image
        ? { contentType: values.image.type, dataBase64: await fileToBase64(values.image), filename: values.image.name }
        : undefined;
      const body = parseBody(SubmitClaimBody, {
        text: values.text,
        link: values.link.trim() || undefined,
        platform: values.platform || undefined,
        provinceCode: values.provinceCode || undefined,
        contactEmail: signedIn ? undefined : values.contactEmail.trim() || undefined,
        contactPhone: signedIn ? undefined : values.contactPhone.trim() || undefined,
        homepage: values.homepage || undefined,
        image,
      });
      const pending = signedIn ? null : challenge.answer();
      if (!signedIn && !pending) throw new AppError('claim.challenge_failed');
      return submitClaim({ ...body, challenge: pending ? await pending : undefined });
    },
    onError: (e) => {
      if (isAppError(e) && (e.code === 'claim.challenge_used' || e.code === 'claim.challenge_failed')) challenge.next();
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onPickImage = (file: File | null) => {
    setImageError(null);
    if (file && !(CLAIM_IMAGE_TYPES as readonly string[]).includes(file.type)) {
      setImageError(t('factcheck.submit.imageType'));
      set('image', null);
      return;
    }
    if (file && file.size > CLAIM_IMAGE_MAX_BYTES) {
      setImageError(t('factcheck.submit.imageSize'));
      set('image', null);
      return;
    }
    set('image', file);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  if (mutation.isSuccess) return <Done code={mutation.data.trackingCode} />;

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('factcheck.submit.title')}</Title>
      <Text>{t('factcheck.submit.intro')}</Text>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <form onSubmit={onSubmit} noValidate aria-label={t('factcheck.submit.title')}>
          <Stack gap="md">
            <ErrorAlert message={errors.general} />
            <Textarea
              label={t('factcheck.submit.text')}
              description={t('factcheck.submit.textHint')}
              required
              autosize
              minRows={4}
              maxLength={5000}
              value={values.text}
              onChange={(e) => set('text', e.currentTarget.value)}
              error={errors.fields.text}
            />
            <TextInput
              label={t('factcheck.submit.link')}
              description={t('factcheck.submit.linkHint')}
              type="url"
              inputMode="url"
              value={values.link}
              onChange={(e) => set('link', e.currentTarget.value)}
              error={errors.fields.link}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('factcheck.submit.platform')}
                required
                data={[
                  { value: '', label: t('factcheck.submit.choose') },
                  ...CLAIM_PLATFORMS.map((p) => ({ value: p, label: t(`factcheck.platform.${p}`) })),
                ]}
                value={values.platform}
                onChange={(e) => set('platform', e.currentTarget.value)}
                error={errors.fields.platform}
              />
              <NativeSelect
                label={t('factcheck.submit.province')}
                required
                data={[{ value: '', label: t('factcheck.submit.choose') }, ...provinceOptions(lang)]}
                value={values.provinceCode}
                onChange={(e) => set('provinceCode', e.currentTarget.value)}
                error={errors.fields.provinceCode}
              />
            </SimpleGrid>
            <FileInput
              label={t('factcheck.submit.image')}
              description={t('factcheck.submit.imageHint')}
              accept={CLAIM_IMAGE_TYPES.join(',')}
              clearable
              value={values.image}
              onChange={onPickImage}
              error={imageError ?? errors.fields.image}
            />
            {signedIn ? (
              <Text size="sm" c="dimmed">
                {t('factcheck.submit.signedInNote')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('factcheck.submit.contactEmail')}
                  description={t('factcheck.submit.contactEmailHint')}
                  type="email"
                  autoComplete="email"
                  value={values.contactEmail}
                  onChange={(e) => set('contactEmail', e.currentTarget.value)}
                  error={errors.fields.contactEmail}
                />
                <TextInput
                  label={t('factcheck.submit.contactPhone')}
                  description={t('factcheck.submit.contactPhoneHint')}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={values.contactPhone}
                  onChange={(e) => set('contactPhone', e.currentTarget.value)}
                  error={errors.fields.contactPhone}
                />
              </SimpleGrid>
            )}
            {/* A field people never see; form-filling bots fill it and the server refuses the claim. */}
            <div style={{ display: 'none' }}>
              <label>
                homepage
                <input
                  name="homepage"
                  tabIndex={-1}
                  autoComplete="off"
                  value={values.homepage}
                  onChange={(e) => set('homepage', e.currentTarget.value)}
                />
              </label>
            </div>
            {signedIn ? null : (
              <Text size="sm" c={challenge.state === 'failed' ? 'red' : 'dimmed'} role="status" data-challenge={challenge.state}>
                {t(`factcheck.submit.challenge.${challenge.state}`)}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {t('factcheck.submit.send')}
              </Button>
              <Anchor component={Link} to="/factcheck/track">
                {t('factcheck.track.title')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
