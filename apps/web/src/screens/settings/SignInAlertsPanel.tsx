import { Card, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/http';
import { keys, useApiMutation, useMe } from '../../api/queries';

/** Whether a sign-in from a new device or address also sends an email (the push is always sent). */
export default function SignInAlertsPanel() {
  const me = useMe();
  const update = useApiMutation((signInAlerts: boolean) => api('PATCH', '/auth/me', { body: { signInAlerts } }), [keys.me]);
  const on = update.isPending ? update.variables : (me.data?.signInAlerts ?? true);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Sign-in alerts
      </Title>
      <Switch
        label="Email me when someone signs in from a new device or address"
        checked={on}
        disabled={me.isPending}
        onChange={(event) =>
          update.mutate(event.currentTarget.checked, {
            onSuccess: (_, value) => notifications.show({ message: value ? 'Sign-in alerts are on' : 'Sign-in alerts are off', color: 'teal' }),
            onError: (error) => notifications.show({ title: 'Not saved', message: error.message, color: 'red' }),
          })
        }
      />
      <Text size="xs" c="dimmed" mt="xs">
        The console shows every sign-in as a notification either way.
      </Text>
    </Card>
  );
}
