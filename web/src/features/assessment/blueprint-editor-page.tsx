import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type AssessmentStatus, blueprintIssues } from '../../../../common/contracts/assessment.js';
import { type AssessmentView, createAssessment, getAssessment, updateAssessment } from '../../api/assessment.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { AuthorNav } from './author-nav.js';
import { StatusBadge, useFrameworkLabels } from './shared.js';

interface Row {
  /** Identity of the row while editing (not sent). */
  uid: number;
  skillAreaCode: string;
  level: number;
  count: number;
}
let rowSeq = 0;
const newRow = (r: Omit<Row, 'uid'>): Row => ({ ...r, uid: ++rowSeq });
interface Draft {
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  status: AssessmentStatus;
  blueprint: Row[];
  timeLimitMinutes: number;
  passMarks: Record<string, number>;
  maxAttempts: number;
  targetGroupCodes: string[];
  opensAt: string;
  closesAt: string;
}

/** `datetime-local` text in Bangkok time for an ISO instant, and back. */
const toLocal = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16);
const fromLocal = (local: string) => new Date(`${local}:00+07:00`).toISOString();

const blank = (): Draft => ({
  titleTh: '',
  titleEn: '',
  descriptionTh: '',
  descriptionEn: '',
  status: 'draft',
  blueprint: [newRow({ skillAreaCode: 'DL', level: 1, count: 5 })],
  timeLimitMinutes: 30,
  passMarks: { '1': 60 },
  maxAttempts: 2,
  targetGroupCodes: [],
  opensAt: new Date().toISOString(),
  closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
});

const fromView = (a: AssessmentView): Draft => ({
  titleTh: a.titleTh,
  titleEn: a.titleEn,
  descriptionTh: a.descriptionTh,
  descriptionEn: a.descriptionEn,
  status: a.status,
  blueprint: a.blueprint.map(({ skillAreaCode, level, count }) => newRow({ skillAreaCode, level, count })),
  timeLimitMinutes: a.timeLimitMinutes,
  passMarks: Object.fromEntries(a.passMarks.map((p) => [String(p.level), p.percent])),
  maxAttempts: a.maxAttempts,
  targetGroupCodes: a.targetGroupCodes,
  opensAt: a.opensAt,
  closesAt: a.closesAt,
});

