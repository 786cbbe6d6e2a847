import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { exportUrl } from '../../api/catalog.js';

/** Where to take the whole catalogue away: CSV, XLSX and the data dictionary that explains the columns. */
export function OpenDataLinks({ withDictionary = true }: { withDictionary?: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb={4}>
        {t('catalog.openData.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('catalog.openData.text')}
      </Text>
      <Group gap="md" component="ul" className="link-list">
        <li>
          <Anchor href={exportUrl('csv')} download>
            {t('catalog.openData.csv')}
          </Anchor>
        </li>
        <li>
          <Anchor href={exportUrl('xlsx')} download>
            {t('catalog.openData.xlsx')}
          </Anchor>
        </li>
        {withDictionary ? (
          <li>
            <Anchor component={Link} to="/catalog/data">
              {t('catalog.openData.dictionary')}
            </Anchor>
          </li>
        ) : null}
      </Group>
    </Paper>
  );
}
