import { Box, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  ENTITY_TYPE_LABELS,
  ORGANIZATION_SIZE_LABELS,
  type OrganizationProfile,
} from '../../../contracts/organizations';
import { formatDate } from '../../components/format';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Box>
  );
}

function Official({
  title,
  citation,
  official,
}: {
  title: string;
  citation: string;
  official: OrganizationProfile['securityOfficial'];
}) {
  return (
    <Field label={`${title} (${citation})`}>
      {official
        ? `${official.name}${official.since ? `, appointed on ${formatDate(official.since)}` : ''}`
        : 'Not designated'}
    </Field>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/**
 * The profile as a record, for the roles that read it without changing it: the words at full
 * contrast, not a form of greyed-out fields.
 */
export function ProfileRecord({ profile: p }: { profile: OrganizationProfile }) {
  return (
    <Box maw={760}>
      <Card withBorder padding="lg" mb="lg">
        <Title order={2} size="h4" mb="sm">
          Officials
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <Official
            title="Security Official"
            citation="164.308(a)(2)"
            official={p.securityOfficial}
          />
          <Official title="Privacy Official" citation="164.530(a)" official={p.privacyOfficial} />
        </SimpleGrid>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          The organization
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <Field label="Entity type">
            {p.entityType ? ENTITY_TYPE_LABELS[p.entityType] : 'Not recorded'}
          </Field>
          <Field label="Workforce size">
            {p.size ? ORGANIZATION_SIZE_LABELS[p.size] : 'Not recorded'}
          </Field>
          <Field label="Is, or includes, a group health plan (164.314(b) applies)">
            {yesNo(p.includesGroupHealthPlan)}
          </Field>
          <Field label="Includes a health care clearinghouse function (164.308(a)(4)(ii)(A) applies)">
            {yesNo(p.includesClearinghouse)}
          </Field>
          <Field label="Time zone">{p.timeZone}</Field>
          <Field label="Locations">
            {p.locations.length === 0 ? (
              'None recorded'
            ) : (
              <List listStyleType="none">
                {p.locations.map((l) => (
                  <List.Item key={l}>{l}</List.Item>
                ))}
              </List>
            )}
          </Field>
        </SimpleGrid>
      </Card>
    </Box>
  );
}
