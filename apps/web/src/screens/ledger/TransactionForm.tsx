import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/http';
import type { Category, Transaction } from '../../api/types';
import { newIdempotencyKey, today } from '../../ui/format';
import { FormError } from '../../ui/states';

// The API's rules (CreateTransactionBody), checked before submit.
const AMOUNT = /^-?\d{1,12}(\.\d{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Values {
  occurredOn: string;
  amount: string;
  currency: string;
  description: string;
  merchant: string;
  categoryId: string | null;
}

/** Create (with an Idempotency-Key, kept across retries of the same form) or edit a transaction. */
export function TransactionForm(props: { editing: Transaction | null; opened: boolean; categories: Category[]; onClose: () => void; onSaved: () => void }) {
  const { editing } = props;
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: editing
      ? { occurredOn: editing.occurredOn, amount: editing.amount, currency: editing.currency, description: editing.description, merchant: editing.merchant ?? '', categoryId: editing.categoryId }
      : { occurredOn: today(), amount: '', currency: 'EUR', description: '', merchant: '', categoryId: null },
    validate: {
      occurredOn: (value) => (DATE.test(value) ? null : 'a date written YYYY-MM-DD'),
      amount: (value) => (AMOUNT.test(value.trim()) ? null : 'a decimal such as -12.34 (spent is negative), at most 4 decimals'),
      currency: (value) => (/^[A-Z]{3}$/.test(value) ? null : 'a 3-letter ISO code such as EUR'),
      description: (value) => (value.trim() === '' ? 'describe it' : value.length > 500 ? 'at most 500 characters' : null),
      merchant: (value) => (value.length > 200 ? 'at most 200 characters' : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    const body = {
      occurredOn: values.occurredOn,
      amount: values.amount.trim(),
      currency: values.currency,
      description: values.description.trim(),
      ...(values.merchant.trim() ? { merchant: values.merchant.trim() } : editing ? { merchant: null } : {}),
      ...(values.categoryId ? { categoryId: values.categoryId } : {}),
    };
    try {
      if (editing) await api('PATCH', `/transactions/${editing.id}`, { body });
      else await api('POST', '/transactions', { body, headers: { 'Idempotency-Key': key.current } });
      key.current = newIdempotencyKey();
      form.reset();
      props.onSaved();
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={editing ? 'Edit transaction' : 'New transaction'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={error} />
          <TextInput label="Date" type="date" required {...form.getInputProps('occurredOn')} />
          <Group grow>
            <TextInput label="Amount" description="Negative when spent" inputMode="decimal" required {...form.getInputProps('amount')} />
            <TextInput label="Currency" maxLength={3} required {...form.getInputProps('currency')} />
          </Group>
          <TextInput label="Description" required {...form.getInputProps('description')} />
          <TextInput label="Merchant" {...form.getInputProps('merchant')} />
          <Select
            label="Category"
            placeholder="Automatic"
            clearable
            data={props.categories.map((category) => ({ value: category.id, label: category.name }))}
            {...form.getInputProps('categoryId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
