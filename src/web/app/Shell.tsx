import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoon, IconShieldCheck, IconSun } from '@tabler/icons-react';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { OrganizationSwitcher, UserMenu } from './HeaderMenus';
import { IdleWarning } from './IdleWarning';
import { PasswordResetNotice } from './PasswordResetNotice';
import { PermissionGate } from './PermissionGate';
import { ReauthProvider } from './reauth';
import { NAVIGATION, type NavItem } from './navigation';
import { activeMembership, mayUse, useMe } from './session';
import classes from './Shell.module.css';

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe().data;
  const location = useLocation();
  const membership = activeMembership(me);
  // 164.312(d): an organization that requires MFA sends members without it to enrol first.
  if (membership?.mfaRequired && me && !me.user.mfaEnabled && location.pathname !== '/profile') {
    return <Navigate to="/profile" replace />;
  }
  const groups = NAVIGATION.map((g) => ({
    ...g,
    items: g.items.filter((i) => !i.permission || mayUse(me, i.permission)),
  })).filter((g) => g.items.length > 0);
  return (
    <>
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell
        header={{ height: 52 }}
        navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header className={classes.header}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Toggle navigation"
              />
              <Group gap={8} wrap="nowrap">
                <IconShieldCheck size={24} stroke={1.8} className={classes.logo} aria-hidden />
                <Text fw={700} size="lg" component="span" visibleFrom="xs">
                  Custos
                </Text>
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {me ? <OrganizationSwitcher me={me} /> : null}
              {me ? <NotificationBell /> : null}
              <ColorSchemeToggle />
              {me ? <UserMenu me={me} /> : null}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar component="nav" aria-label="Main">
          <ScrollArea px="xs" py="sm">
            <Stack gap="md">
              {groups.map((group) => (
                <div key={group.label}>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4} component="h2">
                    {group.label}
                  </Text>
                  {group.items.map((item) => (
                    <NavEntry key={item.path} item={item} onNavigate={close} />
                  ))}
                </div>
              ))}
            </Stack>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
          <ReauthProvider>
            <PermissionGate>
              <Outlet />
            </PermissionGate>
          </ReauthProvider>
        </AppShell.Main>
        {me ? <IdleWarning /> : null}
        {me ? <PasswordResetNotice /> : null}
      </AppShell>
    </>
  );
}

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const location = useLocation();
  const icon = <item.icon size={18} stroke={1.6} aria-hidden />;
  if (!item.available) {
    return (
      <NavLink
        component="div"
        label={item.label}
        // What is coming, in a short line (issue 12): a bare "Soon" says nothing.
        description={item.summary}
        leftSection={icon}
        rightSection={
          <Badge size="xs" variant="default">
            Soon
          </Badge>
        }
        disabled
        aria-disabled
        className={classes.navItem}
      />
    );
  }
  const active =
    item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path);
  return (
    <NavLink
      component={RouterNavLink}
      to={item.path}
      label={item.label}
      leftSection={icon}
      active={active}
      onClick={onNavigate}
      className={classes.navItem}
    />
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="md"
        onClick={() => setColorScheme(next)}
        aria-label={label}
      >
        {computed === 'dark' ? (
          <IconSun size={16} aria-hidden />
        ) : (
          <IconMoon size={16} aria-hidden />
        )}
      </ActionIcon>
    </Tooltip>
  );
}
