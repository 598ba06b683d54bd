import { Anchor, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import { useAuth } from '../../ui/auth';
import { FormError } from '../../ui/states';

/** The second step of signing in when MFA is on: a code from the authenticator app, or a recovery code. */
export function MfaStep({ mfaToken, onRestart }: { mfaToken: string; onRestart: () => void }) {
  const { completeMfa } = useAuth();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { code: '', recoveryCode: '' },
    validate: {
      code: (value) => (recovery || /^\d{6}$/.test(value.trim()) ? null : 'the 6 digits your authenticator app shows'),
      recoveryCode: (value) => (!recovery || (value.trim().length >= 6 && value.trim().length <= 32) ? null : 'one of your recovery codes, as it was shown'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await completeMfa(mfaToken, recovery ? { recoveryCode: values.recoveryCode.trim() } : { code: values.code.trim() });
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
      form.setFieldValue(recovery ? 'recoveryCode' : 'code', '');
    } finally {
      setBusy(false);
    }
  });
  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center">
        Two-step verification
      </Title>
      <Text c="dimmed" ta="center" mt={4}>
        {recovery ? 'Enter one of the recovery codes you saved when you turned MFA on. Each works once.' : 'Enter the 6-digit code your authenticator app shows for finstack.'}
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={error} />
            {recovery ? (
              <TextInput key="recovery" label="Recovery code" autoComplete="off" spellCheck={false} maxLength={32} required data-autofocus {...form.getInputProps('recoveryCode')} />
            ) : (
              <TextInput key="code" label="Authentication code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required data-autofocus {...form.getInputProps('code')} />
            )}
            <Button type="submit" loading={busy} fullWidth>
              Verify and sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      <Group justify="space-between" mt="md">
        <Anchor component="button" type="button" size="sm" onClick={() => setRecovery(!recovery)}>
          {recovery ? 'Use the authenticator app' : 'Use a recovery code'}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          Start again
        </Anchor>
      </Group>
    </Container>
  );
}
