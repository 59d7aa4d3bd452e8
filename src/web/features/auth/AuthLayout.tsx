import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './AuthLayout.module.css';

/** The frame of the pages shown before sign-in. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Custos`);
  return (
    <Center mih="100vh" p="md" className={classes.page}>
      <Stack w="100%" maw={440} gap="lg">
        <Group gap={8} justify="center">
          <IconShieldCheck size={28} stroke={1.8} className={classes.logo} aria-hidden />
          <Text fw={700} size="xl" component="span">
            Custos
          </Text>
        </Group>
        <Paper withBorder p="xl" radius="md" component="main">
          <Title order={1} size="h3" mb={subtitle ? 4 : 'md'}>
            {title}
          </Title>
          {subtitle ? (
            <Text size="sm" c="dimmed" mb="lg">
              {subtitle}
            </Text>
          ) : null}
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
