import i18n from 'i18next';
import en from '../../../../common/i18n/people.en.json' with { type: 'json' };
import th from '../../../../common/i18n/people.th.json' with { type: 'json' };

// The agency, personnel and invitation pages bring their own messages, so the public pages never download
// them. Imported for its effect by each of those pages, before they render. A language's messages join its
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
