/**
 * Links as grouping compares them: the same post shared with different tracking parameters, from the
 * mobile site or through a platform's own short address is one link. Resolved from the address alone —
 * no request ever leaves the server (a shortener that hides its target, like bit.ly, stays as it is).
 */

/** Parameters that say who shared or clicked, not what is shown. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'igshid',
  'igsh',
  'mibextid',
  'si',
  'feature',
  'ref',
  'ref_src',
  'ref_url',
  's',
  't',
  'is_from_webapp',
  'sender_device',
  'share_id',
  'share_app_id',
  'openExternalBrowser',
  '__cft__',
  '__tn__',
  'rdid',
  'sfnsn',
  'wtsid',
]);

/** Hosts that are one site under several names, mapped to one. */
const HOST_ALIASES: Record<string, string> = {
  'm.facebook.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'mbasic.facebook.com': 'facebook.com',
  'fb.com': 'facebook.com',
  'm.youtube.com': 'youtube.com',
  'music.youtube.com': 'youtube.com',
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'mobile.x.com': 'x.com',
  'm.tiktok.com': 'tiktok.com',
  'm.pantip.com': 'pantip.com',
};

/** Short addresses whose target is in the address itself. */
function resolveShortener(host: string, path: string, params: URLSearchParams): { host: string; path: string } | null {
  const parts = path.split('/').filter(Boolean);
  if (host === 'youtu.be' && parts[0]) return { host: 'youtube.com', path: `/watch?v=${parts[0]}` };
  if (host === 'youtube.com') {
    if ((parts[0] === 'shorts' || parts[0] === 'live' || parts[0] === 'embed') && parts[1]) {
      return { host, path: `/watch?v=${parts[1]}` };
    }
    if (parts[0] === 'watch' && params.get('v')) return { host, path: `/watch?v=${params.get('v')}` };
  }
  if (host === 'x.com' && parts[1] === 'status' && parts[2]) return { host, path: `/i/status/${parts[2]}` };
  if (host === 'facebook.com' && parts[0] === 'story.php' && params.get('story_fbid') && params.get('id')) {
    return { host, path: `/${params.get('id')}/posts/${params.get('story_fbid')}` };
  }
  return null;
}

/**
 * The key two links share when they show the same thing: scheme and `www.` dropped, host lower-cased and
 * de-aliased, tracking parameters (`utm_*`, `fbclid` …) and the fragment removed, the other parameters
 * sorted, no trailing slash. A link to a site's front page says nothing about a claim: null.
 */
export function linkKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  host = HOST_ALIASES[host] ?? host;
  const params = new URLSearchParams();
  const kept = [...url.searchParams.entries()]
    .filter(([k]) => !k.toLowerCase().startsWith('utm_') && !TRACKING_PARAMS.has(k))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  for (const [k, v] of kept) params.append(k, v);
  const path = url.pathname.replace(/\/+$/, '');
  const resolved = resolveShortener(host, path, params);
  if (resolved) return `${resolved.host}${resolved.path}`;
  if (!path && kept.length === 0) return null;
  const query = params.toString();
  return `${host}${path}${query ? `?${query}` : ''}`;
}
