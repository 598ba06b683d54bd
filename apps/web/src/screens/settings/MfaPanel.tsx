import { Alert, Badge, Button, Card, Code, CopyButton, Group, Image, List, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/http';
import { keys, useMe } from '../../api/queries';
import type { RecoveryCodes, TotpEnrolment } from '../../api/types';
import { FormError } from '../../ui/states';

const SIX_DIGITS = /^\d{6}$/;
const codeProblem = (value: string) => (SIX_DIGITS.test(value.trim()) ? null : 'the 6 digits your authenticator app shows');

/** The secret of an otpauth:// URI, for typing into an app that cannot scan. */
export function secretOf(otpauthUri: string): string | null {
  try {
    return new URL(otpauthUri).searchParams.get('secret');
  } catch {
    return null;
  }
}

type Step = { name: 'idle' } | { name: 'enrolling'; enrolment: TotpEnrolment } | { name: 'codes'; codes: string[] } | { name: 'on' };

/** Two-step verification with an authenticator app: scan, confirm with a first code, keep the recovery codes; or turn it off. */
export default function MfaPanel() {
  const me = useMe();
  const queries = useQueryClient();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const enabled = step.name === 'on' || (step.name === 'idle' && me.data?.mfaEnabled === true);

  const begin = async () => {
    setBusy(true);
    setError(null);
    try {
      setStep({ name: 'enrolling', enrolment: await api<TotpEnrolment>('POST', '/auth/mfa/totp') });
    } catch (failure) {
      // 409: it is on already (set up in another browser).
      if (failure instanceof ApiError && failure.status === 409) setStep({ name: 'on' });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const finished = () => {
    setStep({ name: 'idle' });
    void queries.invalidateQueries({ queryKey: keys.me, exact: true });
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Two-step verification
        </Title>
        <Badge variant={enabled || step.name === 'codes' ? 'light' : 'outline'} color={enabled || step.name === 'codes' ? 'indigo' : 'gray'}>
          {enabled || step.name === 'codes' ? 'On' : 'Off'}
        </Badge>
      </Group>
      <FormError error={error} />
      {step.name === 'enrolling' ? (
        <Confirm enrolment={step.enrolment} onCodes={(codes) => setStep({ name: 'codes', codes })} onCancel={() => setStep({ name: 'idle' })} />
      ) : step.name === 'codes' ? (
        <RecoveryCodesShown codes={step.codes} onDone={finished} />
      ) : enabled ? (
        <TurnOff onOff={finished} />
      ) : (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">Ask for a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) each time you sign in, besides your password.</Text>
          <Button onClick={() => void begin()} loading={busy}>
            Set up an authenticator app
          </Button>
        </Stack>
      )}
    </Card>
  );
}

function Confirm({ enrolment, onCodes, onCancel }: { enrolment: TotpEnrolment; onCodes: (codes: string[]) => void; onCancel: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { code: '' }, validate: { code: codeProblem } });
  const secret = secretOf(enrolment.otpauthUri);
  const submit = form.onSubmit(async ({ code }) => {
    setBusy(true);
    setError(null);
    try {
      onCodes((await api<RecoveryCodes>('POST', '/auth/mfa/totp/confirm', { body: { code: code.trim() } })).recoveryCodes);
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="mfa-enrolment">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">1. Scan this code with your authenticator app.</Text>
        <Image src={enrolment.qrCode} alt="QR code of the authenticator secret for finstack" w={200} h={200} fit="contain" data-testid="mfa-qr" />
        {secret && (
          <Text size="xs">
            Or type the key: <Code data-testid="mfa-secret">{secret}</Code>
          </Text>
        )}
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">2. Enter the code the app shows, to turn it on.</Text>
          <FormError error={error} />
          <TextInput label="Code from the app" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...form.getInputProps('code')} />
          <Group>
            <Button type="submit" loading={busy}>
              Turn on
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </SimpleGrid>
  );
}

function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = codes.join('\n');
  return (
    <Stack gap="sm">
      <Alert color="indigo" title="Save your recovery codes now" role="status">
        Each one signs you in once if you lose your phone. They are shown only this time.
      </Alert>
      <List type="ordered" data-testid="recovery-codes" ff="monospace" size="sm" style={{ columns: 2 }}>
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={text}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy the codes'}</Button>}</CopyButton>
        <Button variant="light" component="a" href={`data:text/plain;charset=utf-8,${encodeURIComponent(`finstack recovery codes\n\n${text}\n`)}`} download="finstack-recovery-codes.txt">
          Download
        </Button>
        <Button onClick={onDone}>I saved them</Button>
      </Group>
    </Stack>
  );
}

function TurnOff({ onOff }: { onOff: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: { password: (value) => (value.length === 0 ? 'enter your password' : value.length > 256 ? 'at most 256 characters' : null), code: codeProblem },
  });
  const submit = form.onSubmit(async ({ password, code }) => {
    setBusy(true);
    setError(null);
    try {
      await api('DELETE', '/auth/mfa/totp', { body: { password, code: code.trim() } });
      notifications.show({ message: 'Two-step verification is off', color: 'teal' });
      form.reset();
      onOff();
    } catch (failure) {
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Turn two-step verification off">
      <Text size="sm" mb="sm">
        Signing in asks for a code from your authenticator app. To turn this off, confirm with your password and a current code.
      </Text>
      <FormError error={error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
        <TextInput label="Code from the app" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...form.getInputProps('code')} />
      </SimpleGrid>
      <Button type="submit" color="red" variant="light" mt="md" loading={busy}>
        Turn off
      </Button>
    </form>
  );
}
