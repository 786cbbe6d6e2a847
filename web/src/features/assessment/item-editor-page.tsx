import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Image,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ITEM_IMAGE_MAX_BYTES,
  ITEM_IMAGE_TYPES,
  ITEM_KINDS,
  type ItemKind,
  itemShapeIssues,
} from '../../../../common/contracts/assessment.js';
import { createItem, getItem, type ItemView, retireItem, reviewItem, updateItem } from '../../api/assessment.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { AuthorNav } from './author-nav.js';
import { SampleBadge, StatusBadge, useFrameworkLabels } from './shared.js';

interface Option {
  id: string;
  textTh: string;
  textEn: string;
}
interface Draft {
  kind: ItemKind;
  skillAreaCode: string;
  unitCode: string;
  level: string;
  difficulty: string;
  stemTh: string;
  stemEn: string;
  caseTh: string;
  caseEn: string;
  options: Option[];
  key: string[];
  explanationTh: string;
  explanationEn: string;
}

const LETTERS = 'abcdefgh';
const blankDraft = (): Draft => ({
  kind: 'single',
  skillAreaCode: '',
  unitCode: '',
  level: '1',
  difficulty: '3',
  stemTh: '',
  stemEn: '',
  caseTh: '',
  caseEn: '',
  options: [
    { id: 'a', textTh: '', textEn: '' },
    { id: 'b', textTh: '', textEn: '' },
    { id: 'c', textTh: '', textEn: '' },
    { id: 'd', textTh: '', textEn: '' },
  ],
  key: [],
  explanationTh: '',
  explanationEn: '',
});

const fromItem = (i: ItemView): Draft => ({
  kind: i.kind,
  skillAreaCode: i.skillAreaCode,
  unitCode: i.unitCode ?? '',
  level: String(i.level),
  difficulty: String(i.difficulty),
  stemTh: i.stemTh,
  stemEn: i.stemEn,
  caseTh: i.caseTh ?? '',
  caseEn: i.caseEn ?? '',
  // Ordering items are edited in the right order: the list order is the key.
  options: i.kind === 'ordering' ? i.key.map((k) => i.options.find((o) => o.id === k) as Option) : i.options,
  key: i.key,
  explanationTh: i.explanationTh ?? '',
  explanationEn: i.explanationEn ?? '',
});

/** The item's content in the shape the API takes; ordering keys follow the option order. */
function toContent(d: Draft, frameworkId: string) {
  const options = d.options.map((o) => ({ id: o.id, textTh: o.textTh.trim(), textEn: o.textEn.trim() }));
  return {
    kind: d.kind,
    frameworkId,
    skillAreaCode: d.skillAreaCode,
    unitCode: d.unitCode.trim() || null,
    level: Number(d.level),
    difficulty: Number(d.difficulty),
    stemTh: d.stemTh.trim(),
    stemEn: d.stemEn.trim(),
    caseTh: d.caseTh.trim() || null,
    caseEn: d.caseEn.trim() || null,
    options,
    key: d.kind === 'ordering' ? options.map((o) => o.id) : d.key.filter((k) => options.some((o) => o.id === k)),
    explanationTh: d.explanationTh.trim() || null,
    explanationEn: d.explanationEn.trim() || null,
  };
}

/** Field messages the editor can tell before sending: required texts and the item rules shared with the server. */
function liveIssues(d: Draft, t: (k: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.skillAreaCode) out.skillAreaCode = t('validation.required');
  if (!d.stemTh.trim()) out.stemTh = t('validation.required');
  d.options.forEach((o, i) => {
    if (!o.textTh.trim()) out[`options.${i}`] = t('validation.required');
  });
  const content = toContent(d, '');
  for (const issue of itemShapeIssues(content)) {
    const field = issue.path[0] === 'options' ? 'options' : issue.path[0];
    out[field] ??= t(`validation.${issue.code}`);
  }
  return out;
}

