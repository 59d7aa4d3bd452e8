import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

/** The title block of every page; also sets the browser tab's title. */
export function PageHeader({ title, description }: { title: string; description?: string }) {
  useDocumentTitle(`${title} · Custos`);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm" maw={720}>
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
