import { Button, Card, Group, Modal, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, ApiError, COOKIE_MODE } from '../../api/http';
import { useMe } from '../../api/queries';
import { useAuth } from '../../ui/auth';
import { FormError } from '../../ui/states';

/** Deletes the account and all its data, after the password (and a code when MFA is on); then signed out. */
export default function DeleteAccountPanel() {
  const me = useMe();
  const { forget } = useAuth();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Unknown until identity says: ask for the code, and let it be left empty when MFA is off.
  const mfa = me.data?.mfaEnabled;
  const form = useForm({
    initialValues: { password: '', code: '', confirm: '' },
    validate: {
      password: (value) => (value.length === 0 ? 'enter your password' : value.length > 256 ? 'at most 256 characters' : null),
      code: (value) => (mfa && !/^\d{6}$/.test(value.trim()) ? 'the 6 digits your authenticator app shows' : value.trim() && !/^\d{6}$/.test(value.trim()) ? 'six digits, or leave it empty' : null),
      confirm: (value) => (value.trim().toUpperCase() === 'DELETE' ? null : 'type DELETE to confirm'),
    },
  });
  const submit = form.onSubmit(async ({ password, code }) => {
    setBusy(true);
    setError(null);
    try {
      // Cookie mode: the gateway also clears this browser's refresh cookie.
      await api('DELETE', '/auth/me', { body: { password, ...(code.trim() ? { code: code.trim() } : {}) }, headers: COOKIE_MODE });
      // Signed out here too; the sign-in page then says what happened.
      forget('Your account is deleted. Its data is being erased from every part of finstack.');
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });
  const close = () => {
    setOpen(false);
    form.reset();
    setError(null);
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Delete account
      </Title>
      <Text size="sm" mb="sm">
        Deletes your account and everything in it: transactions, categories, imports, rules, holdings, watchlist, alerts and analyses. It cannot be undone.
      </Text>
      <Group>
        <Button color="red" variant="outline" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
      </Group>
      <Modal opened={open} onClose={close} title="Delete your account for good?" centered closeButtonProps={{ "aria-label": "Close" }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={error} />
            <PasswordInput label="Password" autoComplete="current-password" required data-autofocus {...form.getInputProps('password')} />
            <TextInput
              label={mfa === false ? 'Authentication code (MFA is off)' : 'Authentication code'}
              description={mfa ? 'From your authenticator app' : 'Only if you turned MFA on'}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              disabled={mfa === false}
              required={mfa === true}
              {...form.getInputProps('code')}
            />
            <TextInput label="Type DELETE to confirm" autoComplete="off" required {...form.getInputProps('confirm')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Keep my account
              </Button>
              <Button type="submit" color="red" loading={busy}>
                Delete everything
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
