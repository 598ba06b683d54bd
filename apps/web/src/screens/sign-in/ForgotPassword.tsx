import { Alert, Anchor, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, forgotPassword } from '../../api/http';
import { FormError } from '../../ui/states';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPassword() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (!/^\S+@\S+\.\S+$/.test(value) ? 'enter an email address' : value.length > 254 ? 'at most 254 characters' : null) },
  });
  const submit = form.onSubmit(async ({ email }) => {
    setBusy(true);
    setError(null);
    try {
      await forgotPassword(email.trim());
      setSentTo(email.trim());
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
        Reset your password
      </Title>
      {sentTo ? (
        <Alert color="indigo" mt="lg" title="Check your email" role="status">
          <Text size="sm">
            If <b>{sentTo}</b> has a finstack account, a link to set a new password is on its way. It works once, for 30 minutes.
          </Text>
        </Alert>
      ) : (
        <>
          <Text c="dimmed" ta="center" mt={4}>
            Enter your account&apos;s address and we&apos;ll mail you a link to set a new password.
          </Text>
          <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
            <form onSubmit={submit} noValidate>
              <Stack>
                <FormError error={error} />
                <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
                <Button type="submit" loading={busy} fullWidth>
                  Send the link
                </Button>
              </Stack>
            </form>
          </Paper>
        </>
      )}
      <Text ta="center" mt="md" size="sm">
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      </Text>
    </Container>
  );
}
