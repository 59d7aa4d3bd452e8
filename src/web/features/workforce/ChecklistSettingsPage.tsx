import { Stack } from '@mantine/core';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { DeadlineCard } from './DeadlineCard';
import { TemplateCard } from './TemplateCard';

/** The termination deadline and the checklist templates (164.308(a)(3)(ii)(A)–(C)). */
export function ChecklistSettingsPage() {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const templates = useApiQuery(api.workforce.templates, org ? [{ orgId }] : null);
  if (!org) return <NoOrganization />;
  const manages = can(org.role, api.workforce.updateSettings);
  return (
    <>
      <PageHeader
        title="Onboarding and termination"
        description="What starting and ending someone's employment asks of the organization: the checklists per department and job role, and how soon access must end. Changes are recorded in the audit log."
      />
      <Stack gap="md" maw={960}>
        <DeadlineCard orgId={orgId} manages={manages} />
        {templates.isError ? (
          <ErrorNotice error={templates.error} onRetry={() => void templates.refetch()} />
        ) : null}
        {(templates.data?.data ?? []).map((template) => (
          <TemplateCard key={template.kind} orgId={orgId} template={template} manages={manages} />
        ))}
      </Stack>
    </>
  );
}
