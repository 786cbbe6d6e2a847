import { Anchor, Badge, Code, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ColumnDoc, IMPORT_COLUMNS, OPEN_DATA_COLUMNS } from '../../../../common/catalog-columns.js';
import { DICTIONARY_URL, OPEN_COURSES_URL } from '../../api/catalog.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { OpenDataLinks } from './open-data-links.js';

/** The defaults in the README; an installation may set others (SEARCH_RATE_PER_MINUTE, OPEN_DATA_RATE_PER_MINUTE). */
const SEARCH_RATE_PER_MINUTE = 600;
const OPEN_DATA_RATE_PER_MINUTE = 60;

function ColumnsTable({ columns, caption, withRequired }: { columns: readonly ColumnDoc[]; caption: string; withRequired?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <ScrollRegion label={caption}>
      <Table withTableBorder striped captionSide="top">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('catalog.data.column')}</Table.Th>
            <Table.Th scope="col">{t('catalog.data.type')}</Table.Th>
            {withRequired ? <Table.Th scope="col">{t('catalog.data.required')}</Table.Th> : null}
            <Table.Th scope="col">{t('catalog.data.meaning')}</Table.Th>
            <Table.Th scope="col">{t('catalog.data.example')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((c) => (
            <Table.Tr key={c.key} id={`col-${withRequired ? 'import' : 'open'}-${c.key}`}>
              <Table.Th scope="row" fw={400}>
                <Code>{c.key}</Code>
              </Table.Th>
              <Table.Td>{t(`catalog.data.types.${c.type}`)}</Table.Td>
              {withRequired ? (
                <Table.Td>
                  {c.required ? (
                    <Badge variant="light" tt="none" color="thaksa">
                      {t('catalog.data.requiredYes')}
                    </Badge>
                  ) : (
                    t('catalog.data.requiredNo')
                  )}
                </Table.Td>
              ) : null}
              <Table.Td lang={lang}>{lang === 'th' ? c.th : c.en}</Table.Td>
              <Table.Td>
                <Code style={{ overflowWrap: 'anywhere' }}>{c.example}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** The data dictionary of the open catalogue: columns, the JSON API with its cursor, downloads, limits and the import format. */
export default function CatalogDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalog.data.title'));
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to="/catalog" size="sm">
          {t('catalog.course.backToCatalog')}
        </Anchor>
        <Title order={1}>{t('catalog.data.title')}</Title>
        <Text maw={760}>{t('catalog.data.lead')}</Text>
      </Stack>

      <OpenDataLinks withDictionary={false} />

      <section aria-labelledby="open-columns">
        <Title order={2} size="h3" id="open-columns" mb="xs">
          {t('catalog.data.openTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('catalog.data.openLead')}
        </Text>
        <ColumnsTable columns={OPEN_DATA_COLUMNS} caption={t('catalog.data.openCaption', { count: OPEN_DATA_COLUMNS.length })} />
      </section>

      <section aria-labelledby="json-api">
        <Title order={2} size="h3" id="json-api" mb="xs">
          {t('catalog.data.apiTitle')}
        </Title>
        <Stack gap="sm">
          <Text size="sm">{t('catalog.data.apiLead')}</Text>
          <List type="ordered" size="sm" spacing={6}>
            <List.Item>
              {t('catalog.data.apiStep1')}
              <Code block mt={4}>{`GET ${origin}${OPEN_COURSES_URL}?limit=100`}</Code>
            </List.Item>
            <List.Item>
              {t('catalog.data.apiStep2')}
              <Code
                block
                mt={4}
              >{`{ "items": [ { "id": "…", "accreditationNumber": "สดช.-2569-0001", … } ],\n  "nextCursor": "eyJ…" }`}</Code>
            </List.Item>
            <List.Item>
              {t('catalog.data.apiStep3')}
              <Code block mt={4}>{`GET ${origin}${OPEN_COURSES_URL}?limit=100&cursor=eyJ…`}</Code>
            </List.Item>
            <List.Item>{t('catalog.data.apiStep4')}</List.Item>
          </List>
          <Text size="sm">
            {t('catalog.data.apiDictionary')}{' '}
            <Anchor href={DICTIONARY_URL} underline="always">
              {DICTIONARY_URL}
            </Anchor>
          </Text>
          <Text size="sm">
            {t('catalog.data.apiDocs')}{' '}
            <Anchor href="/api/docs" underline="always">
              /api/docs
            </Anchor>
          </Text>
          <Text size="sm">{t('catalog.data.apiCors')}</Text>
        </Stack>
      </section>

      <section aria-labelledby="rate-limits">
        <Title order={2} size="h3" id="rate-limits" mb="xs">
          {t('catalog.data.limitsTitle')}
        </Title>
        <Paper withBorder p="md">
          <Table captionSide="top">
            <caption className="visually-hidden">{t('catalog.data.limitsTitle')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalog.data.limitsWhat')}</Table.Th>
                <Table.Th scope="col">{t('catalog.data.limitsRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('catalog.data.limitsSearch')}
                </Table.Th>
                <Table.Td>{t('catalog.data.perMinute', { count: SEARCH_RATE_PER_MINUTE })}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('catalog.data.limitsOpen')}
                </Table.Th>
                <Table.Td>{t('catalog.data.perMinute', { count: OPEN_DATA_RATE_PER_MINUTE })}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="sm">
            {t('catalog.data.limitsText')}
          </Text>
        </Paper>
      </section>

      <section aria-labelledby="import-columns">
        <Title order={2} size="h3" id="import-columns" mb="xs">
          {t('catalog.data.importTitle')}
        </Title>
        <List size="sm" spacing={4} mb="sm">
          <List.Item>{t('catalog.data.importRule1')}</List.Item>
          <List.Item>{t('catalog.data.importRule2')}</List.Item>
          <List.Item>{t('catalog.data.importRule3')}</List.Item>
          <List.Item>{t('catalog.data.importRule4')}</List.Item>
        </List>
        <ColumnsTable columns={IMPORT_COLUMNS} caption={t('catalog.data.importCaption', { count: IMPORT_COLUMNS.length })} withRequired />
      </section>
    </Stack>
  );
}
