import { Badge, Loader, Menu, Text, UnstyledButton } from '@mantine/core';
import { useSuggestions } from '../../api/queries';
import type { Category, Transaction } from '../../api/types';

const SOURCE_LABEL: Record<string, string> = { manual: 'by you', rule: 'rule', learned: 'learned', model: 'model', none: '' };

/** A row's category with where it came from; opens the top suggestions and every category, one click each. */
export function CategoryChip(props: {
  row: Transaction;
  categories: Category[];
  opened: boolean;
  onOpen: (open: boolean) => void;
  onChoose: (categoryId: string | null) => void;
}) {
  const { row, categories } = props;
  const name = categories.find((category) => category.id === row.categoryId)?.name;
  const suggestions = useSuggestions(props.opened ? row.id : null);
  const detail =
    row.categorySource !== 'none' && row.categorySource !== 'manual'
      ? `${SOURCE_LABEL[row.categorySource]}${row.categoryConfidence !== null ? ` ${Math.round(row.categoryConfidence * 100)} %` : ''}`
      : SOURCE_LABEL[row.categorySource];
  return (
    <Menu opened={props.opened} onChange={props.onOpen} position="bottom-start" withinPortal shadow="md" width={260}>
      <Menu.Target>
        <UnstyledButton
          data-category-chip
          aria-label={`Category of ${row.description}: ${name ?? 'uncategorised'}${detail ? ` (${detail})` : ''}. Change`}
          title={row.categoryReason ?? undefined}
        >
          <Badge variant={name ? 'light' : 'outline'} color={name ? 'indigo' : 'gray'} style={{ cursor: 'pointer', textTransform: 'none' }}>
            {name ?? 'Uncategorised'}
            {detail ? ` · ${detail}` : ''}
          </Badge>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {row.categoryReason && (
          <Text size="xs" c="dimmed" px="xs" py={4}>
            Why: {row.categoryReason}
          </Text>
        )}
        <Menu.Label>Suggestions</Menu.Label>
        {suggestions.isPending ? (
          <Loader size="xs" m="xs" aria-label="Loading suggestions" />
        ) : (suggestions.data ?? []).length === 0 ? (
          <Text size="xs" c="dimmed" px="xs">
            No suggestions
          </Text>
        ) : (
          (suggestions.data ?? []).slice(0, 3).map((suggestion) => (
            <Menu.Item key={suggestion.categoryId} onClick={() => props.onChoose(suggestion.categoryId)} data-testid="suggestion">
              {categories.find((category) => category.id === suggestion.categoryId)?.name ?? 'Unknown'}{' '}
              <Text span size="xs" c="dimmed">
                {Math.round(suggestion.confidence * 100)} % · {suggestion.source}
              </Text>
            </Menu.Item>
          ))
        )}
        <Menu.Divider />
        <Menu.Label>All categories</Menu.Label>
        {categories.map((category) => (
          <Menu.Item key={category.id} onClick={() => props.onChoose(category.id)}>
            {category.name}
          </Menu.Item>
        ))}
        {row.categoryId && (
          <Menu.Item color="red" onClick={() => props.onChoose(null)}>
            Clear category
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
