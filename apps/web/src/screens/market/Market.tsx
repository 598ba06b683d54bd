import { Alert, Button, Card, FileInput, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/http';
import { keys, useTickers } from '../../api/queries';
import type { ChartPoint } from '../../api/types';
import { PriceChart } from '../../ui/PriceChart';
import { QueryView } from '../../ui/states';

/** The API's limit on one price history (VAR_LIMITS.priceCsvBytesMax). */
const MAX_PRICE_CSV = 1_500_000;

export default function Market() {
  const tickers = useTickers();
  const queries = useQueryClient();
  const [ticker, setTicker] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const prices = useQuery({
    queryKey: ['market', 'prices', shown],
    queryFn: () => api<{ prices: { date: string; close: number; adjClose: number }[] }>('GET', `/market/prices/${shown}`),
    enabled: shown !== null,
  });

  const upload = async () => {
    setError(null);
    setDone(null);
    if (!file || !/^[A-Z0-9.\-^]{1,15}$/.test(ticker)) return setError(new Error('name the ticker and choose a CSV file'));
    if (file.size > MAX_PRICE_CSV) return setError(new Error('a price history may be at most 1.5 MB'));
    try {
      const stored = await api<{ ticker: string; rows: number; from: string; to: string }>('PUT', `/market/prices/${ticker}`, { raw: file, headers: { 'content-type': 'text/csv' } });
      setDone(`${stored.ticker}: ${stored.rows} days stored, ${stored.from} to ${stored.to}`);
      await queries.invalidateQueries({ queryKey: keys.tickers });
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const lineProblems = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { line?: number; reason?: string; errors?: string[] }[]) : [];

  return (
    <Stack>
      <Title order={2}>Market data</Title>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Upload a price history (operators)
        </Title>
        <Group align="flex-end">
          <TextInput label="Ticker" value={ticker} onChange={(event) => setTicker(event.currentTarget.value.toUpperCase())} />
          <FileInput label="CSV (Date, Open, High, Low, Close, Adj Close)" accept=".csv,text/csv" value={file} onChange={setFile} clearable w={320} />
          <Button onClick={() => void upload()}>Upload</Button>
        </Group>
        {done && (
          <Alert color="teal" mt="sm">
            {done}
          </Alert>
        )}
        {error && (
          <Alert color="red" mt="sm" role="alert" title="Not stored">
            {error.message}
            {lineProblems.length > 0 && (
              <List size="sm">
                {lineProblems.slice(0, 20).map((problem, index) => (
                  <List.Item key={index}>{problem.line !== undefined ? `line ${problem.line}: ${problem.reason ?? ''}` : (problem.errors ?? []).join('; ')}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Stored tickers
        </Title>
        <QueryView query={tickers} isEmpty={(list) => list.length === 0} empty="No price histories stored yet.">
          {(list) => <Select label="Show the chart of" data={list} value={shown} onChange={setShown} placeholder="Choose a ticker" />}
        </QueryView>
        {shown && (
          <QueryView query={prices} isEmpty={(view) => view.prices.length === 0}>
            {(view) => (
              <PriceChart
                label={`Price history of ${shown}`}
                points={view.prices.map((row): ChartPoint => ({ date: row.date, price: row.adjClose, sma: null, signal: null }))}
              />
            )}
          </QueryView>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Adjusted close prices.
        </Text>
      </Card>
    </Stack>
  );
}
