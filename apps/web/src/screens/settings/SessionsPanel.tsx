import { Badge, Button, Card, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/http';
import { keys, useApiMutation, useSessions } from '../../api/queries';
import type { SessionItem } from '../../api/types';
import { QueryView } from '../../ui/states';

/** A user agent as a person reads it: the browser and the system, not the whole string. */
export function deviceOf(userAgent: string): string {
  if (!userAgent || userAgent === 'unknown') return 'Unknown device';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  return browser && system ? `${browser} on ${system}` : browser ?? system ?? userAgent.slice(0, 60);
}

const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');

/** The signed-in sessions (refresh-token families): where and when, and a way to end any but this one. */
export default function SessionsPanel() {
  const sessions = useSessions();
  const end = useApiMutation((session: SessionItem) => api('DELETE', `/auth/sessions/${session.id}`), [keys.sessions]);
  const endOthers = useApiMutation(() => api('DELETE', '/auth/sessions'), [keys.sessions]);
  const failed = (error: Error) => notifications.show({ title: 'Not done', message: error.message, color: 'red' });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          Sessions
        </Title>
        <Button
          size="xs"
          variant="light"
          color="red"
          loading={endOthers.isPending}
          disabled={(sessions.data ?? []).filter((session) => !session.current).length === 0}
          onClick={() => endOthers.mutate(undefined, { onSuccess: () => notifications.show({ message: 'Every other session is signed out', color: 'teal' }), onError: failed })}
        >
          Sign out everywhere else
        </Button>
      </Group>
      <QueryView query={sessions} isEmpty={(list) => list.length === 0} empty="No sessions.">
        {(list) => (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="sessions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Device</Table.Th>
                  <Table.Th>IP address</Table.Th>
                  <Table.Th>Signed in</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Action</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td title={session.userAgent ?? undefined}>
                      {deviceOf(session.userAgent)}{' '}
                      {session.current && (
                        <Badge size="sm" variant="light" color="indigo">
                          This browser
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{session.ip ?? '—'}</Table.Td>
                    <Table.Td>{when(session.createdAt)}</Table.Td>
                    <Table.Td>{when(session.lastUsedAt)}</Table.Td>
                    <Table.Td ta="right">
                      {session.current ? (
                        <Text size="xs" c="dimmed">
                          Sign out to end it
                        </Text>
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={end.isPending && end.variables?.id === session.id}
                          aria-label={`Sign out ${deviceOf(session.userAgent)} from ${session.ip ?? 'an unknown address'}, signed in ${when(session.createdAt)}`}
                          onClick={() => end.mutate(session, { onError: failed })}
                        >
                          Sign out
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Card>
  );
}
