import { Button, Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../api/catalog.js';
import { FacetPanel } from './facet-panel.js';
import type { FacetLabels } from './labels.js';
import type { SearchState } from './search-state.js';

/**
 * The filters on a phone: a drawer over the results, loaded only when opened. Ticking applies at once
 * (the results update behind it); the button at the end closes it and says how many courses match.
 */
export default function FacetDrawer({
  opened,
  onClose,
  state,
  result,
  labels,
  onChange,
}: {
  opened: boolean;
  onClose: () => void;
  state: SearchState;
  result: SearchResult | undefined;
  labels: FacetLabels;
  onChange: (s: SearchState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('catalog.facets.title')}
      position="left"
      size="100%"
      padding="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <FacetPanel state={state} result={result} labels={labels} onChange={onChange} />
      <div className="drawer-footer">
        <Button fullWidth onClick={onClose}>
          {t('catalog.facets.showResults', { count: result?.total ?? 0 })}
        </Button>
      </div>
    </Drawer>
  );
}
