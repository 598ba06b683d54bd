import { Alert, AppShell, Burger, Button, Group, NavLink, ScrollArea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useState } from 'react';
import { NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { onOutage } from '../api/http';
import { LiveProvider } from '../api/socket';
import { useAuth } from './auth';
import { Loading } from './states';

const LINKS = [
  ['/dashboard', 'Dashboard'],
  ['/ledger', 'Ledger'],
  ['/import', 'Import'],
  ['/rules', 'Rules'],
  ['/reports', 'Reports'],
  ['/wallet', 'Wallet'],
  ['/watchlist', 'Watchlist'],
  ['/risk/strategy', 'Strategy VaR'],
  ['/risk/portfolio', 'Portfolio VaR'],
  ['/market', 'Market data'],
  ['/settings', 'Settings'],
] as const;

function OutageBanner() {
  const [down, setDown] = useState(false);
  useEffect(() => onOutage(setDown), []);
  if (!down) return null;
  return (
    <Alert color="yellow" role="status" mb="md" title="Service unavailable, retrying">
      Part of finstack is not answering right now. What you see may be out of date; it updates by itself once the service is back.
    </Alert>
  );
}

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h3">
              finstack
            </Title>
          </Group>
          <Button
            variant="subtle"
            onClick={() => {
              void signOut().then(() => navigate('/sign-in'));
            }}
          >
            Sign out
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          {LINKS.map(([to, label]) => (
            <NavLink key={to} component={RouterLink} to={to} label={label} onClick={close} variant="filled" />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <OutageBanner />
        <LiveProvider>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </LiveProvider>
      </AppShell.Main>
    </AppShell>
  );
}
