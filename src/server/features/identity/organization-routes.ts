import { z } from 'zod';
import {
  MemberListSchema,
  OrganizationSchema,
  OrganizationSettingsBodySchema,
} from '../../../contracts/identity';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import type { AppDeps } from '../../platform/deps';
import { presentMember, presentOrganization } from './presenter';
import { principalOf } from '../../platform/auth/principal';
import { getMembers, getOrganization, updateSettings } from './service/organization';
import { getProfile, updateProfile } from './service/profile';
import {
  OrganizationProfileBodySchema,
  OrganizationProfileSchema,
} from '../../../contracts/organization-profile';

const tags = ['organizations'];
const params = z.object({ orgId: z.uuid() });

export function registerOrganizationRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId',
    {
      config: { permission: 'organization.read' },
      schema: { tags, summary: 'An organization', params, response: { 200: OrganizationSchema } },
    },
    async (request) => presentOrganization(await getOrganization(deps, request.params.orgId)),
  );

  app.patch(
    '/api/orgs/:orgId/settings',
    {
      config: { permission: 'organization.settings.update' },
      schema: {
        tags,
        summary: 'Change security settings (automatic logoff)',
        params,
        body: OrganizationSettingsBodySchema,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) =>
      presentOrganization(
        await updateSettings(
          deps,
          auditContextOf(request),
          principalOf(request),
          request.params.orgId,
          request.body,
        ),
      ),
  );

  app.get(
    '/api/orgs/:orgId/profile',
    {
      config: { permission: 'organization.read' },
      schema: {
        tags,
        summary: 'The organization profile: entity type, size, locations, officials',
        params,
        response: { 200: OrganizationProfileSchema },
      },
    },
    (request) => getProfile(deps, request.params.orgId),
  );

  app.patch(
    '/api/orgs/:orgId/profile',
    {
      config: { permission: 'organization.profile.update' },
      schema: {
        tags,
        summary: 'Change the organization profile or designate its officials',
        params,
        body: OrganizationProfileBodySchema,
        response: { 200: OrganizationProfileSchema },
      },
    },
    (request) => updateProfile(deps, auditContextOf(request), request.params.orgId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/members',
    {
      config: { permission: 'members.read' },
      schema: {
        tags,
        summary: 'Members and their roles',
        params,
        response: { 200: MemberListSchema },
      },
    },
    async (request) => ({
      data: (await getMembers(deps, request.params.orgId)).map(presentMember),
    }),
  );
}