function Editor({ view, frameworkId }: { view: AssessmentView | null; frameworkId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const labels = useFrameworkLabels(lang);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(() => (view ? fromView(view) : blank()));
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (view) setD(fromView(view));
  }, [view]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const levelsUsed = [...new Set(d.blueprint.map((r) => r.level))].sort((a, b) => a - b);
  const body = () => ({
    frameworkId: view?.frameworkId ?? frameworkId,
    titleTh: d.titleTh.trim(),
    titleEn: d.titleEn.trim(),
    descriptionTh: d.descriptionTh.trim(),
    descriptionEn: d.descriptionEn.trim(),
    status: d.status,
    blueprint: d.blueprint.map(({ uid: _uid, ...r }) => r),
    timeLimitMinutes: d.timeLimitMinutes,
    passMarks: levelsUsed.map((level) => ({ level, percent: d.passMarks[String(level)] ?? 60 })),
    maxAttempts: d.maxAttempts,
    targetGroupCodes: d.targetGroupCodes as never[],
    agencyIds: view?.agencies.map((a) => a.id) ?? [],
    opensAt: d.opensAt,
    closesAt: d.closesAt,
  });
  const live = useMemo(() => {
    const out: Record<string, string> = {};
    if (!d.titleTh.trim()) out.titleTh = t('validation.required');
    if (!d.titleEn.trim()) out.titleEn = t('validation.required');
    const levels = [...new Set(d.blueprint.map((r) => r.level))];
    const passMarks = levels.map((level) => ({ level, percent: d.passMarks[String(level)] ?? 60 }));
    for (const i of blueprintIssues({ blueprint: d.blueprint, passMarks, opensAt: d.opensAt, closesAt: d.closesAt }))
      out[i.path.join('.')] ??= t(`validation.${i.code}`);
    return out;
  }, [d, t]);
  const save = useMutation({
    mutationFn: () => (view ? updateAssessment(view.id, { ...body(), version: view.version }) : createAssessment(body())),
    onSuccess: (saved) => {
      queryClient.setQueryData(['assessment', saved.id], saved);
      queryClient.invalidateQueries({ queryKey: ['assessments'] });
      if (!view) navigate(`/assessment/blueprints/${saved.id}`, { replace: true });
    },
  });
  const server = save.error ? toFormErrors(save.error, t) : null;
  const serverRowErrors = new Map<string, string>();
  if (save.error && 'errors' in (save.error as object)) {
    for (const e of (save.error as { errors?: { path: string; code?: string; message: string }[] }).errors ?? []) {
      const m = /^body\.blueprint\.(\d+)/.exec(e.path);
      if (m) serverRowErrors.set(m[1], e.code ? t(`validation.${e.code}`, { defaultValue: e.message }) : e.message);
    }
  }
  const err = (k: string) => server?.fields[k] ?? (tried ? live[k] : undefined);
  const locked = !!view && !view.abilities.editContent;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(live).length) return;
    save.mutate();
  };
  const setRow = (i: number, patch: Partial<Row>) =>
    set(
      'blueprint',
      d.blueprint.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="bp-heading">
      <Stack gap="md">
        <ErrorAlert message={server && serverRowErrors.size === 0 && Object.keys(server.fields).length === 0 ? server.general : null} />
        {save.isSuccess ? (
          <Text role="status" c="ok.9">
            {t('assessment.blueprints.saved')}
          </Text>
        ) : null}
        <Group wrap="wrap" align="flex-start">
          <TextInput
            label={t('assessment.field.titleTh')}
            value={d.titleTh}
            onChange={(e) => set('titleTh', e.currentTarget.value)}
            error={err('titleTh')}
            required
            style={{ flex: '1 1 15rem' }}
          />
          <TextInput
            label={t('assessment.field.titleEn')}
            value={d.titleEn}
            onChange={(e) => set('titleEn', e.currentTarget.value)}
            error={err('titleEn')}
            required
            style={{ flex: '1 1 15rem' }}
          />
        </Group>
        <Textarea
          label={t('assessment.field.descriptionTh')}
          value={d.descriptionTh}
          onChange={(e) => set('descriptionTh', e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('assessment.field.descriptionEn')}
          value={d.descriptionEn}
          onChange={(e) => set('descriptionEn', e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="blueprint-rows" style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id="blueprint-rows">
            {t('assessment.blueprints.rows')}
          </Title>
          {locked ? (
            <Text size="sm" c="dimmed" mb="xs">
              {t('assessment.blueprints.locked')}
            </Text>
          ) : null}
          <ScrollRegion label={t('assessment.blueprints.rows')}>
            {/* A disabled fieldset inside the region, so the region itself stays reachable by keyboard when locked. */}
            <fieldset disabled={locked} aria-labelledby="blueprint-rows" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Table miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assessment.field.skillArea')}</Table.Th>
                    <Table.Th>{t('assessment.field.level')}</Table.Th>
                    <Table.Th>{t('assessment.blueprints.count')}</Table.Th>
                    <Table.Th>{t('assessment.blueprints.available')}</Table.Th>
                    {/* Positioned, so the hidden label stays inside the scrolling region on a phone. */}
                    <Table.Th pos="relative">
                      <span className="visually-hidden">{t('assessment.blueprints.remove')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.blueprint.map((r, i) => {
                    const available = view?.blueprint.find((x) => x.skillAreaCode === r.skillAreaCode && x.level === r.level)?.available;
                    const rowError = serverRowErrors.get(String(i)) ?? (tried ? live[`blueprint.${i}`] : undefined);
                    return (
                      <Table.Tr key={r.uid}>
                        <Table.Td>
                          <NativeSelect
                            aria-label={t('assessment.blueprints.rowArea', { n: i + 1 })}
                            value={r.skillAreaCode}
                            onChange={(e) => setRow(i, { skillAreaCode: e.currentTarget.value })}
                            data={labels.areas}
                            error={rowError}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            aria-label={t('assessment.blueprints.rowLevel', { n: i + 1 })}
                            value={String(r.level)}
                            onChange={(e) => setRow(i, { level: Number(e.currentTarget.value) })}
                            data={labels.levels}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={t('assessment.blueprints.rowCount', { n: i + 1 })}
                            value={r.count}
                            min={1}
                            max={100}
                            onChange={(v) => setRow(i, { count: Number(v) || 1 })}
                            w={90}
                          />
                        </Table.Td>
                        <Table.Td>{available ?? '—'}</Table.Td>
                        <Table.Td>
                          {d.blueprint.length > 1 ? (
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              size="lg"
                              aria-label={t('assessment.blueprints.removeRow', { n: i + 1 })}
                              onClick={() =>
                                set(
                                  'blueprint',
                                  d.blueprint.filter((_, j) => j !== i),
                                )
                              }
                            >
                              <span aria-hidden>✕</span>
                            </ActionIcon>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </fieldset>
          </ScrollRegion>
          <fieldset disabled={locked} aria-labelledby="blueprint-rows" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Button
              mt="xs"
              variant="light"
              size="xs"
              onClick={() =>
                set('blueprint', [...d.blueprint, newRow({ skillAreaCode: labels.areas[0]?.value ?? 'DL', level: 1, count: 1 })])
              }
            >
              {t('assessment.blueprints.addRow')}
            </Button>
            <Group mt="md" align="flex-start" wrap="wrap">
              {levelsUsed.map((level) => (
                <NumberInput
                  key={level}
                  label={t('assessment.blueprints.passMark', { level })}
                  value={d.passMarks[String(level)] ?? 60}
                  min={1}
                  max={100}
                  suffix="%"
                  onChange={(v) => set('passMarks', { ...d.passMarks, [String(level)]: Number(v) || 1 })}
                  w={160}
                />
              ))}
              <NumberInput
                label={t('assessment.field.timeLimit')}
                value={d.timeLimitMinutes}
                min={1}
                max={600}
                onChange={(v) => set('timeLimitMinutes', Number(v) || 1)}
                w={160}
              />
            </Group>
            {err('passMarks') ? (
              <Text c="red.8" size="sm" role="alert">
                {err('passMarks')}
              </Text>
            ) : null}
          </fieldset>
        </Paper>
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label={t('assessment.field.maxAttempts')}
            value={d.maxAttempts}
            min={1}
            max={20}
            onChange={(v) => set('maxAttempts', Number(v) || 1)}
            w={160}
          />
          <TextInput
            type="datetime-local"
            label={t('assessment.field.opensAt')}
            description={formatDate(d.opensAt, lang, 'dateTime')}
            value={toLocal(d.opensAt)}
            onChange={(e) => e.currentTarget.value && set('opensAt', fromLocal(e.currentTarget.value))}
          />
          <TextInput
            type="datetime-local"
            label={t('assessment.field.closesAt')}
            description={formatDate(d.closesAt, lang, 'dateTime')}
            value={toLocal(d.closesAt)}
            onChange={(e) => e.currentTarget.value && set('closesAt', fromLocal(e.currentTarget.value))}
            error={err('closesAt')}
          />
          <NativeSelect
            label={t('assessment.field.status')}
            value={d.status}
            onChange={(e) => set('status', e.currentTarget.value as AssessmentStatus)}
            data={(['draft', 'published', 'closed'] as const).map((s) => ({ value: s, label: t(`assessment.status.${s}`) }))}
          />
        </Group>
        <Checkbox.Group
          label={t('assessment.field.targetGroups')}
          description={t('assessment.blueprints.groupsHelp')}
          value={d.targetGroupCodes}
          onChange={(v) => set('targetGroupCodes', v)}
        >
          <Group mt="xs" wrap="wrap">
            {labels.groups.map((g) => (
              <Checkbox key={g.value} value={g.value} label={g.label} />
            ))}
          </Group>
        </Checkbox.Group>
        {view && view.agencies.length > 0 ? (
          <Text size="sm">
            {t('assessment.blueprints.agencies', { names: view.agencies.map((a) => (lang === 'en' ? a.nameEn : a.nameTh)).join(', ') })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('assessment.blueprints.allAgencies')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {view ? t('assessment.blueprints.save') : t('assessment.blueprints.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Building an assessment: rows per skill area and level checked against the bank, time, pass marks, who and when. */
export default function BlueprintEditorPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id } = useParams();
  const isNew = !id || id === 'new';
  usePageTitle(isNew ? t('assessment.blueprints.newTitle') : t('assessment.blueprints.editTitle'));
  const labels = useFrameworkLabels(lang);
  const view = useQuery({ queryKey: ['assessment', id], queryFn: () => getAssessment(id as string), enabled: !isNew });
  if (!isNew && view.isPending) return <PageLoader />;
  if (!isNew && view.error) return <ErrorAlert error={view.error} />;
  if (!labels.frameworkId) return <PageLoader />;
  return (
    <Stack gap="lg">
      <AuthorNav />
      <Group gap="xs">
        <Title order={1} id="bp-heading">
          {isNew ? t('assessment.blueprints.newTitle') : t('assessment.blueprints.editTitle')}
        </Title>
        {view.data ? <StatusBadge status={view.data.status} /> : null}
      </Group>
      <Editor view={view.data ?? null} frameworkId={labels.frameworkId} />
    </Stack>
  );
}