function ReviewPanel({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: (decision: 'approve' | 'return') => reviewItem(item.id, { decision, comment: comment.trim() || undefined }),
    onSuccess: (data) => queryClient.setQueryData(['item', item.id], data),
  });
  const errors = review.error ? toFormErrors(review.error, t) : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="review-heading">
          {t('assessment.editor.reviewTitle')}
        </Title>
        <Text size="sm">{t('assessment.editor.reviewLead')}</Text>
        <Textarea
          label={t('assessment.editor.reviewComment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors?.fields.comment}
        />
        <ErrorAlert message={errors && !errors.fields.comment ? errors.general : null} />
        <Group>
          <Button color="ok" onClick={() => review.mutate('approve')} loading={review.isPending && review.variables === 'approve'}>
            {t('assessment.editor.approve')}
          </Button>
          <Button variant="default" onClick={() => review.mutate('return')} loading={review.isPending && review.variables === 'return'}>
            {t('assessment.editor.return')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Editor({ item, frameworkId }: { item: ItemView | null; frameworkId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const labels = useFrameworkLabels(lang);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(() => (item ? fromItem(item) : blankDraft()));
  const [image, setImage] = useState<File | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [removeImage, setRemoveImage] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (item) setD(fromItem(item));
  }, [item]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const issues = useMemo(() => liveIssues(d, t), [d, t]);
  const save = useMutation({
    mutationFn: async () => {
      let upload: { dataBase64: string; contentType: (typeof ITEM_IMAGE_TYPES)[number]; filename: string } | undefined;
      if (image) {
        const bytes = new Uint8Array(await image.arrayBuffer());
        let bin = '';
        for (const b of bytes) bin += String.fromCharCode(b);
        upload = { dataBase64: btoa(bin), contentType: image.type as (typeof ITEM_IMAGE_TYPES)[number], filename: image.name };
      }
      const content = toContent(d, item?.frameworkId ?? frameworkId);
      return item
        ? updateItem(item.id, { ...content, image: upload, removeImage, version: item.version })
        : createItem({ ...content, image: upload });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['item', saved.id], saved);
      queryClient.invalidateQueries({ queryKey: ['items'] });
      navigate(`/assessment/items/${saved.id}`, { replace: !!item && saved.id === item.id });
    },
  });
  const server = save.error ? toFormErrors(save.error, t) : null;
  const shown = (field: string) => server?.fields[field] ?? (tried || field === 'key' || field === 'options' ? issues[field] : undefined);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(issues).length > 0 || imageError) {
      const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      return;
    }
    save.mutate();
  };
  const onKind = (kind: ItemKind) => {
    setD((x) => ({
      ...x,
      kind,
      key: [],
      options:
        kind === 'true_false'
          ? [
              { id: 't', textTh: 'ถูก', textEn: 'True' },
              { id: 'f', textTh: 'ผิด', textEn: 'False' },
            ]
          : x.kind === 'true_false'
            ? blankDraft().options
            : x.options,
    }));
  };
  const setOption = (i: number, patch: Partial<Option>) =>
    set(
      'options',
      d.options.map((o, j) => (j === i ? { ...o, ...patch } : o)),
    );
  const nextId = () => [...LETTERS].find((l) => !d.options.some((o) => o.id === l)) ?? 'h';
  const onImage = (f: File | null) => {
    setImage(f);
    setImageError(
      f && !(ITEM_IMAGE_TYPES as readonly string[]).includes(f.type)
        ? t('assessment.editor.imageType')
        : f && f.size > ITEM_IMAGE_MAX_BYTES
          ? t('assessment.editor.imageSize')
          : null,
    );
  };
  const readOnly = !!item && !item.abilities.edit;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="editor-heading">
      <Stack gap="md">
        <ErrorAlert message={server && Object.keys(server.fields).length === 0 ? server.general : null} />
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('assessment.field.kind')}
            value={d.kind}
            onChange={(e) => onKind(e.currentTarget.value as ItemKind)}
            data={ITEM_KINDS.map((k) => ({ value: k, label: t(`assessment.kind.${k}`) }))}
            disabled={readOnly}
          />
          <NativeSelect
            label={t('assessment.field.skillArea')}
            value={d.skillAreaCode}
            onChange={(e) => set('skillAreaCode', e.currentTarget.value)}
            data={[{ value: '', label: t('assessment.editor.choose') }, ...labels.areas]}
            error={shown('skillAreaCode')}
            required
            disabled={readOnly}
          />
          <NativeSelect
            label={t('assessment.field.level')}
            value={d.level}
            onChange={(e) => set('level', e.currentTarget.value)}
            data={labels.levels}
            disabled={readOnly}
          />
          <NativeSelect
            label={t('assessment.field.difficulty')}
            value={d.difficulty}
            onChange={(e) => set('difficulty', e.currentTarget.value)}
            data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t(`assessment.difficulty.${v}`) }))}
            disabled={readOnly}
          />
          <TextInput
            label={t('assessment.field.unitCode')}
            description={t('assessment.editor.unitHelp')}
            value={d.unitCode}
            onChange={(e) => set('unitCode', e.currentTarget.value)}
            error={shown('unitCode')}
            w={200}
            disabled={readOnly}
          />
        </Group>
        {d.kind === 'scenario' ? (
          <>
            <Textarea
              label={t('assessment.field.caseTh')}
              value={d.caseTh}
              onChange={(e) => set('caseTh', e.currentTarget.value)}
              error={shown('caseTh')}
              autosize
              minRows={3}
              required
              disabled={readOnly}
            />
            <Textarea
              label={t('assessment.field.caseEn')}
              value={d.caseEn}
              onChange={(e) => set('caseEn', e.currentTarget.value)}
              autosize
              minRows={2}
              disabled={readOnly}
            />
          </>
        ) : null}
        <Textarea
          label={t('assessment.field.stemTh')}
          value={d.stemTh}
          onChange={(e) => set('stemTh', e.currentTarget.value)}
          error={shown('stemTh')}
          autosize
          minRows={2}
          required
          disabled={readOnly}
        />
        <Textarea
          label={t('assessment.field.stemEn')}
          value={d.stemEn}
          onChange={(e) => set('stemEn', e.currentTarget.value)}
          autosize
          minRows={1}
          disabled={readOnly}
        />
        <Paper withBorder p="md" radius="md" component="fieldset" style={{ minWidth: 0 }}>
          <Title order={2} size="h4" component="legend">
            {t('assessment.editor.options')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t(`assessment.editor.keyHelp.${d.kind}`)}
          </Text>
          <Stack gap="sm">
            {d.options.map((o, i) => (
              <Group key={o.id} align="flex-end" wrap="wrap" gap="xs">
                {d.kind === 'ordering' ? (
                  <Text fw={600} w={24}>
                    {i + 1}.
                  </Text>
                ) : d.kind === 'multiple' ? (
                  <Checkbox
                    aria-label={t('assessment.editor.isRight', { n: i + 1 })}
                    checked={d.key.includes(o.id)}
                    onChange={(e) => set('key', e.currentTarget.checked ? [...d.key, o.id] : d.key.filter((k) => k !== o.id))}
                    disabled={readOnly}
                  />
                ) : (
                  <Radio
                    aria-label={t('assessment.editor.isRight', { n: i + 1 })}
                    checked={d.key[0] === o.id}
                    onChange={() => set('key', [o.id])}
                    name="key"
                    disabled={readOnly}
                  />
                )}
                <TextInput
                  label={t('assessment.editor.optionTh', { n: i + 1 })}
                  value={o.textTh}
                  onChange={(e) => setOption(i, { textTh: e.currentTarget.value })}
                  error={tried ? issues[`options.${i}`] : undefined}
                  style={{ flex: '1 1 14rem' }}
                  disabled={readOnly || d.kind === 'true_false'}
                />
                <TextInput
                  label={t('assessment.editor.optionEn', { n: i + 1 })}
                  value={o.textEn}
                  onChange={(e) => setOption(i, { textEn: e.currentTarget.value })}
                  style={{ flex: '1 1 14rem' }}
                  disabled={readOnly || d.kind === 'true_false'}
                />
                {d.kind !== 'true_false' && d.options.length > 2 && !readOnly ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('assessment.editor.removeOption', { n: i + 1 })}
                    onClick={() =>
                      setD((x) => ({ ...x, options: x.options.filter((_, j) => j !== i), key: x.key.filter((k) => k !== o.id) }))
                    }
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
            {d.kind !== 'true_false' && d.options.length < 8 && !readOnly ? (
              <Group>
                <Button variant="light" size="xs" onClick={() => set('options', [...d.options, { id: nextId(), textTh: '', textEn: '' }])}>
                  {t('assessment.editor.addOption')}
                </Button>
              </Group>
            ) : null}
            {shown('key') || shown('options') ? (
              <Text c="red.8" size="sm" role="alert" data-testid="key-error">
                {shown('key') ?? shown('options')}
              </Text>
            ) : null}
          </Stack>
        </Paper>
        <Textarea
          label={t('assessment.field.explanationTh')}
          value={d.explanationTh}
          onChange={(e) => set('explanationTh', e.currentTarget.value)}
          autosize
          minRows={1}
          disabled={readOnly}
        />
        <Textarea
          label={t('assessment.field.explanationEn')}
          value={d.explanationEn}
          onChange={(e) => set('explanationEn', e.currentTarget.value)}
          autosize
          minRows={1}
          disabled={readOnly}
        />
        {item?.imageUrl && !removeImage ? (
          <Group align="flex-end">
            <Image src={item.imageUrl} alt={t('assessment.editor.currentImage')} maw={240} radius="sm" />
            {!readOnly ? (
              <Button variant="subtle" color="red" onClick={() => setRemoveImage(true)}>
                {t('assessment.editor.removeImage')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {!readOnly ? (
          <FileInput
            label={t('assessment.editor.image')}
            description={t('assessment.editor.imageHelp')}
            accept={ITEM_IMAGE_TYPES.join(',')}
            value={image}
            onChange={onImage}
            error={imageError ?? server?.fields.image}
            clearable
            w={320}
          />
        ) : null}
        {!readOnly ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {item
                ? item.status === 'active'
                  ? t('assessment.editor.saveNewVersion')
                  : t('assessment.editor.save')
                : t('assessment.editor.create')}
            </Button>
          </Group>
        ) : null}
        {item?.status === 'active' && !readOnly ? (
          <Text size="sm" c="dimmed">
            {t('assessment.editor.activeNote')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

/** Writing and reviewing an item: a draft, its second-author review, its versions. */
export default function ItemEditorPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id } = useParams();
  const isNew = !id || id === 'new';
  usePageTitle(isNew ? t('assessment.editor.newTitle') : t('assessment.editor.title'));
  const labels = useFrameworkLabels(lang);
  const queryClient = useQueryClient();
  const item = useQuery({ queryKey: ['item', id], queryFn: () => getItem(id as string), enabled: !isNew });
  const retire = useMutation({
    mutationFn: () => retireItem(id as string),
    onSuccess: (data) => queryClient.setQueryData(['item', id], data),
  });
  if (!isNew && item.isPending) return <PageLoader />;
  if (!isNew && item.error) return <ErrorAlert error={item.error} />;
  if (isNew && !labels.frameworkId) return <PageLoader />;
  const i = item.data ?? null;
  return (
    <Stack gap="lg">
      <AuthorNav />
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Title order={1} id="editor-heading">
            {isNew ? t('assessment.editor.newTitle') : t('assessment.editor.title')}
          </Title>
          {i ? <StatusBadge status={i.status} /> : null}
          {i?.isSample ? <SampleBadge /> : null}
        </Group>
        {i ? (
          <Text size="sm" c="dimmed">
            {t('assessment.editor.meta', {
              version: i.version,
              author: i.author?.name ?? '—',
              updated: formatDate(i.updatedAt, lang, 'dateTime'),
            })}
          </Text>
        ) : (
          <Text size="sm">{t('assessment.editor.newLead')}</Text>
        )}
      </Stack>
      {i?.reviewComment ? (
        <Alert color={i.status === 'draft' ? 'warn' : 'gray'} title={t('assessment.editor.reviewerSaid', { name: i.reviewer?.name ?? '' })}>
          {i.reviewComment}
        </Alert>
      ) : null}
      {i && i.status === 'draft' && !i.abilities.review ? (
        <Text size="sm" c="dimmed">
          {t('assessment.editor.awaitingOther')}
        </Text>
      ) : null}
      {i?.abilities.review ? <ReviewPanel item={i} /> : null}
      <Editor item={i} frameworkId={labels.frameworkId ?? ''} />
      {i?.abilities.retire ? (
        <Group>
          <Button variant="subtle" color="red" onClick={() => retire.mutate()} loading={retire.isPending}>
            {t('assessment.editor.retire')}
          </Button>
          <ErrorAlert error={retire.error} />
        </Group>
      ) : null}
      {i && i.versions.length > 1 ? (
        <section aria-labelledby="versions-heading">
          <Title order={2} size="h4" id="versions-heading" mb="xs">
            {t('assessment.editor.versions')}
          </Title>
          <Stack gap={4}>
            {i.versions.map((v) => (
              <Group key={v.id} gap="xs">
                {v.id === i.id ? (
                  <Text fw={600}>v{v.version}</Text>
                ) : (
                  <Anchor component={Link} to={`/assessment/items/${v.id}`}>
                    v{v.version}
                  </Anchor>
                )}
                <StatusBadge status={v.status} />
                <Text size="sm" c="dimmed">
                  {formatDate(v.updatedAt, lang, 'dateTime')}
                </Text>
              </Group>
            ))}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}
