import { Alert, Button, Card, NumberInput, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/http';
import { keys, useRun, useRuns, useTickers } from '../../api/queries';
import { useLive } from '../../api/socket';
import type { Run, StrategyResult } from '../../api/types';
import { PriceChart } from '../../ui/PriceChart';
import { BacktestChart } from './BacktestChart';
import { DataTable } from '../../ui/DataTable';
import { FormError, QueryView } from '../../ui/states';

// The API's bounds (VAR_LIMITS), checked before submit.
const SAMPLES = { min: 100, max: 10_000_000 };
const SHARDS = { min: 1, max: 16 };

interface Values {
  ticker: string | null;
  type: 'sma-crossover' | 'three-soldiers-crows';
  A: number;
  V: number;
  H: number;
  body: number;
  P: number;
  samples: number;
  shards: number;
  confidence: string;
  seed: number | '';
  from: string;
  to: string;
}

function parseLevels(text: string): number[] | null {
  const levels = text.split(',').map((part) => Number(part.trim()));
  return levels.length >= 1 && levels.length <= 5 && levels.every((level) => level > 0 && level < 1) ? levels : null;
}

export default function StrategyVar() {
  const tickers = useTickers();
  const runs = useRuns();
  const live = useLive();
  const queries = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const completed = runId ? live.completed[runId] : undefined;
  const run = useRun(runId, runId !== null && !completed);
  const form = useForm<Values>({
    initialValues: { ticker: null, type: 'sma-crossover', A: 20, V: 20, H: 3, body: 0.01, P: 5, samples: 10_000, shards: 2, confidence: '0.95, 0.99', seed: 42, from: '', to: '' },
    validate: {
      ticker: (value) => (value ? null : 'choose a ticker'),
      A: (value, values) => (values.type === 'sma-crossover' && !(Number.isInteger(value) && value >= 3) ? 'an integer of at least 3' : null),
      V: (value, values) => (values.type === 'sma-crossover' && !(Number.isInteger(value) && value >= 3) ? 'an integer of at least 3' : null),
      H: (value, values) => (values.type === 'three-soldiers-crows' && !(Number.isInteger(value) && value >= 3) ? 'an integer of at least 3' : null),
      P: (value, values) => (values.type === 'three-soldiers-crows' && !(Number.isInteger(value) && value >= 1) ? 'an integer of at least 1' : null),
      samples: (value) => (Number.isInteger(value) && value >= SAMPLES.min && value <= SAMPLES.max ? null : `${SAMPLES.min} to ${SAMPLES.max.toLocaleString()}`),
      shards: (value) => (Number.isInteger(value) && value >= SHARDS.min && value <= SHARDS.max ? null : `${SHARDS.min} to ${SHARDS.max}`),
      confidence: (value) => (parseLevels(value) ? null : 'one to five levels between 0 and 1, such as 0.95, 0.99'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    const strategy = values.type === 'sma-crossover' ? { type: values.type, A: values.A, V: values.V } : { type: values.type, H: values.H, body: values.body, P: values.P };
    try {
      const created = await api<Run>('POST', '/var/analyses', {
        body: {
          ticker: values.ticker,
          strategy,
          samples: values.samples,
          shards: values.shards,
          confidence: parseLevels(values.confidence),
          ...(values.seed !== '' ? { seed: values.seed } : {}),
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
        },
      });
      queries.setQueryData(keys.run(created.id), created);
      setRunId(created.id);
      void queries.invalidateQueries({ queryKey: keys.runs, exact: true });
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, message]) => [field.replace(/^strategy\./, ''), message])));
      setError(failure);
    } finally {
      setBusy(false);
    }
  });

  const current = run.data;
  const progress = current ? Math.max(current.progress, live.progress[current.id] ?? 0) : 0;
  const result = current?.status === 'succeeded' && current.result && 'trades' in current.result ? (current.result as StrategyResult) : null;

  return (
    <Stack>
      <Title order={2}>Strategy VaR</Title>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <FormError error={error} />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Select label="Ticker" placeholder={tickers.isPending ? 'Loading…' : 'Choose'} data={tickers.data ?? []} searchable nothingFoundMessage="No stored prices for this" {...form.getInputProps('ticker')} />
            <Select
              label="Strategy"
              data={[
                { value: 'sma-crossover', label: 'SMA crossover (A, V)' },
                { value: 'three-soldiers-crows', label: 'Three soldiers / crows (H, body, P)' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            {form.values.type === 'sma-crossover' ? (
              <>
                <NumberInput label="A (moving-average period)" min={3} {...form.getInputProps('A')} />
                <NumberInput label="V (volatility window)" min={3} {...form.getInputProps('V')} />
              </>
            ) : (
              <>
                <NumberInput label="H (history)" min={3} {...form.getInputProps('H')} />
                <NumberInput label="Body (minimum candle body)" min={0} decimalScale={4} {...form.getInputProps('body')} />
                <NumberInput label="P (days held)" min={1} {...form.getInputProps('P')} />
              </>
            )}
            <NumberInput label="Samples S" min={SAMPLES.min} max={SAMPLES.max} thousandSeparator="," {...form.getInputProps('samples')} />
            <NumberInput label="Shards R" min={SHARDS.min} max={SHARDS.max} {...form.getInputProps('shards')} />
            <TextInput label="Confidence levels" {...form.getInputProps('confidence')} />
            <NumberInput label="Seed" {...form.getInputProps('seed')} />
            <TextInput label="From" type="date" {...form.getInputProps('from')} />
            <TextInput label="To" type="date" {...form.getInputProps('to')} />
          </SimpleGrid>
          <Button type="submit" mt="md" loading={busy}>
            Run analysis
          </Button>
        </form>
      </Card>
      {current && current.status !== 'succeeded' && current.status !== 'failed' && (
        <Card withBorder>
          <Text size="sm" mb="xs">
            Analysis {current.status}: {Math.round(progress * 100)} %
          </Text>
          <Progress value={progress * 100} aria-label="Analysis progress" data-testid="var-progress" animated />
        </Card>
      )}
      {current?.status === 'failed' && (
        <Alert color="red" role="alert" title="The analysis failed">
          {current.error?.message}
        </Alert>
      )}
      {result && current && <StrategyResultView run={current} result={result} />}
      <Title order={3} size="h4">
        Past analyses
      </Title>
      <QueryView query={runs} isEmpty={(list) => list.length === 0} empty="No analyses yet.">
        {(list) => (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Ticker</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Open</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((past) => (
                <Table.Tr key={past.id}>
                  <Table.Td>{new Date(past.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>{past.kind}</Table.Td>
                  <Table.Td>{past.ticker ?? '—'}</Table.Td>
                  <Table.Td>{past.status}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" disabled={past.kind !== 'strategy'} onClick={() => setRunId(past.id)} aria-label={`Open the analysis of ${new Date(past.createdAt).toLocaleString()}`}>
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}

function StrategyResultView({ run, result }: { run: Run; result: StrategyResult }) {
  const levels = result.summary.averageVar.map((level) => level.confidence);
  return (
    <Stack data-testid="var-result">
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {run.ticker}: price, SMA and signals
        </Title>
        <PriceChart points={result.series} label={`Price of ${run.ticker} with its moving average and ${result.trades.length} BUY/SELL signals`} />
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Summary
        </Title>
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>Trades</Table.Th>
              <Table.Td>{result.summary.totalTrades}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Average P&amp;L</Table.Th>
              <Table.Td>{result.summary.averagePnl.toFixed(2)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Total P&amp;L</Table.Th>
              <Table.Td>{result.summary.totalPnl.toFixed(2)}</Table.Td>
            </Table.Tr>
            {result.summary.averageVar.map((level) => (
              <Table.Tr key={level.confidence}>
                <Table.Th>Average VaR {level.confidence * 100} %</Table.Th>
                <Table.Td>
                  {level.varMoney.toFixed(2)} ({(level.varReturn * 100).toFixed(2)} %)
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th>Samples, shards, seed, time</Table.Th>
              <Table.Td>
                {result.metadata.samples.toLocaleString()}, {result.metadata.shards}, {result.metadata.seed}, {Math.round(result.metadata.durationMs)} ms
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Backtest: P&amp;L per trade against its VaR
        </Title>
        <BacktestChart result={result} />
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Trades
        </Title>
        <DataTable
          label="Trades with their VaR and ES"
          striped
          minWidth={800}
          maxHeight={400}
          rows={result.trades}
          rowKey={(_, index) => index}
          columns={[
            { header: 'Signal', cell: (trade) => trade.signal, cellProps: (trade) => ({ c: trade.signal === 'BUY' ? 'teal.9' : 'red.9' }) },
            { header: 'Open', cell: (trade) => trade.openDate },
            { header: 'Close', cell: (trade) => trade.closeDate },
            { header: 'P&L', align: 'right', cell: (trade) => trade.pnl.toFixed(2), cellProps: (trade) => ({ c: trade.pnl >= 0 ? 'teal.9' : 'red.9' }) },
            ...levels.map((level, l) => ({
              header: `VaR / ES ${level * 100} %`,
              align: 'right' as const,
              cell: (trade: StrategyResult['trades'][number]) => `${trade.risk[l]?.varMoney.toFixed(2)} / ${trade.risk[l]?.esMoney.toFixed(2)}`,
            })),
          ]}
        />
      </Card>
    </Stack>
  );
}
