import {
  PasswordChangeBodySchema,
  PasswordResetCompleteBodySchema,
  PasswordResetRequestBodySchema,
} from '../../../contracts/identity';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import { changePassword, completePasswordReset, requestPasswordReset } from './service/password';

const tags = ['identity'];

export function registerPasswordRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/me/password',
    {
      config: { permission: 'me.password.change' },
      schema: {
        tags,
        summary: 'Change my password (other sessions end)',
        body: PasswordChangeBodySchema,
      },
    },
    async (request, reply) => {
      await changePassword(
        deps,
        auditContextOf(request),
        principalOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { permission: 'auth.password_reset' },
      schema: {
        tags,
        summary: 'Email a reset link (answers 202 whether or not the account exists)',
        body: PasswordResetRequestBodySchema,
      },
    },
    async (request, reply) => {
      const context = auditContextOf(request);
      const { email } = request.body;
      // Answered before the account is even looked up: the answer does the same work, and takes
      // the same time, whether the address has an account or not.
      deps.background.run(() => requestPasswordReset(deps, context, email));
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { permission: 'auth.password_reset' },
      schema: {
        tags,
        summary: 'Set a new password from a reset link (sessions end; API tokens too, unless kept)',
        body: PasswordResetCompleteBodySchema,
      },
    },
    async (request, reply) => {
      await completePasswordReset(deps, auditContextOf(request), request.body);
      return reply.code(204).send();
    },
  );
}
