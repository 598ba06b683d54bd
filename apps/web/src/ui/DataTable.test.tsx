// @vitest-environment jsdom
import '../test-setup';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

describe('DataTable', () => {
  it('draws a header and one row per item, cells from the columns', () => {
    render(
      <MantineProvider>
        <DataTable
          label="Targets"
          rows={[
            { ticker: 'AAPL', price: '190.10' },
            { ticker: 'MSFT', price: '410.00' },
          ]}
          rowKey={(row) => row.ticker}
          columns={[
            { header: 'Ticker', cell: (row) => row.ticker },
            { header: 'Price', cell: (row) => row.price, align: 'right' },
          ]}
        />
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: 'Targets' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['TickerPrice', 'AAPL190.10', 'MSFT410.00']);
    expect(within(rows[0]!).getAllByRole('columnheader')).toHaveLength(2);
  });
});
