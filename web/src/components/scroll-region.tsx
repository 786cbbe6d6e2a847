import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on phones. The region is focusable and labelled so keyboard users can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="scroll-region" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
