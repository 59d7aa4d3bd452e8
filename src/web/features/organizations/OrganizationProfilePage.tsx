import {
  Card,
  Checkbox,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  ENTITY_TYPES,
  ENTITY_TYPE_LABELS,
  ORGANIZATION_SIZES,
  ORGANIZATION_SIZE_LABELS,
  type OrganizationProfileBody,
} from '../../../contracts/organizations';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { FormFooter } from '../../components/FormFooter';
import { browserZone, currentZoneName, timeZoneNames } from '../../components/time-zones';
import { useOrgTime } from '../../components/useOrgTime';
import { ProfileRecord } from './ProfileRecord';
import { useMemberOptions } from './useMemberOptions';
import { usePeopleNames } from './usePeopleNames';

const ZONES = timeZoneNames();

function OfficialFields(props: {
  title: string;
  citation: string;
  value: { userId: string; since: string } | null;
  onChange: (value: { userId: string; since: string } | null) => void;
  error?: string | undefined;
}) {
  const names = usePeopleNames();
  const userId = props.value?.userId;
  const members = useMemberOptions({
    activeOnly: true,
    able: 'safeguards.update',
    current: userId ? { id: userId, name: names.get(userId) ?? 'A former member' } : null,
  });
  // "Appointed on" defaults to today where the organization is, as the server's dates do.
  const { today } = useOrgTime();
  return (
    <Stack gap={6}>
      <Text fw={600}>
        {props.title}{' '}
        <Text span size="xs" c="dimmed">
          {props.citation}
        </Text>
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label={props.title}
          placeholder="Not designated"
          data={members}
          searchable
          clearable
          value={props.value?.userId ?? null}
          onChange={(userId) =>
            props.onChange(userId ? { userId, since: props.value?.since ?? today() } : null)
          }
          error={props.error}
        />
        <TextInput
          type="date"
          label="Appointed on"
          value={props.value?.since ?? ''}
          onChange={(e) =>
            props.value && props.onChange({ ...props.value, since: e.currentTarget.value })
          }
          disabled={!props.value}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Who the organization is for the rule: entity type, size, locations, time zone and officials. */
export function OrganizationProfilePage() {
  const org = useActiveOrg();
  const profile = useApiQuery(api.organizations.profile, org ? [{ orgId: org.orgId }] : null);
  const { today } = useOrgTime();
  const [form, setForm] = useState<OrganizationProfileBody>({});
  const save = useApiMutation(api.organizations.updateProfile, { onSuccess: () => setForm({}) });
  if (!org) return <NoOrganization />;
  if (profile.isError)
    return <ErrorNotice error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  if (!p) return <Text c="dimmed">Loading…</Text>;
  const editable = can(org.role, api.organizations.updateProfile);
  const errors = fieldErrors(save.error, {
    'securityOfficial.userId': 'The Security Official',
    'privacyOfficial.userId': 'The Privacy Official',
    timeZone: 'The time zone',
  });
  const pick = <K extends keyof OrganizationProfileBody>(
    key: K,
    fallback: OrganizationProfileBody[K],
  ) => (key in form ? form[key] : fallback);
  // A new organization is in UTC until its profile says otherwise: the picker proposes the
  // browser's zone then, and saving the profile records it.
  const proposedZone =
    p.timeZone === 'UTC' && browserZone() !== 'UTC' ? { timeZone: browserZone() } : {};
  const official = (o: typeof p.securityOfficial) =>
    o ? { userId: o.userId, since: o.since ?? today() } : null;
  const header = (
    <PageHeader
      title="Organization profile"
      description="What kind of entity you are decides which requirements apply. Designating the Security Official is the first step of the program."
    />
  );
  if (!editable) {
    return (
      <>
        {header}
        <ProfileRecord profile={p} />
      </>
    );
  }
  return (
    <>
      {header}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate([{ orgId: org.orgId }, { ...proposedZone, ...form }]);
        }}
      >
        <Stack gap="lg" maw={760}>
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                Officials
              </Title>
              <OfficialFields
                title="Security Official"
                citation="164.308(a)(2)"
                value={pick('securityOfficial', official(p.securityOfficial)) ?? null}
                onChange={(v) => setForm({ ...form, securityOfficial: v })}
                error={errors['securityOfficial.userId']}
              />
              <OfficialFields
                title="Privacy Official"
                citation="164.530(a)"
                value={pick('privacyOfficial', official(p.privacyOfficial)) ?? null}
                onChange={(v) => setForm({ ...form, privacyOfficial: v })}
                error={errors['privacyOfficial.userId']}
              />
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                The organization
              </Title>
              <Select
                label="Entity type"
                placeholder="Choose one"
                data={ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t] }))}
                value={pick('entityType', p.entityType) ?? null}
                onChange={(v) => setForm({ ...form, entityType: v })}
              />
              <Checkbox
                label="Is, or includes, a group health plan (164.314(b) applies)"
                checked={pick('includesGroupHealthPlan', p.includesGroupHealthPlan) ?? false}
                onChange={(e) =>
                  setForm({ ...form, includesGroupHealthPlan: e.currentTarget.checked })
                }
              />
              <Checkbox
                label="Includes a health care clearinghouse function (164.308(a)(4)(ii)(A) applies)"
                checked={pick('includesClearinghouse', p.includesClearinghouse) ?? false}
                onChange={(e) =>
                  setForm({ ...form, includesClearinghouse: e.currentTarget.checked })
                }
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <Select
                  label="Workforce size"
                  placeholder="Choose"
                  data={ORGANIZATION_SIZES.map((s) => ({
                    value: s,
                    label: ORGANIZATION_SIZE_LABELS[s],
                  }))}
                  value={pick('size', p.size) ?? null}
                  onChange={(v) => setForm({ ...form, size: v })}
                />
                <Select
                  label="Time zone"
                  data={ZONES}
                  searchable
                  value={currentZoneName(
                    pick('timeZone', proposedZone.timeZone ?? p.timeZone) ?? 'UTC',
                  )}
                  description={
                    proposedZone.timeZone && !('timeZone' in form)
                      ? 'Proposed from your browser; saved with the profile'
                      : 'Every date and time is shown in it'
                  }
                  onChange={(v) => v && setForm({ ...form, timeZone: v })}
                  error={errors.timeZone}
                  allowDeselect={false}
                />
              </SimpleGrid>
              <TagsInput
                label="Locations"
                description="Press Enter after each"
                value={pick('locations', p.locations) ?? []}
                onChange={(v) => setForm({ ...form, locations: v })}
              />
            </Stack>
          </Card>
          <FormFooter
            mutation={save}
            fieldErrors={errors}
            label="Save profile"
            done="Saved."
            disabled={Object.keys(form).length === 0}
          />
        </Stack>
      </form>
    </>
  );
}
