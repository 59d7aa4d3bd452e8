import type { FastifyRequest } from 'fastify';
import { taskRoutes } from '../../../contracts/tasks';
import { actingOf } from '../../platform/auth/acting';
import { auditContextOf } from '../../platform/auth/context';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  changeTask,
  completeTask,
  createTask,
  getTask,
  listTaskPage,
  type TaskViewer,
} from './service';

function viewerOf(request: FastifyRequest): TaskViewer {
  return {
    userId: principalOf(request).userId,
    seesAll: actingOf(request).holds('tasks.read_all'),
  };
}

export function registerTaskRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, taskRoutes, {
    list: (request) => listTaskPage(deps, request.params.orgId, viewerOf(request), request.query),
    create: (request) =>
      createTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        viewerOf(request),
        request.body,
      ),
    get: (request) => getTask(deps, request.params.orgId, viewerOf(request), request.params.taskId),
    update: (request) =>
      changeTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        viewerOf(request),
        request.params.taskId,
        request.body,
      ),
    complete: (request) =>
      completeTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        viewerOf(request),
        request.params.taskId,
        request.body,
      ),
  });
}
