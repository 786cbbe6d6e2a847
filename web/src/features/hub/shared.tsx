import { Anchor, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ActivityTopic } from '../../../../common/contracts/volunteers.js';
import { type Block, type Inline, parseMarkdown } from '../../../../common/markdown.js';

// The contract's topic list, repeated so public pages do not load Zod; the type keeps them equal.
export const ARTICLE_TOPICS = [
  'ecommerce',
  'eagriculture',
  'mooc',
  'coding',
  'digital_literacy',
  'egovernment',
  'scam_awareness',
  'other',
] as const satisfies readonly ActivityTopic[];
type Missing = Exclude<ActivityTopic, (typeof ARTICLE_TOPICS)[number]>;
export const TOPICS_ARE_COMPLETE: [Missing] extends [never] ? true : never = true;
export const ARTICLE_KINDS = ['article', 'news'] as const;

function inline(nodes: Inline[], key = ''): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}${i}`;
    if (n.type === 'text') return n.text;
    if (n.type === 'strong') return <strong key={k}>{inline(n.children, `${k}.`)}</strong>;
    if (n.type === 'em') return <em key={k}>{inline(n.children, `${k}.`)}</em>;
    return n.href.startsWith('/') ? (
      <Anchor key={k} component={Link} to={n.href} underline="always">
        {inline(n.children, `${k}.`)}
      </Anchor>
    ) : (
      <Anchor key={k} href={n.href} target="_blank" rel="noopener noreferrer" underline="always">
        {inline(n.children, `${k}.`)}
      </Anchor>
    );
  });
}

function block(b: Block, i: number): ReactNode {
  if (b.type === 'heading') {
    return (
      <Title key={i} order={b.level} size={b.level === 2 ? 'h3' : 'h4'} mt="sm">
        {inline(b.children)}
      </Title>
    );
  }
  if (b.type === 'list') {
    return (
      <List key={i} type={b.ordered ? 'ordered' : 'unordered'} spacing={4}>
        {b.items.map((item, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are a fixed sequence of one body
          <List.Item key={j}>{inline(item)}</List.Item>
        ))}
      </List>
    );
  }
  return (
    <Text key={i} style={{ overflowWrap: 'anywhere' }}>
      {inline(b.children)}
    </Text>
  );
}

/** An article body (the hub's Markdown subset) as elements: no HTML from the text is ever interpreted. */
export function ArticleBody({ source, lang }: { source: string; lang: 'th' | 'en' }) {
  return (
    <div className="article-body" lang={lang} style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem' }}>
      {parseMarkdown(source).map(block)}
    </div>
  );
}
