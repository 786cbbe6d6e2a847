import { ActionIcon, Anchor, Badge, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listNotifications, markNotificationRead } from '../api/accreditation.js';
import { formatDate } from '../lib/format.js';
import { currentLanguage } from '../lib/i18n.js';

/** The signed-in user's notifications: unread count on the bell, the latest in a popover. */
export default function NotificationBell() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['notifications'], queryFn: listNotifications, refetchInterval: 60_000 });
  const read = useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = query.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');
  return (
    <Popover width={340} position="bottom-end" shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={label} color="dark" pos="relative">
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {unread > 0 ? (
            <Badge size="xs" color="red" variant="filled" circle pos="absolute" top={-4} right={-4} aria-hidden="true" style={{ pointerEvents: 'none' }}>
              {unread > 99 ? '99+' : unread}
            </Badge>
          ) : null}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" mah={420} style={{ overflowY: 'auto' }}>
          <Text fw={700}>{t('notifications.title')}</Text>
          {query.data?.items.length === 0 ? <Text size="sm">{t('notifications.empty')}</Text> : null}
          {query.data?.items.map((n) => {
            const title = lang === 'th' ? n.titleTh : n.titleEn;
            const body = (
              <>
                <Text size="sm" fw={n.readAt ? 400 : 700}>
                  {title}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(n.createdAt, lang, 'dateTime')}
                  {n.readAt ? '' : ` · ${t('notifications.unread')}`}
                </Text>
              </>
            );
            const markRead = () => {
              if (!n.readAt) read.mutate(n.id);
            };
            return n.link ? (
              <Anchor key={n.id} component={Link} to={n.link} onClick={markRead} c="dark" underline="never">
                {body}
              </Anchor>
            ) : (
              <UnstyledButton key={n.id} onClick={markRead}>
                {body}
              </UnstyledButton>
            );
          })}
          <Anchor component={Link} to="/outbox" size="sm">
            {t('notifications.outbox')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
