import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, resetPassword } from '../../api/http';
import { FormError } from '../../ui/states';
import { newPasswordProblem, PASSWORD_MIN } from './password-rules';

/** Where the mailed reset link lands: a new password for the link's token; every session ends. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { newPassword: '', repeat: '' },
    validate: {
      newPassword: newPasswordProblem,
      repeat: (value, values) => (value === values.newPassword ? null : 'the two passwords differ'),
    },
  });
  const submit = form.onSubmit(async ({ newPassword }) => {
    setBusy(true);
    setError(null);
    try {
      await resetPassword(token, newPassword);
      setDone(true);
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });
  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center">
        Choose a new password
      </Title>
      {!token ? (
        <Alert color="red" mt="lg" role="alert" title="This link is incomplete">
          <Text size="sm">
            Open the link from the email as it is, or <Anchor component={Link} to="/forgot-password" c="inherit" underline="always" fw={700}>
              ask for a new one
            </Anchor>.
          </Text>
        </Alert>
      ) : done ? (
        <Alert color="indigo" mt="lg" role="status" title="Your password is changed">
          <Text size="sm">
            Every session was signed out. <Anchor component={Link} to="/sign-in" c="inherit" underline="always" fw={700}>Sign in</Anchor> with the new password.
          </Text>
        </Alert>
      ) : (
        <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <FormError error={error} />
              {error instanceof ApiError && error.status !== 400 && (
                <Text size="sm">
                  A link works once, for 30 minutes. <Anchor component={Link} to="/forgot-password">Ask for a new one</Anchor>.
                </Text>
              )}
              <PasswordInput label="New password" autoComplete="new-password" description={`At least ${PASSWORD_MIN} characters, hard to guess`} required {...form.getInputProps('newPassword')} />
              <PasswordInput label="New password again" autoComplete="new-password" required {...form.getInputProps('repeat')} />
              <Button type="submit" loading={busy} fullWidth>
                Set the new password
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Container>
  );
}
