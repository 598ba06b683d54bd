import { Card, Stack, Table, Title } from '@mantine/core';
import { useMe } from '../../api/queries';
import { QueryView } from '../../ui/states';
import ConnectionsPanel from './ConnectionsPanel';
import ChangePasswordPanel from './ChangePasswordPanel';
import DeleteAccountPanel from './DeleteAccountPanel';
import MfaPanel from './MfaPanel';
import SessionsPanel from './SessionsPanel';
import SignInAlertsPanel from './SignInAlertsPanel';

export default function Settings() {
  const me = useMe();
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Profile
        </Title>
        <QueryView query={me}>
          {(account) => (
            <Table>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Td>{account.email}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Display name</Table.Th>
                  <Table.Td>{account.displayName ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Member since</Table.Th>
                  <Table.Td>{new Date(account.createdAt).toLocaleDateString()}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </QueryView>
      </Card>
      <ConnectionsPanel />
      <MfaPanel />
      <ChangePasswordPanel />
      <SessionsPanel />
      <SignInAlertsPanel />
      <DeleteAccountPanel />
    </Stack>
  );
}
