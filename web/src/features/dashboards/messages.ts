import i18n from 'i18next';
import en from '../../../../common/i18n/dashboards.en.json' with { type: 'json' };
import th from '../../../../common/i18n/dashboards.th.json' with { type: 'json' };

// The dashboard page brings its own messages, so the public pages never download them. Imported for its
// effect by the page, before it renders. A language's messages join its
// catalogue once that catalogue is there (a catalogue fetched later is joined when it arrives), so adding
// them never makes i18next believe a catalogue it has not fetched is loaded.
const BUNDLES: Record<string, object> = { th, en };

function join(lng: string) {
  const bundle = BUNDLES[lng];
  if (bundle && i18n.hasResourceBundle(lng, 'translation')) i18n.addResourceBundle(lng, 'translation', bundle, true, false);
}

for (const lng of Object.keys(BUNDLES)) join(lng);
i18n.on('loaded', (loaded: Record<string, unknown>) => {
  for (const lng of Object.keys(loaded)) join(lng);
});
