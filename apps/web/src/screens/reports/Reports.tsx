import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/http';
import { useCashflow, useSummary } from '../../api/queries';
import { cashflowBars } from '../../ui/chart-data';
import { money, monthStart, signColor, today } from '../../ui/format';
import { QueryView } from '../../ui/states';

export default function Reports() {
  const [from, setFrom] = useState(monthStart(-11));
  const [to, setTo] = useState(today());
  const [groupBy, setGroupBy] = useState<'month' | 'category' | 'merchant'>('month');
  const [interval, setInterval] = useState<'day' | 'week' | 'month'>('month');
  const summary = useSummary({ from, to, groupBy });
  const cashflow = useCashflow({ from, to, interval });

  const download = async () => {
    const csv = await api<string>('GET', '/reports/summary.csv', { query: { from, to, groupBy }, text: true });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `finstack-summary-${groupBy}-${from}-${to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <Group align="flex-end">
        <TextInput label="From" type="date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
        <div>
          <Text size="sm" fw={500} id="group-label">
            Summary by
          </Text>
          <SegmentedControl aria-labelledby="group-label" value={groupBy} onChange={(value) => setGroupBy(value as typeof groupBy)} data={['month', 'category', 'merchant']} />
        </div>
        <Button variant="light" onClick={() => void download()}>
          Download CSV
        </Button>
      </Group>
      <Card withBorder>
        <QueryView query={summary} isEmpty={(view) => view.rows.length === 0} empty="Nothing in this period.">
          {(view) => (
            <>
              <BarChart
                h={260}
                data={view.rows.map((row) => ({ label: row.label, Spent: Number(row.spent), Received: Number(row.received) }))}
                dataKey="label"
                series={[
                  { name: 'Spent', color: 'red.6' },
                  { name: 'Received', color: 'teal.6' },
                ]}
                withLegend
              />
              <Table mt="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{groupBy}</Table.Th>
                    <Table.Th ta="right">Spent</Table.Th>
                    <Table.Th ta="right">Received</Table.Th>
                    <Table.Th ta="right">Net</Table.Th>
                    <Table.Th ta="right">Count</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.rows.map((row) => (
                    <Table.Tr key={row.key}>
                      <Table.Td>{row.label}</Table.Td>
                      <Table.Td ta="right">{money(row.spent)}</Table.Td>
                      <Table.Td ta="right">{money(row.received)}</Table.Td>
                      <Table.Td ta="right" c={signColor(row.net)}>
                        {money(row.net)}
                      </Table.Td>
                      <Table.Td ta="right">{row.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </QueryView>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            Cash flow
          </Title>
          <SegmentedControl aria-label="Cash flow interval" value={interval} onChange={(value) => setInterval(value as typeof interval)} data={['day', 'week', 'month']} />
        </Group>
        <QueryView query={cashflow} isEmpty={(view) => view.points.length === 0} empty="Nothing in this period.">
          {(view) => (
            <BarChart
              h={260}
              data={cashflowBars(view.points, interval)}
              dataKey="period"
              series={[
                { name: 'Spent', color: 'red.6' },
                { name: 'Received', color: 'teal.6' },
              ]}
              withLegend
            />
          )}
        </QueryView>
      </Card>
    </Stack>
  );
}
