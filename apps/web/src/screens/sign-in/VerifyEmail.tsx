import { Alert, Anchor, Box, Container, Loader, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../../api/http';
import { FormError } from '../../ui/states';

/** Where the mailed link lands: confirms the address with its token, then points to sign-in. */
export default function VerifyEmail() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'checking' | 'confirmed' | { error: unknown }>('checking');
  useEffect(() => {
    let live = true;
    verifyEmail({ token }).then(
      () => live && setState('confirmed'),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <Container size={420} py={60} component="main">
      <Title order={1} ta="center">
        Confirm your email
      </Title>
      {state === 'checking' && <Loader mx="auto" mt="lg" display="block" aria-label="Confirming" />}
      {state === 'confirmed' && (
        <Alert color="indigo" mt="lg" title="Your email address is confirmed">
          <Text size="sm">
            You can <Anchor component={Link} to="/sign-in" c="inherit" underline="always" fw={700}>sign in</Anchor> now.
          </Text>
        </Alert>
      )}
      {typeof state === 'object' && (
        <Box mt="lg">
          <FormError error={state.error} />
          <Text size="sm" mt="sm">
            A link works once, for 24 hours. <Anchor component={Link} to="/sign-up">Sign up again</Anchor> to be sent a new one.
          </Text>
        </Box>
      )}
    </Container>
  );
}
