import { Anchor, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, resendVerification, verifyEmail } from '../../api/http';
import { FormError } from '../../ui/states';

/** The step after sign-up: the 6-digit code from the mail (or its link, which opens /verify-email). */
export function CheckYourEmail({ email, onConfirmed }: { email: string; onConfirmed: () => Promise<void> }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value.trim()) ? null : 'the 6 digits of the code in the mail') },
  });
  const submit = form.onSubmit(async ({ code }) => {
    setBusy(true);
    setError(null);
    try {
      await verifyEmail({ email, code: code.trim() });
      await onConfirmed();
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });
  const resend = async () => {
    setError(null);
    try {
      await resendVerification(email);
      notifications.show({ message: 'We sent a new link and code.', color: 'teal' });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center">
        Check your email
      </Title>
      <Text c="dimmed" ta="center" mt={4}>
        We sent a link and a 6-digit code to <b>{email}</b>. Open the link, or enter the code here.
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={error} />
            <TextInput label="Code from the email" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...form.getInputProps('code')} />
            <Button type="submit" loading={busy} fullWidth>
              Confirm and sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      <Group justify="center" mt="md">
        <Anchor component="button" type="button" size="sm" onClick={() => void resend()}>
          Send a new code
        </Anchor>
      </Group>
    </Container>
  );
}
