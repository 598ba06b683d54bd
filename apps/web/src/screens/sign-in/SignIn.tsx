import { Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, signUp } from '../../api/http';
import { CheckYourEmail } from './CheckYourEmail';
import { useAuth } from '../../ui/auth';
import { FormError } from '../../ui/states';

// The API's limits (RegisterBody, LoginBody), checked before submit.
const EMAIL_MAX = 254;
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 256;

export function SignIn({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const { status, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // After sign-up: the address to confirm (and the password, to sign in once it is).
  const [pending, setPending] = useState<{ email: string; password: string } | null>(null);
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
  if (status === 'signed-in') return <Navigate to="/dashboard" replace />;

  const enter = async (email: string, password: string) => {
    await signIn(email, password);
    const from = (location.state as { from?: string } | null)?.from;
    navigate(from && from !== '/sign-in' ? from : '/dashboard', { replace: true });
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
      if (failure instanceof ApiError) form.setErrors(failure.fieldErrors);
      setError(failure);
    } finally {
      setBusy(false);
    }
  });

  if (pending) return <CheckYourEmail email={pending.email} onConfirmed={() => enter(pending.email, pending.password)} />;

  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center">
        finstack
      </Title>
      <Text c="dimmed" ta="center" mt={4}>
        {mode === 'sign-in' ? 'Sign in to your ledger' : 'Create your account'}
      </Text>
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
          </Stack>
        </form>
      </Paper>
      <Text ta="center" mt="md" size="sm">
        {mode === 'sign-in' ? (
          <>
            New here? <Anchor component={Link} to="/sign-up">Create an account</Anchor>
          </>
        ) : (
          <>
            Have an account? <Anchor component={Link} to="/sign-in">Sign in</Anchor>
          </>
        )}
      </Text>
    </Container>
  );
}
