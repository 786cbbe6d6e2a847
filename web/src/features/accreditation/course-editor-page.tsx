import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CLASSROOM_METHODS, type CourseDraft, TEACHING_METHODS, type TeachingMethod } from '../../../../common/contracts/accreditation.js';
import { type CourseView, certificateUrl, createCourse, getCourse, submitCourse, syllabusUrl, updateCourse, uploadSyllabus } from '../../api/accreditation.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { NO_ERRORS, toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { ChecksList, DiffTable, providerIdOf, StateBadge, useCurrentFramework } from './shared.js';

interface OutcomeForm {
  textTh: string;
  skillAreaCode: string;
  levelRank: string;
}
interface InstructorForm {
  name: string;
  qualifications: string;
}
interface Form {
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  objectives: string[];
  outcomes: OutcomeForm[];
  targetGroupCodes: string[];
  hours: Record<TeachingMethod, number>;
  delivery: string;
  pacing: string;
  assessmentMethod: string;
  instructors: InstructorForm[];
  feeBaht: number | string;
  capacity: number | string;
  language: string;
  provinceCode: string;
}

const zeroHours = () => Object.fromEntries(TEACHING_METHODS.map((m) => [m, 0])) as Record<TeachingMethod, number>;

function toForm(c: CourseDraft | undefined): Form {
  return {
    titleTh: c?.titleTh ?? '',
    titleEn: c?.titleEn ?? '',
    summaryTh: c?.summaryTh ?? '',
    summaryEn: c?.summaryEn ?? '',
    objectives: c?.objectives?.length ? [...c.objectives] : [''],
    outcomes: c?.outcomes?.length
      ? c.outcomes.map((o) => ({ textTh: o.textTh, skillAreaCode: o.skillAreaCode, levelRank: String(o.levelRank) }))
      : [{ textTh: '', skillAreaCode: '', levelRank: '' }],
    targetGroupCodes: c?.targetGroupCodes ?? [],
    hours: { ...zeroHours(), ...(c?.hours ?? {}) },
    delivery: c?.delivery ?? '',
    pacing: c?.pacing ?? '',
    assessmentMethod: c?.assessmentMethod ?? '',
    instructors: c?.instructors?.length ? c.instructors.map((i) => ({ ...i })) : [{ name: '', qualifications: '' }],
    feeBaht: c?.feeBaht ?? '',
    capacity: c?.capacity ?? '',
    language: c?.language ?? '',
    provinceCode: c?.provinceCode ?? '',
  };
}

/** Only what the provider has filled in: a draft may be partial, and the server's checks say what is missing. */
function toDraft(f: Form, frameworkId: string | undefined): CourseDraft {
  const d: Record<string, unknown> = {};
  const text = (k: keyof Form) => {
    const v = String(f[k]).trim();
    if (v) d[k] = v;
  };
  for (const k of ['titleTh', 'titleEn', 'summaryTh', 'summaryEn', 'assessmentMethod', 'provinceCode'] as const) text(k);
  const objectives = f.objectives.map((o) => o.trim()).filter(Boolean);
  if (objectives.length) d.objectives = objectives;
  const outcomes = f.outcomes
    .filter((o) => o.textTh.trim() && o.skillAreaCode && o.levelRank)
    .map((o) => ({ textTh: o.textTh.trim(), skillAreaCode: o.skillAreaCode, levelRank: Number(o.levelRank), unitCodes: [] }));
  if (outcomes.length) d.outcomes = outcomes;
  if (f.targetGroupCodes.length) d.targetGroupCodes = f.targetGroupCodes;
  d.hours = f.hours;
  if (f.delivery) d.delivery = f.delivery;
  if (f.pacing) d.pacing = f.pacing;
  if (f.language) d.language = f.language;
  const instructors = f.instructors.filter((i) => i.name.trim() && i.qualifications.trim()).map((i) => ({ name: i.name.trim(), qualifications: i.qualifications.trim() }));
  if (instructors.length) d.instructors = instructors;
  if (f.feeBaht !== '') d.feeBaht = Number(f.feeBaht);
  if (f.capacity !== '') d.capacity = Number(f.capacity);
  if (frameworkId) d.frameworkId = frameworkId;
  return d as CourseDraft;
}

