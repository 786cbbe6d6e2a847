import i18n from 'i18next';
import en from '../../../../common/i18n/development.en.json' with { type: 'json' };
import th from '../../../../common/i18n/development.th.json' with { type: 'json' };

// The skill-profile, development-plan, learning-record and certificate pages bring their own messages, so
// other pages never download them. Imported for its effect by each of those pages, before they render; a
// catalogue fetched later (English) is joined when it arrives.
const BUNDLES: Record<string, object> = { th, en };

function join(lng: string) {
  const bundle = BUNDLES[lng];
  if (bundle && i18n.hasResourceBundle(lng, 'translation')) i18n.addResourceBundle(lng, 'translation', bundle, true, false);
}

for (const lng of Object.keys(BUNDLES)) join(lng);
i18n.on('loaded', (loaded: Record<string, unknown>) => {
  for (const lng of Object.keys(loaded)) join(lng);
});
