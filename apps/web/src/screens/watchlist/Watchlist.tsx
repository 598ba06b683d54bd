import { ActionIcon, Badge, Button, Card, Group, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, ApiError } from '../../api/http';
import { keys, useAlerts, useApiMutation, useWatchlist } from '../../api/queries';
import { money } from '../../ui/format';
import { DataTable } from '../../ui/DataTable';
import { FormError, QueryView } from '../../ui/states';

export default function Watchlist() {
  const watchlist = useWatchlist();
  const alerts = useAlerts();
  const add = useApiMutation((body: { ticker: string; targetPrice: string; direction: string; note?: string }) => api('POST', '/watchlist', { body }), [keys.watchlist]);
  const arm = useApiMutation((input: { id: string; armed: boolean }) => api('PATCH', `/watchlist/${input.id}`, { body: { armed: input.armed } }), [keys.watchlist]);
  const remove = useApiMutation((id: string) => api('DELETE', `/watchlist/${id}`), [keys.watchlist]);
  const form = useForm({
    initialValues: { ticker: '', targetPrice: '', direction: 'above', note: '' },
    validate: {
      ticker: (value) => (/^[A-Z0-9.\-^]{1,15}$/.test(value.trim().toUpperCase()) ? null : 'a ticker such as AAPL'),
      targetPrice: (value) => (/^\d{1,12}(\.\d{1,4})?$/.test(value.trim()) && Number(value) > 0 ? null : 'a positive price such as 200.50'),
      note: (value) => (value.length > 500 ? 'at most 500 characters' : null),
    },
  });
  const submit = form.onSubmit((values) =>
    add.mutate(
      { ticker: values.ticker.trim().toUpperCase(), targetPrice: values.targetPrice.trim(), direction: values.direction, ...(values.note ? { note: values.note } : {}) },
      { onSuccess: () => form.reset(), onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors) },
    ),
  );

  return (
    <Stack>
      <Title order={2}>Watchlist</Title>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <TextInput label="Ticker" placeholder="AAPL" {...form.getInputProps('ticker')} />
            <TextInput label="Target price" inputMode="decimal" {...form.getInputProps('targetPrice')} />
            <div>
              <Text size="sm" fw={500} id="direction-label">
                Alert when the price goes
              </Text>
              <SegmentedControl aria-labelledby="direction-label" data={[{ value: 'above', label: 'Above' }, { value: 'below', label: 'Below' }]} {...form.getInputProps('direction')} />
            </div>
            <TextInput label="Note" {...form.getInputProps('note')} />
            <Button type="submit" loading={add.isPending}>
              Watch
            </Button>
          </Group>
          <FormError error={add.error} />
        </form>
      </Card>
      <QueryView query={watchlist} isEmpty={(list) => list.length === 0} empty="Nothing watched yet.">
        {(list) => (
          <DataTable
            testId="watchlist"
            label="Watched targets"
            rows={list}
            rowKey={(watch) => watch.id}
            columns={[
              { header: 'Ticker', cell: (watch) => watch.ticker, cellProps: () => ({ fw: 600 }) },
              { header: 'Target', cell: (watch) => `${watch.direction} ${money(watch.targetPrice)}` },
              {
                header: 'Armed',
                cell: (watch) => (
                  <Switch aria-label={`Armed: ${watch.ticker} ${watch.direction} ${watch.targetPrice}`} checked={watch.armed} onChange={(event) => arm.mutate({ id: watch.id, armed: event.currentTarget.checked })} />
                ),
              },
              { header: 'Last triggered', cell: (watch) => (watch.lastTriggeredAt ? new Date(watch.lastTriggeredAt).toLocaleString() : '—') },
              {
                header: 'Actions',
                cell: (watch) => (
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${watch.ticker} ${watch.targetPrice}`} onClick={() => remove.mutate(watch.id)}>
                    ✕
                  </ActionIcon>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <Title order={3} size="h4">
        Alert history
      </Title>
      <QueryView query={alerts} isEmpty={(list) => list.length === 0} empty="No alerts yet.">
        {(list) => (
          <DataTable
            label="Alert history"
            rows={list}
            rowKey={(alert) => alert.id}
            columns={[
              { header: 'When', cell: (alert) => new Date(alert.triggeredAt).toLocaleString() },
              { header: 'Ticker', cell: (alert) => alert.ticker },
              { header: 'Price', cell: (alert) => money(alert.price) },
              {
                header: 'Target',
                cell: (alert) => (
                  <Badge variant="light">
                    {alert.direction} {alert.targetPrice}
                  </Badge>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </Stack>
  );
}
