import { ActionIcon, Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { api, ApiError } from '../../api/http';
import { keys, useApiMutation, useCategories, useRules } from '../../api/queries';
import type { Rule } from '../../api/types';
import { DataTable } from '../../ui/DataTable';
import { FormError, QueryView } from '../../ui/states';

const FIELDS = ['description', 'merchant', 'amount', 'currency', 'direction'];
const OPERATORS = ['contains', 'equals', 'startsWith', 'endsWith', 'matches', 'gt', 'gte', 'lt', 'lte'];

interface Values {
  name: string;
  priority: number;
  match: 'all' | 'any';
  categoryId: string | null;
  conditions: { field: string; operator: string; value: string }[];
}

export default function Rules() {
  const rules = useRules();
  const categories = useCategories();
  const create = useApiMutation((body: unknown) => api<Rule>('POST', '/rules', { body }), [keys.rules]);
  const toggle = useApiMutation((input: { id: string; enabled: boolean }) => api('PATCH', `/rules/${input.id}`, { body: { enabled: input.enabled } }), [keys.rules]);
  const remove = useApiMutation((id: string) => api('DELETE', `/rules/${id}`), [keys.rules]);
  const form = useForm<Values>({
    initialValues: { name: '', priority: 100, match: 'all', categoryId: null, conditions: [{ field: 'description', operator: 'contains', value: '' }] },
    validate: {
      name: (value) => (value.trim() === '' ? 'name the rule' : value.length > 100 ? 'at most 100 characters' : null),
      priority: (value) => (Number.isInteger(value) && value >= 0 && value <= 1_000_000 ? null : '0 to 1,000,000'),
      categoryId: (value) => (value ? null : 'choose the category it sets'),
      conditions: { value: (value) => (value.trim() === '' ? 'a value' : null) },
    },
  });
  const categoryName = (id: string) => categories.data?.find((category) => category.id === id)?.name ?? '—';
  const tryRule = async (rule: Rule) => {
    try {
      const outcome = await api<{ matched?: number; changed?: number }>('POST', `/rules/${rule.id}/apply`, { body: { dryRun: true } });
      notifications.show({ title: `Dry run of ${rule.name}`, message: `matches ${outcome.matched ?? '?'} transactions, would change ${outcome.changed ?? '?'}` });
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  };
  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), priority: values.priority, match: values.match, categoryId: values.categoryId, conditions: values.conditions },
      { onSuccess: () => form.reset(), onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors) },
    ),
  );

  return (
    <Stack>
      <Title order={2}>Rules</Title>
      <QueryView query={rules} isEmpty={(list) => list.length === 0} empty="No rules yet. A rule sets a category on every transaction it matches.">
        {(list) => (
          <DataTable
            label="Rules by priority"
            rows={[...list].sort((a, b) => a.priority - b.priority)}
            rowKey={(rule) => rule.id}
            columns={[
              { header: 'Priority', cell: (rule) => rule.priority },
              { header: 'Name', cell: (rule) => rule.name },
              {
                header: 'Conditions',
                cell: (rule) =>
                  rule.conditions.map((condition, index) => (
                    <Badge key={index} variant="light" mr={4} style={{ textTransform: 'none' }}>
                      {condition.field} {condition.operator} {condition.value}
                    </Badge>
                  )),
              },
              { header: 'Category', cell: (rule) => categoryName(rule.categoryId) },
              {
                header: 'Enabled',
                cell: (rule) => <Switch aria-label={`Enabled: ${rule.name}`} checked={rule.enabled} onChange={(event) => toggle.mutate({ id: rule.id, enabled: event.currentTarget.checked })} />,
              },
              {
                header: 'Actions',
                cell: (rule) => (
                  <Group gap={4}>
                    <Button size="compact-xs" variant="light" onClick={() => void tryRule(rule)}>
                      Try
                    </Button>
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${rule.name}`} onClick={() => remove.mutate(rule.id)}>
                      ✕
                    </ActionIcon>
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          New rule
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={create.error} />
            <Group align="flex-start">
              <TextInput label="Name" {...form.getInputProps('name')} />
              <NumberInput label="Priority (lower runs first)" min={0} max={1_000_000} {...form.getInputProps('priority')} />
              <Select label="Match" data={[{ value: 'all', label: 'All conditions' }, { value: 'any', label: 'Any condition' }]} allowDeselect={false} {...form.getInputProps('match')} />
              <Select label="Sets category" data={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))} {...form.getInputProps('categoryId')} />
            </Group>
            {form.values.conditions.map((_, index) => (
              <Group key={index} align="flex-start">
                <Select label="Field" data={FIELDS} allowDeselect={false} {...form.getInputProps(`conditions.${index}.field`)} />
                <Select label="Operator" data={OPERATORS} allowDeselect={false} {...form.getInputProps(`conditions.${index}.operator`)} />
                <TextInput label="Value" {...form.getInputProps(`conditions.${index}.value`)} />
                {form.values.conditions.length > 1 && (
                  <ActionIcon mt={28} variant="subtle" color="red" aria-label={`Remove condition ${index + 1}`} onClick={() => form.removeListItem('conditions', index)}>
                    ✕
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => form.insertListItem('conditions', { field: 'description', operator: 'contains', value: '' })}>
                Add condition
              </Button>
              <Button type="submit" loading={create.isPending}>
                Save rule
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Save, then use Try to see what it would change before it is applied.
            </Text>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
