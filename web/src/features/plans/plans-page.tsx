import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createAgencyPlan, listAgencyPlans } from '../../api/plans.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { baht, currentFiscalYear, fiscalYearText, PlanStateBadge } from './shared.js';

function NewPlanForm({
  agencies,
  phases,
}: {
  agencies: { id: string; nameTh: string; nameEn: string }[];
  phases: { code: string; th: string; en: string }[];
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const fy = currentFiscalYear();
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? '');
  const [year, setYear] = useState(String(fy));
  const [phase, setPhase] = useState(phases[0]?.code ?? '');
  const create = useMutation({
    mutationFn: () => createAgencyPlan({ agencyId, fiscalYear: Number(year), phase }),
    onSuccess: (plan) => navigate(`/plans/${plan.id}`),
  });
  const errors = create.error ? toFormErrors(create.error, t) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-plan-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-plan-heading">
          {t('plans.list.newTitle')}
        </Title>
        <ErrorAlert message={errors?.general} />
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('plans.field.agency')}
            value={agencyId}
            onChange={(e) => setAgencyId(e.currentTarget.value)}
            data={agencies.map((a) => ({ value: a.id, label: lang === 'en' ? a.nameEn : a.nameTh }))}
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label={t('plans.field.fiscalYear')}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={[fy, fy + 1].map((y) => ({ value: String(y), label: fiscalYearText(y, lang) }))}
            error={errors?.fields.fiscalYear}
          />
          <NativeSelect
            label={t('plans.field.phase')}
            value={phase}
            onChange={(e) => setPhase(e.currentTarget.value)}
            data={phases.map((p) => ({ value: p.code, label: lang === 'en' ? p.en : p.th }))}
          />
          <Button type="submit" loading={create.isPending}>
            {t('plans.list.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Development plans the reader may see: HR and executives their agencies', central monitors approved ones nationally. */
export default function PlansPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('plans.list.title'));
  const list = useQuery({ queryKey: ['plans'], queryFn: listAgencyPlans });
  const phaseName = (code: string) => {
    const p = list.data?.phases.find((x) => x.code === code);
    return p ? (lang === 'en' ? p.en : p.th) : code;
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('plans.list.title')}</Title>
        <Text maw={760}>{t('plans.list.lead')}</Text>
      </Stack>
      {list.isPending ? <PageLoader /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.canCreateFor.length > 0 ? <NewPlanForm agencies={list.data.canCreateFor} phases={list.data.phases} /> : null}
      {list.data ? (
        <section aria-labelledby="plans-heading">
          <Title order={2} size="h3" id="plans-heading" mb="sm">
            {t('plans.list.count', { count: list.data.items.length })}
          </Title>
          {list.data.items.length === 0 ? (
            <EmptyState title={t('plans.list.emptyTitle')}>{t('plans.list.emptyText')}</EmptyState>
          ) : (
            <ScrollRegion label={t('plans.list.title')}>
              <Table striped highlightOnHover miw={720}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plans.field.agency')}</Table.Th>
                    <Table.Th>{t('plans.field.fiscalYear')}</Table.Th>
                    <Table.Th>{t('plans.field.state')}</Table.Th>
                    <Table.Th>{t('plans.field.phase')}</Table.Th>
                    <Table.Th ta="right">{t('plans.list.targets')}</Table.Th>
                    <Table.Th ta="right">{t('plans.list.budget')}</Table.Th>
                    <Table.Th ta="right">{t('plans.list.cohorts')}</Table.Th>
                    <Table.Th>{t('plans.list.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/plans/${p.id}`}>
                          {lang === 'en' ? p.agency.nameEn : p.agency.nameTh}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{fiscalYearText(p.fiscalYear, lang)}</Table.Td>
                      <Table.Td>
                        <PlanStateBadge state={p.state} />
                      </Table.Td>
                      <Table.Td>{phaseName(p.phase)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(p.targetCount, lang)}</Table.Td>
                      <Table.Td ta="right">{baht(p.budgetTotal, lang)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(p.cohortCount, lang)}</Table.Td>
                      <Table.Td>{formatDate(p.updatedAt, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </section>
      ) : null}
    </Stack>
  );
}
