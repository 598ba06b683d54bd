import { Badge, Button, Card, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/http';
import { keys, useApiMutation } from '../../api/queries';
import type { Schemas } from '../../api/types';
import { FormError, QueryView } from '../../ui/states';

type Connection = Schemas['ConnectionView'];

const connectionsKey = ['connections'] as const;
/** The one provider the API offers (MarketDataProvider). */
const PROVIDER = { id: 'finnhub', name: 'Finnhub' } as const;
/** The API's bound on a key's length (PutConnectionBody). */
const KEY_MAX = 256;

/** Working once polling used it after its last refusal; refused while its last error is the newest news; otherwise not used yet. */
export function connectionStatus(connection: Connection): { label: string; color: string } {
  const usedAt = connection.lastUsedAt ? Date.parse(connection.lastUsedAt) : null;
  const failedAt = connection.lastErrorAt ? Date.parse(connection.lastErrorAt) : null;
  if (connection.lastError && failedAt !== null && (usedAt === null || failedAt >= usedAt)) return { label: 'Failing', color: 'red' };
  if (usedAt !== null) return { label: 'Working', color: 'teal' };
  return { label: 'Waiting for the first poll', color: 'gray' };
}

const when = (timestamp: string | null) => (timestamp ? new Date(timestamp).toLocaleString() : '—');

/**
 * Settings › Market-data connections: paste a provider key once (the API checks
 * it with the provider, then keeps it encrypted and shows only its last 4
 * characters); see whether polling uses it; remove it.
 */
export default function ConnectionsPanel() {
  const connections = useQuery({
    queryKey: connectionsKey,
    queryFn: async () => (await api<Schemas['ConnectionList']>('GET', '/connections')).items,
  });
  // A new key reprices what the user holds and watches at the next poll.
  const connect = useApiMutation(
    (apiKey: string) => api<Connection>('PUT', `/connections/${PROVIDER.id}`, { body: { apiKey } }),
    [connectionsKey, keys.holdings, keys.watchlist],
  );
  const remove = useApiMutation((provider: string) => api('DELETE', `/connections/${provider}`), [connectionsKey]);
  const [apiKey, setApiKey] = useState('');
  const problem = apiKey.trim().length > KEY_MAX ? `a key has at most ${KEY_MAX} characters` : null;
  const connected = connections.data?.some((connection) => connection.provider === PROVIDER.id) ?? false;

  return (
    <Card withBorder data-testid="connections">
      <Title order={3} size="h4" mb="xs">
        Market-data connections
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Your own {PROVIDER.name} API key keeps the prices of what you hold and watch up to date. It is checked once with {PROVIDER.name}, stored
        encrypted, and never shown again: only its last 4 characters.
      </Text>
      <Stack gap="sm">
        <QueryView
          query={connections}
          isEmpty={(items) => items.length === 0}
          empty="No key connected: prices come from the operator's key, if there is one, or from the last stored close."
        >
          {(items) => (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Connected</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((connection) => {
                  const status = connectionStatus(connection);
                  return (
                    <Table.Tr key={connection.provider} data-testid={`connection-${connection.provider}`}>
                      <Table.Td>{connection.provider === PROVIDER.id ? PROVIDER.name : connection.provider}</Table.Td>
                      <Table.Td ff="monospace">…{connection.keyLast4}</Table.Td>
                      <Table.Td>
                        <Badge color={status.color} variant="light">
                          {status.label}
                        </Badge>
                        {connection.lastError && (
                          <Text size="xs" c="red.9" mt={4}>
                            {connection.lastError} ({when(connection.lastErrorAt)})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{when(connection.createdAt)}</Table.Td>
                      <Table.Td>{when(connection.lastUsedAt)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === connection.provider}
                          onClick={() => remove.mutate(connection.provider)}
                        >
                          Remove
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </QueryView>
        <FormError error={remove.error} />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const key = apiKey.trim();
            if (key && !problem) connect.mutate(key, { onSuccess: () => setApiKey('') });
          }}
        >
          <Group align="flex-start">
            <PasswordInput
              label={`${PROVIDER.name} API key`}
              autoComplete="off"
              w={320}
              value={apiKey}
              error={problem}
              onChange={(event) => setApiKey(event.currentTarget.value)}
            />
            <Button type="submit" mt={25} loading={connect.isPending} disabled={apiKey.trim() === ''}>
              {connected ? 'Replace key' : 'Connect'}
            </Button>
          </Group>
          <FormError error={connect.error} />
        </form>
      </Stack>
    </Card>
  );
}
