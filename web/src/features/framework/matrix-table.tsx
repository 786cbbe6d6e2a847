import { Alert, Box, List, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FrameworkView, MatrixCell, SkillArea, TargetGroup } from '../../api/framework.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { currentLanguage } from '../../lib/i18n.js';
import { pick } from './localize.js';

interface Props {
  framework: Pick<FrameworkView, 'skillAreas' | 'targetGroups' | 'levels' | 'matrix' | 'titleTh' | 'titleEn'>;
  /** When given, each cell becomes a button that opens the editor for it. */
  onEditCell?: (group: TargetGroup, area: SkillArea, cell: MatrixCell | undefined) => void;
}

function CellContent({ cell, levelName }: { cell: MatrixCell | undefined; levelName: (rank: number) => string }) {
  const { t } = useTranslation();
  if (!cell) {
    return (
      <Text size="sm" c="dimmed">
        {t('framework.matrix.noValue')}
      </Text>
    );
  }
  return (
    <>
      {cell.levelRank === null ? (
        <Text size="sm">{t('framework.matrix.notRequired')}</Text>
      ) : (
        <>
          <Text fw={700} size="lg" lh={1.2}>
            {cell.levelRank}
          </Text>
          <Text size="xs">{levelName(cell.levelRank)}</Text>
        </>
      )}
      {cell.isSample ? (
        <Text size="xs" fw={700} c="warn.8" mt={2}>
          {t('framework.matrix.sampleMark')}
        </Text>
      ) : null}
    </>
  );
}

/** Target group × skill area required levels as a real table: caption, row and column headers, marked samples. */
export function MatrixTable({ framework, onEditCell }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const groups = [...framework.targetGroups].sort((a, b) => a.sortOrder - b.sortOrder);
  const areas = [...framework.skillAreas].sort((a, b) => a.sortOrder - b.sortOrder);
  const cells = new Map(framework.matrix.map((c) => [`${c.targetGroupCode}|${c.skillAreaCode}`, c]));
  const levelName = (rank: number) => {
    const level = framework.levels.find((l) => l.rank === rank);
    return level ? pick(lang, level.nameTh, level.nameEn) : '';
  };
  const sampleCount = framework.matrix.filter((c) => c.isSample).length;
  const valueText = (cell: MatrixCell | undefined) => {
    if (!cell) return t('framework.matrix.noValue');
    const value =
      cell.levelRank === null
        ? t('framework.matrix.notRequired')
        : `${t('framework.levelN', { rank: cell.levelRank })} ${levelName(cell.levelRank)}`;
    return cell.isSample ? `${value}, ${t('framework.matrix.sampleMark')}` : value;
  };

  return (
    <section aria-labelledby="matrix-heading">
      <Title order={2} id="matrix-heading" mb={4}>
        {t('framework.matrix.title')}
      </Title>
      <Text mb="sm">{t('framework.matrix.lead')}</Text>
      <Alert color="warn" variant="light" mb="md" title={t('framework.matrix.legendTitle')}>
        <List size="sm" spacing={4}>
          <List.Item>
            <Box component="span" className="sample-cell" px={6} mr={6} fw={700}>
              {t('framework.matrix.sampleMark')}
            </Box>
            {t('framework.matrix.legendSample')}
          </List.Item>
          <List.Item>{t('framework.matrix.legendNumbers')}</List.Item>
          <List.Item>{t('framework.matrix.legendNotRequired')}</List.Item>
        </List>
        {sampleCount > 0 ? (
          <Text size="sm" mt="xs" fw={600}>
            {t('framework.matrix.sampleCount', { count: sampleCount, total: groups.length * areas.length })}
          </Text>
        ) : null}
      </Alert>
      <ScrollRegion label={t('framework.matrix.title')}>
        <Table
          className="matrix-table"
          withTableBorder
          withColumnBorders
          miw={220 + areas.length * 120}
          verticalSpacing="xs"
          captionSide="top"
        >
          <Table.Caption>{t('framework.matrix.caption', { title: pick(lang, framework.titleTh, framework.titleEn) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('framework.matrix.corner')}</Table.Th>
              {areas.map((a) => (
                <Table.Th key={a.code} scope="col" fz="sm">
                  {pick(lang, a.nameTh, a.nameEn)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t(`framework.kind.${a.kind}`)}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.code}>
                <Table.Th scope="row" fz="sm">
                  {pick(lang, g.nameThShort || g.nameTh, g.nameEn)}
                </Table.Th>
                {areas.map((a) => {
                  const cell = cells.get(`${g.code}|${a.code}`);
                  const content = <CellContent cell={cell} levelName={levelName} />;
                  return (
                    <Table.Td
                      key={a.code}
                      className={cell?.isSample ? 'sample-cell' : undefined}
                      ta="center"
                      data-cell={`${g.code}|${a.code}`}
                    >
                      {onEditCell ? (
                        <UnstyledButton
                          onClick={() => onEditCell(g, a, cell)}
                          aria-label={t('framework.matrix.editCell', {
                            group: pick(lang, g.nameTh, g.nameEn),
                            area: pick(lang, a.nameTh, a.nameEn),
                            value: valueText(cell),
                          })}
                          w="100%"
                          p={4}
                          style={{ borderRadius: 4, textAlign: 'center' }}
                        >
                          {content}
                        </UnstyledButton>
                      ) : (
                        content
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </section>
  );
}
