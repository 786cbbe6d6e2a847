import { Alert, Anchor, Box, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { type CatalogCourseView, type CourseRunView, getCatalogCourse } from '../../api/catalog.js';
import { isAppError } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { StatusPage } from '../../components/status-page.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { countdownText, feeText, localized, provinceName, ratingText } from './labels.js';
import { RATING_SCALES, RatingForm } from './rating-form.js';
import { ShortlistPanel } from './shortlist-panel.js';
import { CatalogStatusBadge } from './status-badge.js';

/**
 * Puts the page's schema.org data in <head> as one <script type="application/ld+json">, and takes it
 * away when the page goes; set as text, so nothing in it is ever parsed as HTML.
 */
function useJsonLd(data: Record<string, unknown> | undefined) {
  useEffect(() => {
    if (!data) return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.thaksa = 'course';
    script.textContent = JSON.stringify(data);
    document.head.appendChild(script);
    return () => script.remove();
  }, [data]);
}

function dateRange(from: string | null, to: string | null, lang: Language, t: ReturnType<typeof useTranslation>['t']): string {
  if (!from) return '—';
  if (!to || to === from) return formatDate(from, lang);
  return t('catalog.course.range', { from: formatDate(from, lang), to: formatDate(to, lang) });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function FactsTable({ c }: { c: CatalogCourseView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const warn = c.daysUntilExpiry !== null && c.daysUntilExpiry <= 90;
  const places = [...(c.isOnline ? [t('catalog.delivery.online')] : []), ...c.provinces.map((p) => provinceName(p, lang))];
  const rows: [string, ReactNode][] = [
    [
      t('catalog.course.number'),
      c.accreditationNumber ? (
        <Anchor key="n" component={Link} size="sm" to={`/verify/accreditation/${encodeURIComponent(c.accreditationNumber)}`}>
          {c.accreditationNumber}
          <Text span className="visually-hidden">
            {' '}
            {t('catalog.course.verifyHint')}
          </Text>
        </Anchor>
      ) : (
        '—'
      ),
    ],
    [t('catalog.course.status'), <CatalogStatusBadge key="s" status={c.status} />],
    [
      t('catalog.course.validity'),
      <Fragment key="v">
        {dateRange(c.validFrom, c.validUntil, lang, t)}
        {c.daysUntilExpiry !== null ? (
          <Text size="sm" c={warn ? 'warn' : 'dimmed'} fw={warn ? 600 : undefined}>
            {countdownText(c.daysUntilExpiry, t)}
          </Text>
        ) : null}
      </Fragment>,
    ],
    [
      t('catalog.course.provider'),
      <Anchor key="p" component={Link} size="sm" to={`/catalog/providers/${c.provider.id}`}>
        {localized(lang, c.provider.nameTh, c.provider.nameEn)}
      </Anchor>,
    ],
    [t('catalog.course.hours'), t('catalog.card.hours', { count: c.hours })],
    [t('catalog.course.delivery'), t(`catalog.delivery.${c.deliveryMode}`, { defaultValue: c.deliveryMode })],
    [t('catalog.course.pacing'), c.pacing ? t(`acc.pacing.${c.pacing}`, { defaultValue: c.pacing }) : '—'],
    [t('catalog.course.language'), t(`acc.language.${c.language}`, { defaultValue: c.language })],
    [t('catalog.course.fee'), feeText(c.feeBaht, lang, t)],
    [
      t('catalog.course.capacity'),
      c.capacity ? t('catalog.course.people', { count: c.capacity, formatted: formatNumber(c.capacity, lang) }) : '—',
    ],
    [t('catalog.course.places'), places.length ? places.join(', ') : '—'],
  ];
  return (
    <Table captionSide="top" className="facts-table">
      <caption className="visually-hidden">{t('catalog.course.factsCaption')}</caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="38%" fw={600}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OutcomesTable({ c }: { c: CatalogCourseView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const outcomes = [...c.outcomes].sort((a, b) => a.skillAreaCode.localeCompare(b.skillAreaCode) || a.levelRank - b.levelRank);
  if (!outcomes.length) {
    return (
      <Text size="sm">
        {c.skillAreas.map((s) => `${s.code} ${t('catalog.levelN', { level: s.level })}`).join(', ') || t('catalog.course.noOutcomes')}
      </Text>
    );
  }
  return (
    <ScrollRegion label={t('catalog.course.outcomes')}>
      <Table withTableBorder captionSide="top">
        <caption className="visually-hidden">{t('catalog.course.outcomes')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('catalog.course.skillArea')}</Table.Th>
            <Table.Th scope="col">{t('catalog.course.level')}</Table.Th>
            <Table.Th scope="col">{t('catalog.course.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcomes.map((o) => (
            <Table.Tr key={`${o.skillAreaCode}-${o.levelRank}-${o.textTh}`}>
              <Table.Th scope="row" fw={400}>
                {localized(lang, o.skillAreaNameTh, o.skillAreaNameEn)} ({o.skillAreaCode})
              </Table.Th>
              <Table.Td>{t('catalog.levelN', { level: o.levelRank })}</Table.Td>
              <Table.Td lang="th">
                {o.textTh}
                {o.unitCodes.length ? (
                  <Text size="xs" c="dimmed">
                    {t('catalog.course.units', { codes: o.unitCodes.join(', ') })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function HoursTable({ c }: { c: CatalogCourseView }) {
  const { t } = useTranslation();
  if (!c.hoursByMethod) {
    return (
      <Text size="sm">
        {t('catalog.course.hoursTotal', { count: c.hours })}{' '}
        <Text span c="dimmed" size="sm">
          {t('catalog.course.hoursImported')}
        </Text>
      </Text>
    );
  }
  const rows = Object.entries(c.hoursByMethod).filter(([, h]) => h > 0);
  return (
    <Table withTableBorder captionSide="top" maw={420}>
      <caption className="visually-hidden">{t('catalog.course.hoursByMethod')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('catalog.course.method')}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('catalog.course.hoursCol')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([m, h]) => (
          <Table.Tr key={m}>
            <Table.Th scope="row" fw={400}>
              {t(`acc.method.${m}`, { defaultValue: m })}
            </Table.Th>
            <Table.Td ta="end">{h}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">{t('catalog.course.total')}</Table.Th>
          <Table.Td ta="end" fw={700}>
            {c.hours}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function runPlace(r: CourseRunView, lang: Language, t: ReturnType<typeof useTranslation>['t']): string {
  return r.mode === 'online' ? t('catalog.delivery.online') : provinceName(r.provinceCode, lang);
}

/** Upcoming runs: a table on wider screens, one card per run on a phone. */
function RunsTable({ runs }: { runs: CourseRunView[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const upcoming = runs.filter((r) => !r.isCancelled);
  if (!upcoming.length) return <Text size="sm">{t('catalog.course.noRuns')}</Text>;
  return (
    <>
      <Box visibleFrom="sm">
        <Table withTableBorder striped captionSide="top">
          <caption className="visually-hidden">{t('catalog.course.runs')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalog.runs.label')}</Table.Th>
              <Table.Th scope="col">{t('catalog.runs.dates')}</Table.Th>
              <Table.Th scope="col">{t('catalog.runs.deadline')}</Table.Th>
              <Table.Th scope="col">{t('catalog.runs.place')}</Table.Th>
              <Table.Th scope="col">{t('catalog.runs.seats')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upcoming.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={400}>
                  {r.label}
                </Table.Th>
                <Table.Td>{dateRange(r.startsOn, r.endsOn, lang, t)}</Table.Td>
                <Table.Td>{r.registrationDeadline ? formatDate(r.registrationDeadline, lang) : '—'}</Table.Td>
                <Table.Td>
                  {runPlace(r, lang, t)}
                  {r.venue ? (
                    <Text size="xs" c="dimmed">
                      {r.venue}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatNumber(r.seats, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack gap="xs" component="ul" className="result-list" hiddenFrom="sm" aria-label={t('catalog.course.runs')}>
        {upcoming.map((r) => (
          <Paper key={r.id} withBorder p="sm" component="li">
            <Text fw={600}>{r.label}</Text>
            <Text size="sm">{dateRange(r.startsOn, r.endsOn, lang, t)}</Text>
            <Text size="sm">
              {runPlace(r, lang, t)}
              {r.venue ? ` · ${r.venue}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                r.registrationDeadline ? t('catalog.runs.deadlineOn', { date: formatDate(r.registrationDeadline, lang) }) : null,
                t('catalog.runs.seatsN', { count: r.seats, formatted: formatNumber(r.seats, lang) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

function RatingSummary({ c }: { c: CatalogCourseView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const r = c.rating;
  if (r.count === 0 || r.average === null) return <Text size="sm">{t('catalog.course.noRatings')}</Text>;
  return (
    <Stack gap={4}>
      <Text>
        <Text span fz="xl" fw={700}>
          {ratingText(r.average, lang)}
        </Text>{' '}
        {t('catalog.course.ratingOutOf', { count: r.count })}
      </Text>
      <List size="sm" spacing={2}>
        {RATING_SCALES.map((s) => (
          <List.Item key={s}>
            {t(`catalog.rating.${s}`)}: {ratingText(r[s], lang) || '—'}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function MyRating({ c }: { c: CatalogCourseView }) {
  const { t } = useTranslation();
  if (!c.myRating) return null;
  const mine = c.myRating;
  return (
    <Alert color="thaksa" variant="light" title={t('catalog.rating.mineTitle')}>
      {RATING_SCALES.map((s) => `${t(`catalog.rating.${s}`)} ${mine[s]}`).join(' · ')}
      {mine.comment ? <Text size="sm">“{mine.comment}”</Text> : null}
    </Alert>
  );
}

/** What a signed-in reader may do here; a visitor is told that signing in unlocks rating and shortlisting. */
function Actions({ c }: { c: CatalogCourseView }) {
  const { t } = useTranslation();
  const { isSignedIn, isPending } = useSession();
  const location = useLocation();
  const [rated, setRated] = useState(false);
  if (isPending) return null;
  if (!isSignedIn) {
    return (
      <Text size="sm">
        <Anchor component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`} underline="always">
          {t('catalog.course.signInLink')}
        </Anchor>{' '}
        {t('catalog.course.signInText')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {c.abilities.manageRuns ? (
        <div>
          <Button component={Link} to={`/provider/courses/${c.id}/runs`} variant="light">
            {t('catalog.course.manageRuns')}
          </Button>
        </div>
      ) : null}
      <MyRating c={c} />
      {/* Kept after rating (the page then says rate: false) so its thanks stay on screen. */}
      {c.abilities.rate || rated ? <RatingForm courseId={c.id} onRated={() => setRated(true)} /> : null}
      <ShortlistPanel course={c} />
    </Stack>
  );
}

/** A course's public page: accreditation, provider, outcomes, hours, runs and ratings, with its schema.org data. */
export default function CatalogCoursePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const { session } = useSession();
  // Abilities depend on who reads the page: signing in or out asks again.
  const query = useQuery({
    queryKey: ['catalog-course', id, session.user?.id ?? null],
    queryFn: () => getCatalogCourse(id),
    retry: false,
  });
  const c = query.data;
  usePageTitle(c ? localized(lang, c.titleTh, c.titleEn) : t('catalog.course.title'));
  useJsonLd(c?.jsonLd);
  const from = (location.state as { from?: string } | null)?.from;
  const back = (
    <Anchor component={Link} to={from ? `/catalog${from}` : '/catalog'} size="sm">
      {from ? t('catalog.course.backToResults') : t('catalog.course.backToCatalog')}
    </Anchor>
  );

  if (query.isPending) return <PageLoader />;
  if (isAppError(query.error) && (query.error.status === 404 || query.error.status === 400)) return <StatusPage kind="notFound" />;
  if (!c) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }
  const title = localized(lang, c.titleTh, c.titleEn);
  const other = lang === 'th' ? c.titleEn : c.titleTh;
  const summary = localized(lang, c.summaryTh, c.summaryEn);

  return (
    <Stack gap="lg">
      {back}
      <Stack gap={6}>
        <Group gap="xs">
          <CatalogStatusBadge status={c.status} />
          {c.accreditationNumber ? (
            <Text size="sm" c="dimmed">
              {t('catalog.card.number', { number: c.accreditationNumber })}
            </Text>
          ) : null}
        </Group>
        <Title order={1} className="course-title" lang={lang === 'en' && c.titleEn ? 'en' : 'th'}>
          {title}
        </Title>
        {other && other !== title ? (
          <Text c="dimmed" lang={lang === 'th' ? 'en' : 'th'}>
            {other}
          </Text>
        ) : null}
        <Text lang={lang === 'en' && c.summaryEn ? 'en' : 'th'} maw={760}>
          {summary}
        </Text>
      </Stack>

      {c.status === 'accredited_with_conditions' && c.conditions ? (
        <Alert color="thaksa" variant="light" title={t('catalog.course.conditions')}>
          {c.conditions}
        </Alert>
      ) : null}
      {c.status === 'suspended' || c.status === 'expired' ? (
        <Alert color={c.status === 'suspended' ? 'warn' : 'gray'} variant="light" title={t(`catalog.status.${c.status}`)}>
          {t(`catalog.course.${c.status}Text`)}
        </Alert>
      ) : null}

      <Group align="flex-start" gap="xl" className="course-layout">
        <Stack gap="xl" className="course-main">
          <Paper withBorder p="md">
            <FactsTable c={c} />
          </Paper>
          <Section title={t('catalog.course.runs')}>
            <RunsTable runs={c.runs} />
          </Section>
          <Section title={t('catalog.course.outcomes')}>
            <OutcomesTable c={c} />
          </Section>
          {c.objectives.length ? (
            <Section title={t('catalog.course.objectives')}>
              <List size="sm" spacing={2} lang="th">
                {c.objectives.map((o) => (
                  <List.Item key={o}>{o}</List.Item>
                ))}
              </List>
            </Section>
          ) : null}
          <Section title={t('catalog.course.targetGroups')}>
            <List size="sm" spacing={2}>
              {c.targetGroupNames.map((g) => (
                <List.Item key={g.code}>{localized(lang, g.nameTh, g.nameEn)}</List.Item>
              ))}
            </List>
          </Section>
          <Section title={t('catalog.course.hoursByMethod')}>
            <HoursTable c={c} />
          </Section>
          <Section title={t('catalog.course.teaching')}>
            <Stack gap="xs">
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {t('catalog.course.assessment')}:
                </Text>{' '}
                {c.assessmentMethod || '—'}
              </Text>
              {c.prerequisites ? (
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {t('catalog.course.prerequisites')}:
                  </Text>{' '}
                  {c.prerequisites}
                </Text>
              ) : null}
              <Text size="sm" fw={600}>
                {t('catalog.course.instructors')}
              </Text>
              {c.instructors.length ? (
                <List size="sm" spacing={2}>
                  {c.instructors.map((i) => (
                    <List.Item key={`${i.name}-${i.qualifications}`}>
                      {i.name} — {i.qualifications}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm">—</Text>
              )}
            </Stack>
          </Section>
        </Stack>
        <Stack gap="md" className="course-side" component="aside" aria-label={t('catalog.course.sideLabel')}>
          <Paper withBorder p="md">
            <Section title={t('catalog.course.ratings')}>
              <RatingSummary c={c} />
            </Section>
          </Paper>
          <Actions c={c} />
        </Stack>
      </Group>
    </Stack>
  );
}
