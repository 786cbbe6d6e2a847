import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Client-side navigation does not jump to `#section` the way a page load does. Once the page has drawn
 * (`isReady`), scroll the target into view and put focus on its first field or button.
 */
export function useScrollToHash(isReady = true) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash || !isReady) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    const section = target.closest('section') ?? target;
    section.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
  }, [hash, isReady]);
}
