// @vitest-environment jsdom
import '../../test-setup';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';
import type { Schemas } from '../../api/types';
import ConnectionsPanel from './ConnectionsPanel';

const api = vi.hoisted(() => vi.fn());
vi.mock('../../api/http', async (actual) => ({ ...(await actual<typeof import('../../api/http')>()), api }));

type Connection = Schemas['ConnectionView'];
const connection = (fields: Partial<Connection> = {}): Connection => ({
  provider: 'finnhub',
  keyLast4: '1234',
  createdAt: '2026-12-01T10:00:00.000Z',
  lastUsedAt: null,
  lastError: null,
  lastErrorAt: null,
  ...fields,
});

/** The API as the panel sees it: the stored connections, and what PUT and DELETE answer. */
function serve(state: { items: Connection[]; put?: (body: { apiKey: string }) => Connection }) {
  api.mockImplementation(async (method: string, path: string, options?: { body?: { apiKey: string } }) => {
    if (method === 'GET' && path === '/connections') return { items: state.items, nextCursor: null };
    if (method === 'PUT' && path === '/connections/finnhub') {
      const made = state.put!(options!.body!);
      state.items = [made];
      return made;
    }
    if (method === 'DELETE' && path === '/connections/finnhub') {
      state.items = [];
      return undefined;
    }
    throw new Error(`unexpected ${method} ${path}`);
  });
}

const show = () =>
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ConnectionsPanel />
      </QueryClientProvider>
    </MantineProvider>,
  );

describe('ConnectionsPanel', () => {
  beforeEach(() => {
    api.mockReset();
  });
  afterEach(cleanup);

  it('connects a key, then shows only its last 4 characters and clears the field', async () => {
    serve({ items: [], put: ({ apiKey }) => connection({ keyLast4: apiKey.slice(-4) }) });
    show();
    expect(await screen.findByText(/No key connected/)).toBeTruthy();

    const input = screen.getByLabelText('Finnhub API key') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '  my-secret-key-9876 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    const row = await screen.findByTestId('connection-finnhub');
    expect(api).toHaveBeenCalledWith('PUT', '/connections/finnhub', { body: { apiKey: 'my-secret-key-9876' } });
    expect(row.textContent).toContain('…9876');
    expect(within(row).getByText('Waiting for the first poll')).toBeTruthy();
    expect(document.body.textContent).not.toContain('my-secret-key');
    await waitFor(() => expect(input.value).toBe(''));
    expect(screen.getByRole('button', { name: 'Replace key' })).toBeTruthy();
  });

  it("shows the provider's refusal and keeps the typed key for a correction", async () => {
    serve({
      items: [],
      put: () => {
        throw new ApiError(400, 'MARKET_DATA_KEY_REFUSED', 'Finnhub refused the key: Invalid API key');
      },
    });
    show();
    const input = (await screen.findByLabelText('Finnhub API key')) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'not-a-real-key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Finnhub refused the key: Invalid API key');
    expect(input.value).toBe('not-a-real-key');
    expect(screen.queryByTestId('connection-finnhub')).toBeNull();
  });

  it('says a key works once polling used it, and that it fails while its last error is newer', async () => {
    serve({ items: [connection({ lastUsedAt: '2026-12-02T10:00:00.000Z' })] });
    show();
    expect(within(await screen.findByTestId('connection-finnhub')).getByText('Working')).toBeTruthy();
    cleanup();

    serve({
      items: [connection({ lastUsedAt: '2026-12-02T10:00:00.000Z', lastError: 'Finnhub refused the key: Invalid API key', lastErrorAt: '2026-12-03T10:00:00.000Z' })],
    });
    show();
    const row = await screen.findByTestId('connection-finnhub');
    expect(within(row).getByText('Failing')).toBeTruthy();
    expect(row.textContent).toContain('Finnhub refused the key: Invalid API key');
  });

  it('removes a connection', async () => {
    serve({ items: [connection()] });
    show();
    const row = await screen.findByTestId('connection-finnhub');
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/No key connected/)).toBeTruthy();
    expect(api).toHaveBeenCalledWith('DELETE', '/connections/finnhub');
  });

  it('refuses a key longer than the API takes, before sending it', async () => {
    serve({ items: [] });
    show();
    const input = await screen.findByLabelText('Finnhub API key');
    fireEvent.change(input, { target: { value: 'k'.repeat(257) } });
    expect(screen.getByText('a key has at most 256 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(api).not.toHaveBeenCalledWith('PUT', expect.anything(), expect.anything());
  });
});
