// @vitest-environment jsdom
import '../test-setup';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { QueryView } from './states';

const view = (query: { isPending: boolean; error: unknown; data: string[] | undefined }) =>
  render(
    <MantineProvider>
      <QueryView query={{ ...query, refetch: () => undefined }} isEmpty={(list) => list.length === 0} empty="Nothing yet.">
        {(list) => <p>{list.join(',')}</p>}
      </QueryView>
    </MantineProvider>,
  );

describe('QueryView', () => {
  afterEach(cleanup);

  it('shows the API’s message on an error, and the retrying wording on a 503', () => {
    view({ isPending: false, error: new ApiError(404, 'NOT_FOUND', 'that transaction does not exist'), data: undefined });
    expect(screen.getByRole('alert').textContent).toContain('that transaction does not exist');
    cleanup();
    view({ isPending: false, error: new ApiError(503, 'SERVICE_UNAVAILABLE', 'ledger is down'), data: undefined });
    expect(screen.getByRole('alert').textContent).toContain('Service unavailable, retrying');
  });

  it('shows loading, then empty, then the content', () => {
    view({ isPending: true, error: null, data: undefined });
    expect(screen.getByRole('status').textContent).toContain('Loading');
    cleanup();
    view({ isPending: false, error: null, data: [] });
    expect(screen.getByText('Nothing yet.')).toBeTruthy();
    cleanup();
    view({ isPending: false, error: null, data: ['a', 'b'] });
    expect(screen.getByText('a,b')).toBeTruthy();
  });
});

describe('ApiError.fieldErrors', () => {
  it('maps details to each field’s first message, without the import’s options. prefix', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { field: 'amount', errors: ['amount must be a decimal string', 'second'] },
      { field: 'options.amountColumn', errors: ['name the column'] },
    ]);
    expect(error.fieldErrors).toEqual({ amount: 'amount must be a decimal string', amountColumn: 'name the column' });
  });
});
