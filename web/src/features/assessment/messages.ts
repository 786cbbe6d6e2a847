import i18n from 'i18next';
import en from '../../../../common/i18n/assessment.en.json' with { type: 'json' };
import th from '../../../../common/i18n/assessment.th.json' with { type: 'json' };

// The assessment pages bring their own messages (imported for its effect by each page before it renders);
// a language's messages join its catalogue once that catalogue is there.
const BUNDLES: Record<string, object> = { th, en };

function join(lng: string) {
  const bundle = BUNDLES[lng];
  if (bundle && i18n.hasResourceBundle(lng, 'translation')) i18n.addResourceBundle(lng, 'translation', bundle, true, false);
}

for (const lng of Object.keys(BUNDLES)) join(lng);
i18n.on('loaded', (loaded: Record<string, unknown>) => {
  for (const lng of Object.keys(loaded)) join(lng);
});
