import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Card, NumberInput, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/http';
import { keys, useRun } from '../../api/queries';
import { useLive } from '../../api/socket';
import type { PortfolioResult, Run } from '../../api/types';
import { FormError } from '../../ui/states';
import { PnlHistogramChart } from './PnlHistogramChart';

export default function PortfolioVar() {
  const live = useLive();
  const queries = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useRun(runId, runId !== null && !live.completed[runId ?? '']);
  const form = useForm({
    initialValues: { method: 'historical', horizonDays: 1, confidence: '0.95, 0.99', lookbackDays: 250 },
    validate: {
      horizonDays: (value) => (Number.isInteger(value) && value >= 1 && value <= 250 ? null : '1 to 250 days'),
      lookbackDays: (value) => (Number.isInteger(value) && value >= 20 && value <= 5000 ? null : '20 to 5000 days'),
      confidence: (value) => (value.split(',').every((part) => Number(part) > 0 && Number(part) < 1) ? null : 'levels between 0 and 1'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await api<Run>('POST', '/var/portfolio', {
        body: { method: values.method, horizonDays: values.horizonDays, lookbackDays: values.lookbackDays, confidence: values.confidence.split(',').map(Number) },
      });
      queries.setQueryData(keys.run(created.id), created);
      setRunId(created.id);
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    }
  });
  const current = run.data;
  const result = current?.status === 'succeeded' && current.result && 'levels' in current.result ? (current.result as PortfolioResult) : null;
  return (
    <Stack>
      <Title order={2}>Portfolio VaR</Title>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <FormError error={error} />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Select label="Method" data={['historical', 'parametric', 'monte-carlo']} allowDeselect={false} {...form.getInputProps('method')} />
            <NumberInput label="Horizon (days)" min={1} max={250} {...form.getInputProps('horizonDays')} />
            <TextInput label="Confidence levels" {...form.getInputProps('confidence')} />
            <NumberInput label="Lookback (days)" min={20} max={5000} {...form.getInputProps('lookbackDays')} />
          </SimpleGrid>
          <Button type="submit" mt="md">
            Compute
          </Button>
        </form>
      </Card>
      {current && current.status !== 'succeeded' && current.status !== 'failed' && (
        <Progress value={Math.max(current.progress, live.progress[current.id] ?? 0) * 100} aria-label="Analysis progress" animated />
      )}
      {current?.status === 'failed' && <Text c="red">{current.error?.message}</Text>}
      {result && (
        <>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              Value {result.value.toFixed(2)}, {result.horizonDays}-day horizon
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Confidence</Table.Th>
                  <Table.Th ta="right">VaR</Table.Th>
                  <Table.Th ta="right">ES</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.levels.map((level) => (
                  <Table.Tr key={level.confidence}>
                    <Table.Td>{level.confidence * 100} %</Table.Td>
                    <Table.Td ta="right">
                      {level.var.toFixed(2)} ({(level.varPct * 100).toFixed(2)} %)
                    </Table.Td>
                    <Table.Td ta="right">
                      {level.es.toFixed(2)} ({(level.esPct * 100).toFixed(2)} %)
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              Contribution of each holding (VaR at {result.levels[0]?.confidence})
            </Title>
            <BarChart h={240} data={result.contributions.map((c) => ({ ticker: c.ticker, VaR: c.levels[0]?.var ?? 0 }))} dataKey="ticker" series={[{ name: 'VaR', color: 'orange.6' }]} />
          </Card>
          {result.histogram && (
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                P&amp;L of the {result.histogram.scenarios.toLocaleString()} {result.method === 'historical' ? 'historical windows' : 'simulated scenarios'}
              </Title>
              <PnlHistogramChart result={result} />
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
