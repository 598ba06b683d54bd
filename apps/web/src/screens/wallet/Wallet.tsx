import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, ApiError } from '../../api/http';
import { keys, useApiMutation, useHoldings } from '../../api/queries';
import { money, percent, signColor } from '../../ui/format';
import { FormError, QueryView } from '../../ui/states';

const TICKER = /^[A-Z0-9.\-^]{1,15}$/;
const QUANTITY = /^\d{1,12}(\.\d{1,8})?$/;

export default function Wallet() {
  const holdings = useHoldings();
  const add = useApiMutation((body: { ticker: string; quantity: string; averageCost?: string; allowUnknown: boolean }) => api('POST', '/portfolio/holdings', { body }), [keys.holdings]);
  const remove = useApiMutation((id: string) => api('DELETE', `/portfolio/holdings/${id}`), [keys.holdings]);
  const update = useApiMutation((input: { id: string; quantity: string }) => api('PATCH', `/portfolio/holdings/${input.id}`, { body: { quantity: input.quantity } }), [keys.holdings]);
  const [editing, setEditing] = useState<{ id: string; quantity: string } | null>(null);
  const form = useForm({
    initialValues: { ticker: '', quantity: '1', averageCost: '' },
    validate: {
      ticker: (value) => (TICKER.test(value.trim().toUpperCase()) ? null : 'a ticker such as AAPL'),
      quantity: (value) => (QUANTITY.test(value.trim()) ? null : 'a positive quantity'),
      averageCost: (value) => (value === '' || /^\d{1,12}(\.\d{1,4})?$/.test(value.trim()) ? null : 'a price such as 150.25'),
    },
  });
  const submit = form.onSubmit((values) =>
    add.mutate(
      { ticker: values.ticker.trim().toUpperCase(), quantity: values.quantity.trim(), ...(values.averageCost ? { averageCost: values.averageCost.trim() } : {}), allowUnknown: true },
      {
        onSuccess: () => form.reset(),
        onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors),
      },
    ),
  );

  return (
    <Stack>
      <Title order={2}>Wallet</Title>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start">
            <TextInput label="Ticker" placeholder="AAPL" {...form.getInputProps('ticker')} />
            <TextInput label="Quantity" inputMode="decimal" {...form.getInputProps('quantity')} />
            <TextInput label="Average cost (optional)" inputMode="decimal" {...form.getInputProps('averageCost')} />
            <Button type="submit" mt={25} loading={add.isPending}>
              Add
            </Button>
          </Group>
          <FormError error={add.error} />
        </form>
      </Card>
      <QueryView query={holdings} isEmpty={(view) => view.items.length === 0} empty="No holdings yet: add a stock by its ticker.">
        {(view) => (
          <Card withBorder>
            <Table.ScrollContainer minWidth={700}>
              <Table data-testid="holdings">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Ticker</Table.Th>
                    <Table.Th ta="right">Quantity</Table.Th>
                    <Table.Th ta="right">Price</Table.Th>
                    <Table.Th ta="right">Value</Table.Th>
                    <Table.Th ta="right">Day change</Table.Th>
                    <Table.Th ta="right">Unrealised P&amp;L</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.items.map((holding) => (
                    <Table.Tr key={holding.id} data-testid={`holding-${holding.ticker}`}>
                      <Table.Td fw={600}>{holding.ticker}</Table.Td>
                      <Table.Td ta="right">
                        {editing?.id === holding.id ? (
                          <form
                            onSubmit={(event) => {
                              event.preventDefault();
                              if (QUANTITY.test(editing.quantity)) update.mutate(editing, { onSuccess: () => setEditing(null) });
                            }}
                          >
                            <TextInput
                              size="xs"
                              aria-label={`Quantity of ${holding.ticker}`}
                              value={editing.quantity}
                              error={QUANTITY.test(editing.quantity) ? null : 'a positive quantity'}
                              onChange={(event) => setEditing({ id: holding.id, quantity: event.currentTarget.value })}
                            />
                          </form>
                        ) : (
                          holding.quantity
                        )}
                      </Table.Td>
                      <Table.Td ta="right" data-testid="price">
                        {money(holding.price, holding.currency ?? undefined)}
                        {holding.priceSource === 'history' && holding.closeDate && (
                          <Badge ml={6} size="xs" variant="light" color="gray" title="No live quote yet: the last close of the stored price history">
                            close of {holding.closeDate}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{money(holding.marketValue)}</Table.Td>
                      <Table.Td ta="right" c={signColor(holding.dayChange)}>
                        {money(holding.dayChange)} ({percent(holding.dayChangePct, 2)})
                      </Table.Td>
                      <Table.Td ta="right" c={signColor(holding.unrealisedPnl)}>
                        {money(holding.unrealisedPnl)}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <ActionIcon variant="subtle" aria-label={`Edit ${holding.ticker}`} onClick={() => setEditing({ id: holding.id, quantity: holding.quantity })}>
                            ✎
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${holding.ticker}`} onClick={() => remove.mutate(holding.id)}>
                            ✕
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group mt="sm">
              {view.totals.map((total) => (
                <Text key={total.currency} size="sm">
                  Total {total.currency}: <b>{money(total.marketValue)}</b>, day <Text span c={signColor(total.dayChange)}>{money(total.dayChange)}</Text>, P&amp;L{' '}
                  <Text span c={signColor(total.unrealisedPnl)}>
                    {money(total.unrealisedPnl)}
                  </Text>
                </Text>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              Prices update live as quotes arrive; until a ticker's first quote, it is valued at the last close of its price history.
            </Text>
          </Card>
        )}
      </QueryView>
    </Stack>
  );
}
