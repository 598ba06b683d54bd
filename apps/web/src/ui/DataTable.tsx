import { Table, type MantineStyleProp } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  /** The header's text: also what the cell is about for a screen reader. */
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  align?: 'left' | 'right';
  /** Per-row style of the cell (a P&L's colour, a ticker's weight). */
  cellProps?: (row: T) => { c?: string; fw?: number; style?: MantineStyleProp };
}

/**
 * The console's table: a header row, one row per item, horizontal scroll on
 * narrow screens and, given a maxHeight, a header that stays while the body scrolls.
 */
export function DataTable<T>(props: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  minWidth?: number;
  maxHeight?: number;
  striped?: boolean;
  testId?: string;
  label?: string;
}) {
  const { columns, rows, rowKey } = props;
  const table = (
    <Table striped={props.striped} stickyHeader={props.maxHeight !== undefined} data-testid={props.testId} aria-label={props.label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, index) => (
            <Table.Th key={index} ta={column.align}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={rowKey(row, index)}>
            {columns.map((column, c) => (
              <Table.Td key={c} ta={column.align} {...column.cellProps?.(row)}>
                {column.cell(row, index)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (props.minWidth === undefined && props.maxHeight === undefined) return table;
  return (
    <Table.ScrollContainer minWidth={props.minWidth ?? 0} mah={props.maxHeight}>
      {table}
    </Table.ScrollContainer>
  );
}
