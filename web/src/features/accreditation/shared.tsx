import { Alert, Badge, List, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../../common/contracts/accreditation.js';
import type { CourseView } from '../../api/accreditation.js';
import { getFramework } from '../../api/framework.js';
import { currentLanguage } from '../../lib/i18n.js';

const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'thaksa',
  screening: 'thaksa',
  in_review: 'thaksa',
  decision_pending: 'thaksa',
  accredited: 'ok',
  accredited_with_conditions: 'ok',
  revision_requested: 'warn',
  rejected: 'red',
  suspended: 'warn',
  revoked: 'red',
  expired: 'gray',
};

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray'} variant="light" tt="none" autoContrast>
      {t(`acc.state.${state}`)}
    </Badge>
  );
}

export function useCurrentFramework() {
  return useQuery({ queryKey: ['framework', 'current'], queryFn: () => getFramework('current'), staleTime: 10 * 60_000 });
}

/** The server's completeness and 60/40 checks, each with the field it concerns. */
export function ChecksList({ checks, id = 'checks' }: { checks: CheckResult[]; id?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (checks.length === 0) {
    return (
      <Alert color="ok" variant="light" role="status" id={id}>
        {t('acc.checks.allPass')}
      </Alert>
    );
  }
  return (
    <Alert color="warn" variant="light" title={t('acc.checks.title', { count: checks.length })} id={id}>
      <List size="sm" spacing={4}>
        {checks.map((c) => (
          <List.Item key={`${c.code}-${c.field ?? ''}`}>
            <Text span fw={600} size="sm">
              {c.severity === 'error' ? t('acc.checks.error') : t('acc.checks.warning')}
            </Text>{' '}
            {lang === 'th' ? c.messageTh : c.messageEn}
            {c.field ? (
              <Text span c="dimmed" size="xs">
                {' '}
                ({t('acc.checks.field')}: {fieldLabel(c.field, t)})
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

const FIELD_KEYS: Record<string, string> = {
  targetGroupCodes: 'targetGroups',
  assessmentMethod: 'assessment',
  feeBaht: 'fee',
  provinceCode: 'province',
};

/** A content path ("hours.lecture", "objectives.0") as the reader knows the field. */
export function fieldLabel(path: string, t: TFunction): string {
  const [head = '', sub] = path.split('.');
  if (head === 'syllabus') return t('acc.editor.syllabus');
  const base = t(`acc.course.${FIELD_KEYS[head] ?? head}`, { defaultValue: head });
  if (head === 'hours' && sub) return `${base} · ${t(`acc.method.${sub}`, { defaultValue: sub })}`;
  if (sub && /^\d+$/.test(sub)) return `${base} #${Number(sub) + 1}`;
  return base;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function DiffTable({ course }: { course: Pick<CourseView, 'diff' | 'diffAgainstVersion' | 'version'> }) {
  const { t } = useTranslation();
  if (course.diffAgainstVersion === null) return null;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table withTableBorder striped captionSide="top">
        <caption>{t('acc.diff.caption', { from: course.diffAgainstVersion, to: course.version })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('acc.diff.field')}</Table.Th>
            <Table.Th scope="col">{t('acc.diff.before')}</Table.Th>
            <Table.Th scope="col">{t('acc.diff.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {course.diff.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={3}>{t('acc.diff.none')}</Table.Td>
            </Table.Tr>
          ) : (
            course.diff.map((d) => (
              <Table.Tr key={d.path}>
                <Table.Th scope="row">{fieldLabel(d.path, t)}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{show(d.before)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{show(d.after)}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The course as submitted, read-only, for officers and reviewers. */
export function CourseContentView({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const c = course.content;
  const hours = c.hours ?? {};
  const rows: [string, React.ReactNode][] = [
    [t('acc.course.titleTh'), c.titleTh],
    [t('acc.course.titleEn'), c.titleEn],
    [t('acc.course.summaryTh'), c.summaryTh],
    [
      t('acc.course.objectives'),
      <List key="o" size="sm">
        {(c.objectives ?? []).map((o) => (
          <List.Item key={o}>{o}</List.Item>
        ))}
      </List>,
    ],
    [
      t('acc.course.outcomes'),
      <List key="u" size="sm">
        {(c.outcomes ?? []).map((o) => (
          <List.Item key={o.textTh}>
            {o.textTh} — {o.skillAreaCode} {t('acc.course.levelShort', { rank: o.levelRank })}
          </List.Item>
        ))}
      </List>,
    ],
    [t('acc.course.targetGroups'), (c.targetGroupCodes ?? []).join(', ')],
    [
      t('acc.course.hours'),
      Object.entries(hours)
        .filter(([, v]) => Number(v ?? 0) > 0)
        .map(([k, v]) => `${t(`acc.method.${k}`)} ${v}`)
        .join(', '),
    ],
    [t('acc.course.delivery'), c.delivery ? t(`acc.delivery.${c.delivery}`) : ''],
    [t('acc.course.assessment'), c.assessmentMethod],
    [t('acc.course.instructors'), (c.instructors ?? []).map((i) => `${i.name} (${i.qualifications})`).join('; ')],
    [t('acc.course.fee'), c.feeBaht],
    [t('acc.course.language'), c.language ? t(`acc.language.${c.language}`) : ''],
  ];
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table withTableBorder captionSide="top">
        <caption>{t('acc.course.contentCaption', { version: course.version })}</caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="30%">
                {label}
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-word' }}>{value ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The provider a provider_admin acts for: the scope of their grant. */
export function providerIdOf(roles: { role: string; scopeType: string; scopeId: string }[]): string | null {
  return roles.find((r) => r.role === 'provider_admin')?.scopeId ?? null;
}
