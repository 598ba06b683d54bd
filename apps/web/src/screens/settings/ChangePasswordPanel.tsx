import { Button, Card, PasswordInput, SimpleGrid, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api, ApiError } from '../../api/http';
import { keys, useApiMutation } from '../../api/queries';
import { FormError } from '../../ui/states';
import { newPasswordProblem, PASSWORD_MAX, PASSWORD_MIN } from '../sign-in/password-rules';

/** A new password; every other session is signed out, this one stays. */
export default function ChangePasswordPanel() {
  const [error, setError] = useState<unknown>(null);
  const change = useApiMutation((body: { currentPassword: string; newPassword: string }) => api('POST', '/auth/change-password', { body }), [keys.sessions]);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value.length === 0 ? 'enter your current password' : value.length > PASSWORD_MAX ? `at most ${PASSWORD_MAX} characters` : null),
      newPassword: (value, values) => newPasswordProblem(value) ?? (value === values.currentPassword ? 'choose a password different from the current one' : null),
      repeat: (value, values) => (value === values.newPassword ? null : 'the two passwords differ'),
    },
  });
  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    setError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ message: 'Password changed. Your other sessions are signed out.', color: 'teal' });
        },
        onError: (failure) => {
          if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
          setError(failure);
        },
      },
    );
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Password
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Changing it signs out every other session.
      </Text>
      <form onSubmit={submit} noValidate aria-label="Change password">
        <FormError error={error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt={error ? 'sm' : 0}>
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" autoComplete="new-password" description={`At least ${PASSWORD_MIN} characters, hard to guess`} required {...form.getInputProps('newPassword')} />
          <PasswordInput label="New password again" autoComplete="new-password" required {...form.getInputProps('repeat')} />
        </SimpleGrid>
        <Button type="submit" mt="md" loading={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
