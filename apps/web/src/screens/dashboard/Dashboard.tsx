import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import { useCashflow, useSummary } from '../../api/queries';
import { useLive } from '../../api/socket';
import type { Page, Transaction } from '../../api/types';
import { cashflowBars, spendingSlices } from '../../ui/chart-data';
import { money, monthStart, percent, signColor, today } from '../../ui/format';
import { QueryView } from '../../ui/states';

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

export default function Dashboard() {
  const month = useSummary({ from: monthStart(0), to: today(), groupBy: 'category' });
  const cashflow = useCashflow({ from: monthStart(-11), to: today(), interval: 'month' });
  const latest = useQuery({ queryKey: ['transactions', 'latest'], queryFn: () => api<Page<Transaction>>('GET', '/transactions', { query: { limit: 8 } }) });
  const live = useLive();

  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <QueryView query={month}>
        {(summary) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Stat label="Spent this month" value={money(summary.totals.spent, summary.currency ?? undefined)} />
            <Stat label="Received this month" value={money(summary.totals.received, summary.currency ?? undefined)} />
            <Stat label="Savings rate" value={percent(summary.savingsRate)} color={signColor(summary.savingsRate)} />
          </SimpleGrid>
        )}
      </QueryView>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Cash flow, last 12 months
          </Title>
          <QueryView query={cashflow} isEmpty={(view) => view.points.every((point) => point.count === 0)} empty="No transactions in the last 12 months.">
            {(view) => (
              <div data-testid="cashflow-chart">
                <BarChart
                  h={260}
                  data={cashflowBars(view.points, 'month')}
                  dataKey="period"
                  series={[
                    { name: 'Spent', color: 'red.6' },
                    { name: 'Received', color: 'teal.6' },
                  ]}
                  withLegend
                />
              </div>
            )}
          </QueryView>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Spending by category, this month
          </Title>
          <QueryView query={month} isEmpty={(view) => spendingSlices(view.rows).length === 0} empty="No spending this month yet.">
            {(view) => (
              <Group data-testid="category-chart" align="center" wrap="nowrap">
                <DonutChart data={spendingSlices(view.rows)} size={200} thickness={28} withTooltip chartLabel={money(view.totals.spent)} />
                <Stack gap={4}>
                  {spendingSlices(view.rows).map((slice) => (
                    <Group key={slice.name} gap="xs">
                      <Badge color={slice.color.split('.')[0]} variant="filled" size="xs" circle aria-hidden>
                        {' '}
                      </Badge>
                      <Text size="sm">
                        {slice.name}: {slice.value.toFixed(2)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Group>
            )}
          </QueryView>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Latest transactions
          </Title>
          <QueryView query={latest} isEmpty={(page) => page.items.length === 0} empty="No transactions yet: add one in the ledger or import a CSV.">
            {(page) => (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Description</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{row.occurredOn}</Table.Td>
                      <Table.Td>{row.description}</Table.Td>
                      <Table.Td ta="right" c={signColor(row.amount)}>
                        {money(row.amount, row.currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryView>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Live
          </Title>
          {live.feed.length === 0 ? (
            <Text c="dimmed" size="sm">
              Pushes (new transactions, prices, alerts, analyses) appear here as they happen.
            </Text>
          ) : (
            <Stack gap={4} aria-live="polite" data-testid="live-feed">
              {live.feed.slice(0, 12).map((event) => (
                <Text size="sm" key={event.id}>
                  <Badge size="xs" variant="light" mr="xs">
                    {event.type}
                  </Badge>
                  {describe(event.payload)}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function describe(payload: Record<string, unknown>): string {
  if (typeof payload.message === 'string') return payload.message;
  if (typeof payload.ticker === 'string' && typeof payload.price === 'string') return `${payload.ticker} ${payload.price}`;
  if (typeof payload.description === 'string') return `${payload.description} ${String(payload.amount ?? '')}`;
  if (typeof payload.progress === 'number') return `analysis ${Math.round(payload.progress * 100)} %`;
  return '';
}
