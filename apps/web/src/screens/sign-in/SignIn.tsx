import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, signUp } from '../../api/http';
import { CheckYourEmail } from './CheckYourEmail';
import { destinationOf, useAuth } from '../../ui/auth';
import { loadShell } from '../../ui/load-shell';
import { MfaStep } from './MfaStep';
import { FormError } from '../../ui/states';

import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules';

// The API's limits (RegisterBody, LoginBody), checked before submit.
const EMAIL_MAX = 254;

export function SignIn({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const { status, signIn, notice } = useAuth();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // After sign-up: the address to confirm (and the password, to sign in once it is).
  const [pending, setPending] = useState<{ email: string; password: string } | null>(null);
  // The password was right and the account asks for a second step.
  const [challenge, setChallenge] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '', displayName: '' },
    validate: {
      email: (value) => (!/^\S+@\S+\.\S+$/.test(value) ? 'enter an email address' : value.length > EMAIL_MAX ? `at most ${EMAIL_MAX} characters` : null),
      password: (value) =>
        mode === 'sign-up' && value.length < PASSWORD_MIN
          ? `use at least ${PASSWORD_MIN} characters`
          : value.length === 0
            ? 'enter your password'
            : value.length > PASSWORD_MAX
              ? `at most ${PASSWORD_MAX} characters`
              : null,
      displayName: (value) => (value.length > 100 ? 'at most 100 characters' : null),
    },
  });
  // Once this page is up, fetch the signed-in shell's code, so signing in does not wait for it.
  useEffect(() => {
    const timer = setTimeout(() => void loadShell(), 0);
    return () => clearTimeout(timer);
  }, []);
  // Signed in (now, or already): on to the page the person asked for.
  if (status === 'signed-in') return <Navigate to={destinationOf(location.state)} replace />;

  const enter = async (email: string, password: string) => {
    const mfa = await signIn(email, password);
    if (mfa) setChallenge(mfa.mfaToken);
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'sign-up') {
        await signUp(values.email, values.password, values.displayName || undefined);
        setPending({ email: values.email, password: values.password });
        return;
      }
      await enter(values.email, values.password);
    } catch (failure) {
      // Signed up but never confirmed: the same step as after sign-up, with a way to get a new code.
      if (failure instanceof ApiError && failure.code === 'EMAIL_NOT_VERIFIED') {
        setPending({ email: values.email, password: values.password });
        return;
      }
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });

  if (challenge) return <MfaStep mfaToken={challenge} onRestart={() => setChallenge(null)} />;
  if (pending) return <CheckYourEmail email={pending.email} onConfirmed={() => enter(pending.email, pending.password)} />;

  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center">
        finstack
      </Title>
      <Text c="dimmed" ta="center" mt={4}>
        {mode === 'sign-in' ? 'Sign in to your ledger' : 'Create your account'}
      </Text>
      {notice && (
        <Alert color="indigo" mt="lg" role="status">
          {notice}
        </Alert>
      )}
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={error} />
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            {mode === 'sign-up' && <TextInput label="Display name (optional)" autoComplete="nickname" {...form.getInputProps('displayName')} />}
            <PasswordInput
              label="Password"
              autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
              description={mode === 'sign-up' ? `At least ${PASSWORD_MIN} characters` : undefined}
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy} fullWidth>
              {mode === 'sign-in' ? 'Sign in' : 'Create account'}
            </Button>
            {mode === 'sign-in' && (
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                Forgot your password?
              </Anchor>
            )}
          </Stack>
        </form>
      </Paper>
      <Text ta="center" mt="md" size="sm">
        {mode === 'sign-in' ? (
          <>
            New here? <Anchor component={Link} to="/sign-up" state={location.state}>
              Create an account
            </Anchor>
          </>
        ) : (
          <>
            Have an account? <Anchor component={Link} to="/sign-in" state={location.state}>
              Sign in
            </Anchor>
          </>
        )}
      </Text>
    </Container>
  );
}