function lectureShare(hours: Record<TeachingMethod, number>): number | null {
  const classroom = CLASSROOM_METHODS.reduce((s, m) => s + (hours[m] || 0), 0);
  if (classroom <= 0) return null;
  return Math.round(((hours.lecture || 0) / classroom) * 1000) / 10;
}

function fieldErrorOf(course: CourseView | undefined, field: string, lang: 'th' | 'en'): string | undefined {
  const found = course?.checks.filter((c) => c.field === field || c.field?.startsWith(`${field}.`));
  if (!found?.length) return undefined;
  return found.map((c) => (lang === 'th' ? c.messageTh : c.messageEn)).join(' ');
}

export default function CourseEditorPage() {
  const { id } = useParams();
  const isNew = !id;
  const course = useQuery({ queryKey: ['course', id], queryFn: () => getCourse(id as string), enabled: !isNew });
  if (!isNew && course.isPending) return <PageLoader />;
  if (!isNew && course.error) return <ErrorAlert error={course.error} />;
  return <Editor key={`${id ?? 'new'}-${course.data?.version ?? 0}`} course={course.data} />;
}

function Editor({ course }: { course: CourseView | undefined }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const framework = useCurrentFramework();
  const [form, setForm] = useState<Form>(() => toForm(course?.content));
  const [responses, setResponses] = useState<Record<string, string>>(() => ({ ...(course?.responses ?? {}) }));
  const fileRef = useRef<HTMLInputElement>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  usePageTitle(course ? t('acc.editor.editTitle', { title: course.titleTh || t('acc.course.untitled') }) : t('acc.editor.newTitle'));

  const setCached = (c: CourseView) => queryClient.setQueryData(['course', c.id], c);
  const lastDecision = course?.decisions.at(-1);
  const revising = course?.state === 'revision_requested' && lastDecision ? lastDecision.requiredChanges : null;

  const save = useMutation({
    mutationFn: async () => {
      const content = toDraft(form, framework.data?.id ?? course?.content.frameworkId);
      if (!course) {
        const providerId = providerIdOf(session.roles);
        if (!providerId) throw new Error('no provider');
        return createCourse({ providerId, content });
      }
      const answered = Object.fromEntries(Object.entries(responses).filter(([, v]) => v.trim()));
      return updateCourse(course.id, { content, responses: revising && Object.keys(answered).length ? answered : undefined });
    },
    onSuccess: (c) => {
      setCached(c);
      void queryClient.invalidateQueries({ queryKey: ['courses'] });
      if (!course) navigate(`/provider/courses/${c.id}`, { replace: true });
    },
  });
  const upload = useMutation({
    mutationFn: async (file: File) => uploadSyllabus((course as CourseView).id, await file.arrayBuffer()),
    onSuccess: setCached,
  });
  const submit = useMutation({ mutationFn: () => submitCourse((course as CourseView).id), onSuccess: setCached });
  const errors = save.error ? toFormErrors(save.error, t) : NO_ERRORS;

  const share = lectureShare(form.hours);
  const over = share !== null && share > 60;
  const totalHours = TEACHING_METHODS.reduce((s, m) => s + (form.hours[m] || 0), 0);
  const editable = !course || course.abilities.edit;
  const canSubmit = !!course && course.abilities.submit && !course.checks.some((c) => c.severity === 'error');
  const skillAreas = framework.data?.skillAreas ?? [];
  const levels = framework.data?.levels ?? [];
  const err = (field: string) => errors.fields[field] ?? fieldErrorOf(course, field, lang);

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/provider" size="sm">
          {t('acc.editor.back')}
        </Anchor>
        <Title order={1}>{course ? course.titleTh || t('acc.course.untitled') : t('acc.editor.newTitle')}</Title>
        {course ? (
          <Group gap="xs">
            <StateBadge state={course.state} />
            <Text size="sm" c="dimmed">
              {t('acc.course.version', { version: course.version })}
            </Text>
          </Group>
        ) : null}
      </Stack>

      {course?.accreditationNumber ? (
        <Alert color="ok" variant="light" title={t('acc.editor.accredited', { number: course.accreditationNumber })}>
          <Group gap="md">
            <Anchor href={certificateUrl(course.id)} target="_blank" rel="noopener">
              {t('acc.officer.certificate')}
              {t('common.opensNewTab')}
            </Anchor>
            <Anchor component={Link} to={`/verify/accreditation/${encodeURIComponent(course.accreditationNumber)}`}>
              {t('acc.editor.publicPage')}
            </Anchor>
            {course.state === 'accredited' || course.state === 'accredited_with_conditions' ? (
              <>
                <Anchor component={Link} to={`/provider/courses/${course.id}/runs`}>
                  {t('catalog.runs.manageLink')}
                </Anchor>
                <Anchor component={Link} to={`/catalog/courses/${course.id}`}>
                  {t('catalog.runs.publicPage')}
                </Anchor>
              </>
            ) : null}
          </Group>
        </Alert>
      ) : null}

      {course && lastDecision ? (
        <Alert color={lastDecision.outcome === 'revise' ? 'warn' : 'thaksa'} variant="light" title={t(`acc.outcome.${lastDecision.outcome}`)}>
          <Text size="sm">{lastDecision.reasons}</Text>
          {lastDecision.conditions ? <Text size="sm">{t('acc.decision.conditions')}: {lastDecision.conditions}</Text> : null}
        </Alert>
      ) : null}

      {course && course.reviewComments.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="rc-h">
          <Title order={2} size="h4" id="rc-h" mb="xs">
            {t('acc.editor.reviewComments')}
          </Title>
          {course.reviewComments.map((r) => (
            <Text size="sm" key={`${r.label}-${r.version}`}>
              <strong>{r.label}</strong> ({t('acc.course.version', { version: r.version })}): {r.commentsToProvider}
            </Text>
          ))}
        </Paper>
      ) : null}

      {course ? <ChecksList checks={course.checks} /> : null}

      <form onSubmit={onSave} noValidate>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            <ErrorAlert message={errors.general} />
            {revising ? (
              <Fieldset legend={t('acc.editor.requiredChanges')}>
                <Stack gap="sm">
                  {revising.map((rc, i) => (
                    <Textarea
                      // biome-ignore lint/suspicious/noArrayIndexKey: required changes are keyed by index by the API
                      key={i}
                      label={t('acc.editor.changeN', { n: i + 1, text: rc.text })}
                      description={t('acc.editor.answerHint')}
                      autosize
                      minRows={2}
                      value={responses[String(i)] ?? ''}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setResponses((r) => ({ ...r, [String(i)]: v }));
                      }}
                    />
                  ))}
                </Stack>
              </Fieldset>
            ) : null}

            <Fieldset legend={t('acc.editor.basics')}>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <TextInput label={t('acc.course.titleTh')} required value={form.titleTh} onChange={(e) => set('titleTh', e.currentTarget.value)} error={err('titleTh')} />
                <TextInput label={t('acc.course.titleEn')} required value={form.titleEn} onChange={(e) => set('titleEn', e.currentTarget.value)} error={err('titleEn')} />
              </SimpleGrid>
              <Textarea mt="sm" label={t('acc.course.summaryTh')} required autosize minRows={3} value={form.summaryTh} onChange={(e) => set('summaryTh', e.currentTarget.value)} error={err('summaryTh')} />
              <Textarea mt="sm" label={t('acc.course.summaryEn')} autosize minRows={2} value={form.summaryEn} onChange={(e) => set('summaryEn', e.currentTarget.value)} error={err('summaryEn')} />
            </Fieldset>

            <Fieldset legend={t('acc.course.objectives')}>
              <Stack gap="xs">
                {form.objectives.map((o, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an editable list without ids
                  <Group key={i} align="flex-end" wrap="nowrap">
                    <TextInput
                      style={{ flex: 1 }}
                      label={t('acc.editor.objectiveN', { n: i + 1 })}
                      value={o}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        set('objectives', form.objectives.map((x, j) => (j === i ? v : x)));
                      }}
                      error={i === 0 ? err('objectives') : undefined}
                    />
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('acc.editor.removeObjective', { n: i + 1 })} onClick={() => set('objectives', form.objectives.filter((_, j) => j !== i))} disabled={form.objectives.length === 1}>
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <div>
                  <Button variant="light" size="xs" onClick={() => set('objectives', [...form.objectives, ''])}>
                    {t('acc.editor.addObjective')}
                  </Button>
                </div>
              </Stack>
            </Fieldset>

            <Fieldset legend={t('acc.course.outcomes')}>
              <Stack gap="sm">
                {err('outcomes') ? (
                  <Text c="red" size="sm">
                    {err('outcomes')}
                  </Text>
                ) : null}
                {form.outcomes.map((o, i) => {
                  const update = (patch: Partial<OutcomeForm>) => set('outcomes', form.outcomes.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an editable list without ids
                    <Paper key={i} withBorder p="sm">
                      <Textarea label={t('acc.editor.outcomeN', { n: i + 1 })} autosize minRows={1} value={o.textTh} onChange={(e) => update({ textTh: e.currentTarget.value })} />
                      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                        <Select
                          label={t('acc.course.skillArea')}
                          data={skillAreas.map((s) => ({ value: s.code, label: `${s.code} — ${lang === 'th' ? s.nameTh : s.nameEn}` }))}
                          value={o.skillAreaCode || null}
                          onChange={(v) => update({ skillAreaCode: v ?? '' })}
                        />
                        <Select
                          label={t('acc.course.level')}
                          data={levels.map((l) => ({ value: String(l.rank), label: `${l.rank} — ${lang === 'th' ? l.nameTh : l.nameEn}` }))}
                          value={o.levelRank || null}
                          onChange={(v) => update({ levelRank: v ?? '' })}
                        />
                      </SimpleGrid>
                      <Button mt="xs" variant="subtle" color="red" size="xs" onClick={() => set('outcomes', form.outcomes.filter((_, j) => j !== i))} disabled={form.outcomes.length === 1}>
                        {t('acc.editor.removeOutcome', { n: i + 1 })}
                      </Button>
                    </Paper>
                  );
                })}
                <div>
                  <Button variant="light" size="xs" onClick={() => set('outcomes', [...form.outcomes, { textTh: '', skillAreaCode: '', levelRank: '' }])}>
                    {t('acc.editor.addOutcome')}
                  </Button>
                </div>
              </Stack>
            </Fieldset>

            <Checkbox.Group label={t('acc.course.targetGroups')} value={form.targetGroupCodes} onChange={(v) => set('targetGroupCodes', v)} error={err('targetGroupCodes')} withAsterisk>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {(framework.data?.targetGroups ?? []).map((g) => (
                  <Checkbox key={g.code} value={g.code} label={lang === 'th' ? g.nameTh : g.nameEn} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>

            <Fieldset legend={t('acc.course.hours')}>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {TEACHING_METHODS.map((m) => (
                  <NumberInput
                    key={m}
                    label={t(`acc.method.${m}`)}
                    min={0}
                    max={2000}
                    value={form.hours[m]}
                    onChange={(v) => set('hours', { ...form.hours, [m]: typeof v === 'number' ? v : Number(v) || 0 })}
                    error={m === 'lecture' ? err('hours.lecture') : undefined}
                  />
                ))}
              </SimpleGrid>
              <Stack gap={4} mt="sm" aria-live="polite">
                <Text size="sm" c={over ? 'red.8' : undefined} fw={over ? 700 : undefined}>
                  {share === null ? t('acc.editor.shareNone') : t(over ? 'acc.editor.shareOver' : 'acc.editor.shareOk', { pct: share })} · {t('acc.editor.total', { hours: totalHours })}
                </Text>
                <Progress value={share ?? 0} color={over ? 'red' : 'ok'} aria-label={t('acc.editor.shareLabel')} />
              </Stack>
              {err('hours') ? (
                <Text c="red" size="sm" mt="xs">
                  {err('hours')}
                </Text>
              ) : null}
            </Fieldset>

            <Fieldset legend={t('acc.editor.deliveryAssessment')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select label={t('acc.course.delivery')} required data={['classroom', 'online', 'blended'].map((v) => ({ value: v, label: t(`acc.delivery.${v}`) }))} value={form.delivery || null} onChange={(v) => set('delivery', v ?? '')} error={err('delivery')} />
                <Select label={t('acc.course.pacing')} required data={['instructor_led', 'self_paced'].map((v) => ({ value: v, label: t(`acc.pacing.${v}`) }))} value={form.pacing || null} onChange={(v) => set('pacing', v ?? '')} error={err('pacing')} />
                <Select label={t('acc.course.language')} required data={['th', 'en', 'th_en'].map((v) => ({ value: v, label: t(`acc.language.${v}`) }))} value={form.language || null} onChange={(v) => set('language', v ?? '')} error={err('language')} />
              </SimpleGrid>
              <Textarea mt="sm" label={t('acc.course.assessment')} required autosize minRows={2} value={form.assessmentMethod} onChange={(e) => set('assessmentMethod', e.currentTarget.value)} error={err('assessmentMethod')} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
                <NumberInput label={t('acc.course.fee')} required min={0} value={form.feeBaht} onChange={(v) => set('feeBaht', v)} error={err('feeBaht')} />
                <NumberInput label={t('acc.course.capacity')} min={1} value={form.capacity} onChange={(v) => set('capacity', v)} error={err('capacity')} />
                <TextInput label={t('acc.course.province')} description={t('acc.register.provinceHint')} maxLength={2} value={form.provinceCode} onChange={(e) => set('provinceCode', e.currentTarget.value)} error={err('provinceCode')} />
              </SimpleGrid>
            </Fieldset>

            <Fieldset legend={t('acc.course.instructors')}>
              <Stack gap="sm">
                {err('instructors') ? (
                  <Text c="red" size="sm">
                    {err('instructors')}
                  </Text>
                ) : null}
                {form.instructors.map((ins, i) => {
                  const update = (patch: Partial<InstructorForm>) => set('instructors', form.instructors.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an editable list without ids
                    <SimpleGrid key={i} cols={{ base: 1, sm: 2 }}>
                      <TextInput label={t('acc.editor.instructorName', { n: i + 1 })} value={ins.name} onChange={(e) => update({ name: e.currentTarget.value })} />
                      <TextInput label={t('acc.editor.instructorQual', { n: i + 1 })} value={ins.qualifications} onChange={(e) => update({ qualifications: e.currentTarget.value })} />
                    </SimpleGrid>
                  );
                })}
                <div>
                  <Button variant="light" size="xs" onClick={() => set('instructors', [...form.instructors, { name: '', qualifications: '' }])}>
                    {t('acc.editor.addInstructor')}
                  </Button>
                </div>
              </Stack>
            </Fieldset>

            <Group>
              <Button type="submit" loading={save.isPending}>
                {course ? t('acc.editor.save') : t('acc.editor.create')}
              </Button>
              {save.isSuccess ? (
                <Text role="status" size="sm" c="ok.8">
                  {t('acc.editor.saved')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </fieldset>
      </form>

      {course ? (
        <Paper withBorder p="md" component="section" aria-labelledby="syl-h">
          <Title order={2} size="h4" id="syl-h" mb="xs">
            {t('acc.editor.syllabus')}
          </Title>
          <Stack gap="xs">
            {course.hasSyllabus ? (
              <Anchor href={syllabusUrl(course.id)} target="_blank" rel="noopener">
                {t('acc.editor.syllabusOpen')}
                {t('common.opensNewTab')}
              </Anchor>
            ) : (
              <Text size="sm">{t('acc.editor.syllabusNone')}</Text>
            )}
            {course.abilities.uploadSyllabus ? (
              <div>
                <label htmlFor="syllabus-file">
                  <Text size="sm" fw={500}>
                    {t('acc.editor.syllabusUpload')}
                  </Text>
                </label>
                <input
                  ref={fileRef}
                  id="syllabus-file"
                  type="file"
                  accept="application/pdf"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    if (file) upload.mutate(file);
                  }}
                />
              </div>
            ) : null}
            {upload.isSuccess ? (
              <Text role="status" size="sm" c="ok.8">
                {t('acc.editor.syllabusUploaded')}
              </Text>
            ) : null}
            <ErrorAlert error={upload.error} />
          </Stack>
        </Paper>
      ) : null}

      {course && course.diffAgainstVersion !== null ? (
        <section aria-labelledby="diff-h">
          <Title order={2} size="h4" id="diff-h" mb="xs">
            {t('acc.diff.title')}
          </Title>
          <DiffTable course={course} />
        </section>
      ) : null}

      {course ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text size="sm">{canSubmit ? t('acc.editor.submitReady') : t('acc.editor.submitNotReady')}</Text>
            <ErrorAlert error={submit.error} />
            {submit.isSuccess ? (
              <Alert color="ok" variant="light" role="status">
                {t('acc.editor.submitted')}
              </Alert>
            ) : null}
            <div>
              <Button color="ok" disabled={!canSubmit} loading={submit.isPending} onClick={() => submit.mutate()}>
                {course.state === 'revision_requested' ? t('acc.editor.resubmit') : t('acc.editor.submit')}
              </Button>
            </div>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
