import './ledger.css';
import { ActionIcon, Button, Checkbox, Group, Menu, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../api/http';
import { useCategories, useTransactions, type TransactionFilters } from '../../api/queries';
import type { Transaction } from '../../api/types';
import { money, signColor } from '../../ui/format';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { CategoryChip } from './CategoryChip';
import { ledgerKeyAction } from './ledger-keys';
import { TransactionForm } from './TransactionForm';

const ROW_HEIGHT = 52;

export default function Ledger() {
  const [filters, setFilters] = useState<TransactionFilters>({});
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const active = useMemo(() => ({ ...filters, q: q.trim() || undefined }), [filters, q]);
  const categories = useCategories();
  const list = useTransactions(active);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [chipOpen, setChipOpen] = useState<string | null>(null);
  const [form, setForm] = useState<{ editing: Transaction | null } | null>(null);
  const queries = useQueryClient();
  const scroller = useRef<HTMLDivElement>(null);

  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    // Cursor pagination: the next page is fetched as the list nears its end.
    if (last && last.index >= rows.length - 20 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [last, rows.length, list]);

  const refresh = () => queries.invalidateQueries({ queryKey: ['transactions'] });
  const run = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      notifications.show({ message: done, color: 'teal' });
      await refresh();
    } catch (error) {
      notifications.show({ title: 'Not done', message: (error as Error).message, color: 'red' });
    }
  };
  const categorise = (ids: string[], categoryId: string | null) =>
    run(
      () =>
        ids.length === 1 || categoryId === null
          ? Promise.all(ids.map((id) => api('PUT', `/transactions/${id}/category`, { body: { categoryId } })))
          : api('POST', '/transactions/categorize', { body: { transactionIds: ids, categoryId } }),
      ids.length === 1 ? 'Category set' : `${ids.length} transactions categorised`,
    );
  const remove = (row: Transaction) => run(() => api('DELETE', `/transactions/${row.id}`), 'Transaction deleted');

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed inside a row's controls (the checkbox, the chip's menu) are theirs.
    if (event.target !== event.currentTarget) return;
    const action = ledgerKeyAction(event.key, cursor, rows.length, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey });
    const row = rows[cursor];
    if (!action || !row) return;
    event.preventDefault();
    if (action.type === 'move') {
      setCursor(action.to);
      virtual.scrollToIndex(action.to);
    } else if (action.type === 'toggle') toggle(row.id);
    else if (action.type === 'edit') setForm({ editing: row });
    // As a click on the row's chip once this key event is over: the menu then opens as it does for the mouse
    // (opened from inside the key event, the menu closed again at once when transitions are off).
    else if (action.type === 'categorise') setTimeout(() => document.getElementById(`ledger-row-${row.id}`)?.querySelector<HTMLElement>('[data-category-chip]')?.click(), 0);
    else setSelected(new Set());
  };
  /** Back to the list after a menu or a dialog that the keyboard opened, so the next key moves on from the same row. */
  const refocus = () => requestAnimationFrame(() => scroller.current?.focus());
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const categoryOptions = (categories.data ?? []).map((category) => ({ value: category.id, label: category.name }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Ledger</Title>
        <Button onClick={() => setForm({ editing: null })}>New transaction</Button>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <TextInput label="Search" placeholder="Description or merchant" value={text} onChange={(event) => setText(event.currentTarget.value)} maxLength={200} />
          <TextInput label="From" type="date" value={filters.from ?? ''} onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value || undefined })} />
          <TextInput label="To" type="date" value={filters.to ?? ''} onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value || undefined })} />
          <Select label="Category" placeholder="Any" clearable data={categoryOptions} value={filters.categoryId ?? null} onChange={(value) => setFilters({ ...filters, categoryId: value ?? undefined })} />
          <TextInput label="Min amount" w={110} inputMode="decimal" defaultValue="" onChange={(event) => setFilters({ ...filters, minAmount: validAmount(event.currentTarget.value) })} />
          <TextInput label="Max amount" w={110} inputMode="decimal" defaultValue="" onChange={(event) => setFilters({ ...filters, maxAmount: validAmount(event.currentTarget.value) })} />
          <Switch label="Uncategorised only" checked={filters.uncategorized ?? false} onChange={(event) => setFilters({ ...filters, uncategorized: event.currentTarget.checked || undefined })} />
        </Group>
      </Paper>
      {selected.size > 0 && (
        <Group data-testid="bulk-bar">
          <Text size="sm">{selected.size} selected</Text>
          <Menu withinPortal>
            <Menu.Target>
              <Button size="xs" variant="light">
                Categorise selected
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(categories.data ?? []).map((category) => (
                <Menu.Item key={category.id} onClick={() => void categorise([...selected], category.id).then(() => setSelected(new Set()))}>
                  {category.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              void run(() => api('POST', '/transactions/auto-categorize', { body: { transactionIds: [...selected] } }), 'Auto-categorised').then(() => setSelected(new Set()))
            }
          >
            Auto-categorise selected
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        Keyboard: focus the list, then ↑/↓ (or J/K), Page Up/Down, Home/End to move, Space to select, Enter or E to edit, C to categorise, Esc to clear the selection.
      </Text>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>No transactions match. Add one, or import a CSV.</Empty>
      ) : (
        <div
          ref={scroller}
          role="grid"
          aria-label="Transactions"
          aria-rowcount={rows.length}
          aria-activedescendant={rows[cursor] ? `ledger-row-${rows[cursor].id}` : undefined}
          tabIndex={0}
          onKeyDown={onKey}
          className="ledger-list"
          data-testid="ledger-list"
          style={{ height: 'calc(100vh - 330px)', minHeight: 320, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={row.id}
                  id={`ledger-row-${row.id}`}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={selected.has(row.id)}
                  data-testid="ledger-row"
                  data-cursor={item.index === cursor || undefined}
                  onClick={() => setCursor(item.index)}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    display: 'flex',
                    alignItems: 'center',
                    gap: 12,
                    padding: '0 12px',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: item.index === cursor ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                >
                  <div role="gridcell">
                    <Checkbox aria-label={`Select ${row.description}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
                  </div>
                  <div role="gridcell" style={{ width: 96 }}>
                    <Text size="sm">{row.occurredOn}</Text>
                  </div>
                  <div role="gridcell" style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" truncate>
                      {row.description}
                    </Text>
                  </div>
                  <div role="gridcell">
                    <CategoryChip
                      row={row}
                      categories={categories.data ?? []}
                      opened={chipOpen === row.id}
                      onOpen={(open) => {
                        setChipOpen(open ? row.id : null);
                        if (!open && item.index === cursor) refocus();
                      }}
                      onChoose={(categoryId) => void categorise([row.id], categoryId)}
                    />
                  </div>
                  <div role="gridcell" style={{ width: 130, textAlign: 'right' }}>
                    <Text size="sm" fw={600} c={signColor(row.amount)}>
                      {money(row.amount, row.currency)}
                    </Text>
                  </div>
                  <div role="gridcell">
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Edit ${row.description}`} onClick={() => setForm({ editing: row })}>
                        ✎
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${row.description}`} onClick={() => void remove(row)}>
                        ✕
                      </ActionIcon>
                    </Group>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {list.isFetchingNextPage && <Loading label="Loading more…" />}
      {form && (
        <TransactionForm
          key={form.editing?.id ?? 'new'}
          opened
          editing={form.editing}
          categories={categories.data ?? []}
          onClose={() => {
            setForm(null);
            refocus();
          }}
          onSaved={() => {
            setForm(null);
            refocus();
            notifications.show({ message: 'Saved', color: 'teal' });
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** An amount filter is sent only once it is a valid decimal (the API would refuse it). */
function validAmount(text: string): string | undefined {
  return /^-?\d{1,12}(\.\d{1,4})?$/.test(text.trim()) ? text.trim() : undefined;
}
