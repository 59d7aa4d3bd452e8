import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MemberListSchema } from '../../../contracts/identity';
import { apiGet } from '../../api/client';
import { roleLabel } from '../../app/HeaderMenus';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';

/** 164.308(a)(4) information access management: who can reach this organization's records. */
export function MembersPage() {
  const org = useActiveOrg();
  const members = useQuery({
    queryKey: ['members', org?.orgId],
    enabled: org !== undefined,
    queryFn: () => apiGet(`/api/orgs/${org?.orgId ?? ''}/members`, MemberListSchema),
  });
  if (!org) {
    return <NoOrganization />;
  }
  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone with access to this organization in Custos, and their role. Auditors have read-only access until their end date."
      />
      {members.isError ? (
        <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Access until</Table.Th>
              <Table.Th>Member since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(members.data?.data ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  <Badge variant="default" size="sm">
                    {roleLabel(m.role)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {m.accessExpiresAt ? (
                    m.accessExpiresAt.slice(0, 10)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      no end date
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{m.since.slice(0, 10)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
