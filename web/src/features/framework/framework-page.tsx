import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AppError } from '../../../../common/errors.js';
import { frameworkExportUrl } from '../../api/framework.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { StatusPage } from '../../components/status-page.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { FrameworkHeader } from './framework-header.js';
import { LevelsSection, TargetGroupsSection } from './groups-levels-section.js';
import { pick } from './localize.js';
import { MatrixTable } from './matrix-table.js';
import { SkillAreasSection } from './skill-areas-section.js';
import { SourceLinksProvider } from './sources.js';
import { UnitsSection } from './units-section.js';
import { useFramework, useFrameworkList } from './use-framework.js';
import { VersionPicker } from './version-picker.js';

/** The public framework: any version, its skill areas, target groups, levels, required-level matrix and units. */
export default function FrameworkPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id } = useParams();
  const navigate = useNavigate();
  const framework = useFramework(id ?? 'current');
  const versions = useFrameworkList();
  const fw = framework.data;
  usePageTitle(fw ? pick(lang, fw.titleTh, fw.titleEn) : t('nav.framework'));

  if (framework.isPending) return <PageLoader />;
  // A malformed id in the address (400) is as much "no such version" as an unknown one (404).
  if (framework.error instanceof AppError && [400, 404].includes(framework.error.status)) return <StatusPage kind="notFound" />;
  if (!fw) return <ErrorAlert error={framework.error} />;

  return (
    <SourceLinksProvider value={fw.sourceLinks}>
      <Stack gap="xl">
        <Stack gap="md">
          <FrameworkHeader framework={fw} />
          <Text maw={760}>{t('framework.lead')}</Text>
          <Group align="flex-end" gap="md" wrap="wrap">
            {versions.data && versions.data.items.length > 0 ? (
              <VersionPicker
                versions={versions.data.items}
                value={fw.id}
                onChange={(next) => {
                  const chosen = versions.data.items.find((v) => v.id === next);
                  navigate(chosen?.isCurrent ? '/framework' : `/framework/${next}`);
                }}
              />
            ) : null}
            <Group gap="xs">
              <Button component="a" href={frameworkExportUrl(fw.id, 'csv')} download variant="outline">
                {t('framework.downloadCsv')}
              </Button>
              <Button component="a" href={frameworkExportUrl(fw.id, 'json')} download variant="outline">
                {t('framework.downloadJson')}
              </Button>
            </Group>
          </Group>
          {fw.status === 'draft' ? (
            <Alert color="warn" variant="light" title={t('framework.draftTitle')}>
              {t('framework.draftNotice')}
            </Alert>
          ) : null}
        </Stack>
        <SkillAreasSection areas={fw.skillAreas} />
        <TargetGroupsSection groups={fw.targetGroups} />
        <LevelsSection levels={fw.levels} />
        <MatrixTable framework={fw} />
        <UnitsSection units={fw.units} skillAreas={fw.skillAreas} targetGroups={fw.targetGroups} />
      </Stack>
    </SourceLinksProvider>
  );
}
