import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list that says what the reader can do next, not just that nothing is there. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{title}</Text>
        {children ? <Text c="dimmed">{children}</Text> : null}
        {action}
      </Stack>
    </Paper>
  );
}
