import { Alert, Anchor, Button, Group, Stack, Tabs } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AppError } from '../../../../common/errors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { StatusPage } from '../../components/status-page.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { FrameworkHeader } from '../framework/framework-header.js';
import { LevelsSection, TargetGroupsSection } from '../framework/groups-levels-section.js';
import { pick } from '../framework/localize.js';
import { MatrixTable } from '../framework/matrix-table.js';
import { SkillAreasSection } from '../framework/skill-areas-section.js';
import { SourceLinksProvider } from '../framework/sources.js';
import { UnitsSection } from '../framework/units-section.js';
import { useFramework } from '../framework/use-framework.js';
import { type EditTarget, ItemEditModal } from './item-edit-modal.js';
import { type CellTarget, MatrixCellModal } from './matrix-cell-modal.js';
import { PublishButton } from './publish-button.js';

const TABS = ['skillAreas', 'targetGroups', 'levels', 'matrix', 'units'] as const;

/** One version in the editor. What can be done comes from the version's `abilities`; published versions are read-only. */
export default function FrameworkEditorPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const query = useFramework(id);
  const [tab, setTab] = useState<string>('skillAreas');
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [cell, setCell] = useState<CellTarget | null>(null);
  const fw = query.data;
  usePageTitle(fw ? `${t('frameworkAdmin.editorTitle')}: ${fw.code}` : t('frameworkAdmin.editorTitle'));

  if (query.isPending) return <PageLoader />;
  // A malformed id in the address (400) is as much "no such version" as an unknown one (404).
  if (query.error instanceof AppError && [400, 404].includes(query.error.status)) return <StatusPage kind="notFound" />;
  if (!fw) return <ErrorAlert error={query.error} />;

  const canEdit = fw.abilities.edit;
  const editButton = (target: EditTarget, name: string): ReactNode =>
    canEdit ? (
      <Button size="compact-sm" variant="outline" onClick={() => setEditing(target)} aria-label={t('frameworkAdmin.editItem', { name })}>
        {t('common.edit')}
      </Button>
    ) : null;

  return (
    <SourceLinksProvider value={fw.sourceLinks}>
      <Stack gap="lg">
        <Anchor component={Link} to="/admin/framework" size="sm">
          ← {t('frameworkAdmin.backToVersions')}
        </Anchor>
        <FrameworkHeader framework={fw} headingPrefix={canEdit ? t('frameworkAdmin.editing') : undefined} />
        <Group gap="sm">
          {fw.abilities.publish ? <PublishButton framework={fw} /> : null}
          {fw.abilities.createVersion ? (
            <Button component={Link} to={`/admin/framework?basedOn=${fw.id}#create-version-heading`} variant="outline">
              {t('frameworkAdmin.newFromThis')}
            </Button>
          ) : null}
          <Button component={Link} to={fw.isCurrent ? '/framework' : `/framework/${fw.id}`} variant="subtle">
            {t('frameworkAdmin.viewPublic')}
          </Button>
        </Group>
        {canEdit ? (
          <Alert color="warn" variant="light" title={t('frameworkAdmin.draftTitle')}>
            {t('frameworkAdmin.draftText')}
          </Alert>
        ) : (
          <Alert color="gray" variant="light" title={t('frameworkAdmin.readOnlyTitle')}>
            {t('frameworkAdmin.readOnlyText')}
          </Alert>
        )}
        <Tabs value={tab} onChange={(v) => setTab(v ?? 'skillAreas')} keepMounted={false}>
          <Tabs.List>
            {TABS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`frameworkAdmin.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="skillAreas" pt="md">
            <SkillAreasSection
              areas={fw.skillAreas}
              actions={(a) => editButton({ kind: 'skill_area', item: a }, pick(lang, a.nameTh, a.nameEn))}
            />
          </Tabs.Panel>
          <Tabs.Panel value="targetGroups" pt="md">
            <TargetGroupsSection
              groups={fw.targetGroups}
              actions={(g) => editButton({ kind: 'target_group', item: g }, pick(lang, g.nameTh, g.nameEn))}
            />
          </Tabs.Panel>
          <Tabs.Panel value="levels" pt="md">
            <LevelsSection levels={fw.levels} actions={(l) => editButton({ kind: 'level', item: l }, pick(lang, l.nameTh, l.nameEn))} />
          </Tabs.Panel>
          <Tabs.Panel value="matrix" pt="md">
            <MatrixTable framework={fw} onEditCell={canEdit ? (group, area, c) => setCell({ group, area, cell: c }) : undefined} />
          </Tabs.Panel>
          <Tabs.Panel value="units" pt="md">
            <UnitsSection
              units={fw.units}
              skillAreas={fw.skillAreas}
              targetGroups={fw.targetGroups}
              actions={canEdit ? (u) => editButton({ kind: 'unit', item: u }, u.code) : undefined}
            />
          </Tabs.Panel>
        </Tabs>
        {editing ? <ItemEditModal framework={fw} target={editing} onClose={() => setEditing(null)} /> : null}
        {cell ? <MatrixCellModal framework={fw} target={cell} onClose={() => setCell(null)} /> : null}
      </Stack>
    </SourceLinksProvider>
  );
}
