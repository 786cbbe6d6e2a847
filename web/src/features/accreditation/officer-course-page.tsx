import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DecisionBody, type Outcome } from '../../../../common/contracts/accreditation-courses.js';
import {
  type AssignmentView,
  assignReviewer,
  type CourseView,
  certificateUrl,
  changeAccreditation,
  decideSubmission,
  getCourse,
  getSubmissionHistory,
  listReviews,
  renewAccreditation,
  replaceAssignment,
  screenSubmission,
  suggestReviewers,
  syllabusUrl,
} from '../../api/accreditation.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { ChecksList, CourseContentView, DiffTable, StateBadge } from './shared.js';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export default function OfficerCoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useQuery({ queryKey: ['course', id], queryFn: () => getCourse(id) });
  usePageTitle(course.data?.titleTh ?? t('acc.officer.courseTitle'));
  if (course.isPending) return <PageLoader />;
  if (course.error) return <ErrorAlert error={course.error} />;
  return <OfficerCourse course={course.data} />;
}

function OfficerCourse({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const onCourse = (c: CourseView) => {
    queryClient.setQueryData(['course', c.id], c);
    void queryClient.invalidateQueries({ queryKey: ['history', c.id] });
    void queryClient.invalidateQueries({ queryKey: ['reviews', c.id] });
    void queryClient.invalidateQueries({ queryKey: ['suggestions', c.id] });
  };
  const accredited = ['accredited', 'accredited_with_conditions', 'suspended'].includes(course.state);
  const inReview = ['in_review', 'decision_pending'].includes(course.state);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/officer" size="sm">
          {t('acc.officer.back')}
        </Anchor>
        <Title order={1}>{course.titleTh}</Title>
        <Text c="dimmed" lang="en">
          {course.titleEn}
        </Text>
        <Group gap="xs">
          <StateBadge state={course.state} />
          <Text size="sm">{course.providerName}</Text>
          <Text size="sm" c="dimmed">
            {t('acc.course.version', { version: course.version })}
          </Text>
          {course.isOverdue ? (
            <Badge color="red" variant="filled">
              {t('acc.queue.overdue')}
            </Badge>
          ) : null}
        </Group>
      </Stack>

      {accredited || course.accreditationNumber ? <AccreditationPanel course={course} onCourse={onCourse} /> : null}

      <ChecksList checks={course.checks} />

      {course.abilities.screen ? <ScreeningPanel course={course} onCourse={onCourse} /> : null}
      {inReview ? <ReviewersPanel course={course} /> : null}
      {course.abilities.viewReviews && course.state !== 'draft' ? <ReviewsPanel course={course} /> : null}
      {course.abilities.decide ? <DecisionPanel course={course} onCourse={onCourse} /> : null}

      <Section id="content-h" title={t('acc.officer.content')}>
        <Stack gap="sm">
          {course.hasSyllabus ? (
            <Anchor href={syllabusUrl(course.id)} target="_blank" rel="noopener">
              {t('acc.editor.syllabusOpen')}
              {t('common.opensNewTab')}
            </Anchor>
          ) : (
            <Text size="sm">{t('acc.editor.syllabusNone')}</Text>
          )}
          <CourseContentView course={course} />
          {course.responses && Object.keys(course.responses).length > 0 ? (
            <div>
              <Title order={3} size="h5">
                {t('acc.officer.responses')}
              </Title>
              <List size="sm">
                {Object.entries(course.responses).map(([k, v]) => (
                  <List.Item key={k}>
                    {[...course.decisions].reverse().find((d) => d.outcome === 'revise')?.requiredChanges[Number(k)]?.text ?? `#${Number(k) + 1}`}: <strong>{v}</strong>
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
          <DiffTable course={course} />
        </Stack>
      </Section>

      {course.decisions.length > 0 ? (
        <Section id="decisions-h" title={t('acc.officer.decisions')}>
          <List size="sm">
            {course.decisions.map((d) => (
              <List.Item key={`${d.version}-${d.decidedAt}`}>
                {formatDate(d.decidedAt, lang, 'dateTime')} · {t('acc.course.version', { version: d.version })} · {t(`acc.outcome.${d.outcome}`)} — {d.reasons}
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}

      <HistoryPanel courseId={course.id} />
    </Stack>
  );
}

function ScreeningPanel({ course, onCourse }: { course: CourseView; onCourse: (c: CourseView) => void }) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState('');
  const mutation = useMutation({
    mutationFn: (action: 'send_to_review' | 'return_for_completion') => screenSubmission(course.id, { action, reasons: reasons.trim() || undefined }),
    onSuccess: onCourse,
  });
  return (
    <Section id="screen-h" title={t('acc.officer.screening')}>
      <Stack gap="sm">
        <Text size="sm">{t('acc.officer.screeningHint', { due: formatDate(course.screeningDueAt, currentLanguage()) || '—' })}</Text>
        <ErrorAlert error={mutation.error} />
        <Textarea label={t('acc.officer.screeningReasons')} autosize minRows={2} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
        <Group>
          <Button onClick={() => mutation.mutate('send_to_review')} loading={mutation.isPending && mutation.variables === 'send_to_review'}>
            {t('acc.officer.sendToReview')}
          </Button>
          <Button variant="outline" color="warn" onClick={() => mutation.mutate('return_for_completion')} loading={mutation.isPending && mutation.variables === 'return_for_completion'}>
            {t('acc.officer.returnForCompletion')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function ReviewersPanel({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const suggestions = useQuery({ queryKey: ['suggestions', course.id], queryFn: () => suggestReviewers(course.id) });
  const [made, setMade] = useState<(AssignmentView & { name: string })[]>([]);
  const [replacing, setReplacing] = useState<{ id: string; reviewerId: string | null } | null>(null);
  const nameOf = (reviewerId: string) =>
    suggestions.data?.suggested.find((s) => s.reviewerId === reviewerId)?.displayName ??
    suggestions.data?.excluded.find((s) => s.reviewerId === reviewerId)?.displayName ??
    made.find((m) => m.reviewerId === reviewerId)?.name ??
    reviewerId;
  const assign = useMutation({
    mutationFn: (reviewerId: string) => assignReviewer(course.id, reviewerId),
    onSuccess: (a) => {
      setMade((m) => [...m, { ...a, name: nameOf(a.reviewerId) }]);
      void queryClient.invalidateQueries({ queryKey: ['suggestions', course.id] });
    },
  });
  const replace = useMutation({
    mutationFn: (v: { id: string; reviewerId: string }) => replaceAssignment(v.id, v.reviewerId),
    onSuccess: (r) => {
      setMade((m) => [...m.map((x) => (x.id === r.replaced.id ? { ...x, ...r.replaced } : x)), { ...r.assignment, name: nameOf(r.assignment.reviewerId) }]);
      setReplacing(null);
      void queryClient.invalidateQueries({ queryKey: ['suggestions', course.id] });
    },
  });
  const text = (r: { textTh: string; textEn: string }) => (lang === 'th' ? r.textTh : r.textEn);

  return (
    <Section id="reviewers-h" title={t('acc.officer.reviewers')}>
      <Stack gap="md">
        <Text size="sm">{t('acc.officer.reviewersHint', { due: formatDate(course.reviewDueAt, lang) || '—' })}</Text>
        <ErrorAlert error={assign.error ?? replace.error ?? suggestions.error} />
        {made.length > 0 ? (
          <div style={{ overflowX: 'auto' }}>
            <Table withTableBorder captionSide="top">
              <caption>{t('acc.officer.assignments')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('acc.officer.reviewer')}</Table.Th>
                  <Table.Th scope="col">{t('acc.course.state')}</Table.Th>
                  <Table.Th scope="col">{t('acc.queue.due')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {made.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw={400}>
                      {a.name}
                    </Table.Th>
                    <Table.Td>{t(`acc.assignment.${a.state}`)}</Table.Td>
                    <Table.Td>{formatDate(a.dueAt, lang)}</Table.Td>
                    <Table.Td>
                      {a.state !== 'replaced' ? (
                        <Button size="xs" variant="subtle" onClick={() => setReplacing({ id: a.id, reviewerId: null })}>
                          {t('acc.officer.replace', { name: a.name })}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : null}
        {replacing ? (
          <Group align="flex-end">
            <Select
              label={t('acc.officer.replaceWith')}
              data={(suggestions.data?.suggested ?? []).map((s) => ({ value: s.reviewerId, label: s.displayName }))}
              value={replacing.reviewerId}
              onChange={(v) => setReplacing({ ...replacing, reviewerId: v })}
            />
            <Button disabled={!replacing.reviewerId} loading={replace.isPending} onClick={() => replacing.reviewerId && replace.mutate({ id: replacing.id, reviewerId: replacing.reviewerId })}>
              {t('acc.officer.confirmReplace')}
            </Button>
            <Button variant="subtle" onClick={() => setReplacing(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : null}
        {suggestions.isPending ? <PageLoader /> : null}
        {suggestions.data ? (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <div>
              <Title order={3} size="h5" mb="xs">
                {t('acc.officer.suggested')}
              </Title>
              {suggestions.data.suggested.length === 0 ? <Text size="sm">{t('acc.officer.noSuggestions')}</Text> : null}
              <Stack gap="xs">
                {suggestions.data.suggested.map((s) => (
                  <Paper key={s.reviewerId} withBorder p="sm">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <div>
                        <Text fw={600}>{s.displayName}</Text>
                        <Text size="xs" c="dimmed">
                          {t('acc.officer.scoreLoad', { score: s.score, load: s.load, max: s.maxConcurrent })}
                        </Text>
                        <List size="xs">
                          {s.reasons.map((r) => (
                            <List.Item key={r.code}>{text(r)}</List.Item>
                          ))}
                        </List>
                      </div>
                      <Button size="xs" onClick={() => assign.mutate(s.reviewerId)} loading={assign.isPending && assign.variables === s.reviewerId} aria-label={t('acc.officer.assignName', { name: s.displayName })}>
                        {t('acc.officer.assign')}
                      </Button>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            </div>
            <div>
              <Title order={3} size="h5" mb="xs">
                {t('acc.officer.excluded')}
              </Title>
              <Stack gap="xs">
                {suggestions.data.excluded.map((s) => (
                  <Paper key={s.reviewerId} withBorder p="sm" bg="gray.0">
                    <Text fw={600}>{s.displayName}</Text>
                    <List size="xs">
                      {s.reasons.map((r) => (
                        <List.Item key={r.code}>{text(r)}</List.Item>
                      ))}
                    </List>
                  </Paper>
                ))}
              </Stack>
            </div>
          </SimpleGrid>
        ) : null}
      </Stack>
    </Section>
  );
}

function ReviewsPanel({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const reviews = useQuery({ queryKey: ['reviews', course.id], queryFn: () => listReviews(course.id) });
  const data = reviews.data;
  return (
    <Section id="reviews-h" title={t('acc.officer.reviews')}>
      <ErrorAlert error={reviews.error} />
      {data ? (
        <Stack gap="sm">
          {data.isDisagreement ? (
            <Alert color="warn" variant="light" title={t('acc.officer.disagreement')}>
              {t('acc.officer.spread', { spread: data.spread ?? 0 })}
            </Alert>
          ) : null}
          {data.items.length === 0 ? (
            <Text size="sm">{t('acc.officer.noReviews')}</Text>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <Table withTableBorder captionSide="top">
                <caption>{t('acc.officer.reviewsCaption', { version: data.version, spread: data.spread ?? '—' })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('acc.officer.reviewer')}</Table.Th>
                    <Table.Th scope="col">{t('acc.officer.weighted')}</Table.Th>
                    <Table.Th scope="col">{t('acc.review.recommendation')}</Table.Th>
                    <Table.Th scope="col">{t('acc.review.toProvider')}</Table.Th>
                    <Table.Th scope="col">{t('acc.review.confidential')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={`${r.label}-${r.submittedAt}`}>
                      <Table.Th scope="row" fw={400}>
                        {r.reviewerName ?? r.label}
                      </Table.Th>
                      <Table.Td>{formatNumber(r.weightedScore, lang)}</Table.Td>
                      <Table.Td>{t(`acc.outcome.${r.recommendation}`)}</Table.Td>
                      <Table.Td>{r.commentsToProvider}</Table.Td>
                      <Table.Td>{r.confidentialComments ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Stack>
      ) : null}
    </Section>
  );
}

const OUTCOMES: Outcome[] = ['accredit', 'accredit_with_conditions', 'revise', 'reject'];

function DecisionPanel({ course, onCourse }: { course: CourseView; onCourse: (c: CourseView) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('accredit');
  const [reasons, setReasons] = useState('');
  const [changes, setChanges] = useState<string[]>(['']);
  const [conditions, setConditions] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      decideSubmission(
        course.id,
        parseBody(DecisionBody, {
          outcome,
          reasons,
          requiredChanges: outcome === 'revise' ? changes.filter((c) => c.trim()).map((text) => ({ text })) : undefined,
          conditions: outcome === 'accredit_with_conditions' ? conditions : undefined,
        }),
      ),
    onSuccess: onCourse,
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Section id="decide-h" title={t('acc.officer.decide')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={errors.general} />
          <Select
            label={t('acc.officer.outcome')}
            data={OUTCOMES.map((o) => ({ value: o, label: t(`acc.outcome.${o}`) }))}
            value={outcome}
            onChange={(v) => v && setOutcome(v as Outcome)}
            allowDeselect={false}
          />
          <Textarea label={t('acc.officer.reasons')} required autosize minRows={2} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} error={errors.fields.reasons} />
          {outcome === 'revise' ? (
            <Stack gap="xs">
              {changes.map((c, i) => (
                <TextInput
                  // biome-ignore lint/suspicious/noArrayIndexKey: an editable list without ids
                  key={i}
                  label={t('acc.officer.changeN', { n: i + 1 })}
                  value={c}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setChanges((cs) => cs.map((x, j) => (j === i ? v : x)));
                  }}
                  error={i === 0 ? errors.fields.requiredChanges : undefined}
                />
              ))}
              <div>
                <Button size="xs" variant="light" onClick={() => setChanges((cs) => [...cs, ''])}>
                  {t('acc.officer.addChange')}
                </Button>
              </div>
            </Stack>
          ) : null}
          {outcome === 'accredit_with_conditions' ? (
            <Textarea label={t('acc.decision.conditions')} autosize minRows={2} value={conditions} onChange={(e) => setConditions(e.currentTarget.value)} error={errors.fields.conditions} />
          ) : null}
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {t('acc.officer.recordDecision')}
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}

function AccreditationPanel({ course, onCourse }: { course: CourseView; onCourse: (c: CourseView) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [action, setAction] = useState<'suspension' | 'reinstatement' | 'revocation' | null>(null);
  const [reason, setReason] = useState('');
  const renew = useMutation({ mutationFn: () => renewAccreditation(course.id), onSuccess: onCourse });
  const change = useMutation({
    mutationFn: () => changeAccreditation(course.id, action as 'suspension', reason),
    onSuccess: (c) => {
      onCourse(c);
      setAction(null);
      setReason('');
    },
  });
  return (
    <Section id="acc-h" title={t('acc.officer.accreditation')}>
      <Stack gap="sm">
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('acc.verify.number')}</Table.Th>
              <Table.Td>
                {course.accreditationNumber ? (
                  <Anchor component={Link} to={`/verify/accreditation/${encodeURIComponent(course.accreditationNumber)}`}>
                    {course.accreditationNumber}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('acc.verify.validity')}</Table.Th>
              <Table.Td>{course.validFrom ? t('acc.verify.range', { from: formatDate(course.validFrom, lang), to: formatDate(course.validUntil, lang) }) : '—'}</Table.Td>
            </Table.Tr>
            {course.conditions ? (
              <Table.Tr>
                <Table.Th scope="row">{t('acc.decision.conditions')}</Table.Th>
                <Table.Td>{course.conditions}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
        {course.accreditationNumber ? (
          <Anchor href={certificateUrl(course.id)} target="_blank" rel="noopener">
            {t('acc.officer.certificate')}
            {t('common.opensNewTab')}
          </Anchor>
        ) : null}
        <ErrorAlert error={renew.error ?? change.error} />
        <Group gap="xs">
          {course.abilities.renew ? (
            <Button variant="light" onClick={() => renew.mutate()} loading={renew.isPending}>
              {t('acc.officer.renew')}
            </Button>
          ) : null}
          {course.abilities.suspend ? (
            <Button variant="light" color="warn" onClick={() => setAction('suspension')}>
              {t('acc.officer.suspend')}
            </Button>
          ) : null}
          {course.abilities.reinstate ? (
            <Button variant="light" onClick={() => setAction('reinstatement')}>
              {t('acc.officer.reinstate')}
            </Button>
          ) : null}
          {course.abilities.revoke ? (
            <Button variant="light" color="red" onClick={() => setAction('revocation')}>
              {t('acc.officer.revoke')}
            </Button>
          ) : null}
        </Group>
        {action ? (
          <Stack gap="xs">
            <Textarea label={t('acc.officer.actionReason', { action: t(`acc.officer.action.${action}`) })} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group>
              <Button color={action === 'revocation' ? 'red' : undefined} disabled={!reason.trim()} loading={change.isPending} onClick={() => change.mutate()}>
                {t('acc.officer.confirmAction', { action: t(`acc.officer.action.${action}`) })}
              </Button>
              <Button variant="subtle" onClick={() => setAction(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}

function HistoryPanel({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const history = useQuery({ queryKey: ['history', courseId], queryFn: () => getSubmissionHistory(courseId) });
  return (
    <Section id="history-h" title={t('acc.officer.history')}>
      <ErrorAlert error={history.error} />
      {history.data ? (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder striped captionSide="top">
            <caption>{t('acc.officer.historyCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('acc.officer.when')}</Table.Th>
                <Table.Th scope="col">{t('acc.officer.action_')}</Table.Th>
                <Table.Th scope="col">{t('acc.officer.who')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: history rows have no id
                <Table.Tr key={i}>
                  <Table.Td>{formatDate(h.at, lang, 'dateTime')}</Table.Td>
                  <Table.Td>{t(`acc.history.${h.action.replace(/\./g, '_')}`, { defaultValue: h.action })}</Table.Td>
                  <Table.Td>{h.actorLabel ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Section>
  );
}
