import { Fragment } from 'react';
import type { TextPart } from '../../api/catalog.js';

/**
 * Text with the words the search matched in <mark>. The parts are rendered as text nodes, never as
 * HTML, so a title can hold any character safely.
 */
export function Highlighted({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence of one string
          <mark key={i} className="search-mark">
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence of one string
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

/** The plain text of highlighted parts (for titles and labels). */
export function plainText(parts: TextPart[]): string {
  return parts.map((p) => p.text).join('');
}
