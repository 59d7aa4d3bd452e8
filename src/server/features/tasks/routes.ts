import { z } from 'zod';
import {
  TaskCompleteBodySchema,
  TaskCompletionSchema,
  TaskCreateBodySchema,
  TaskDetailSchema,
  TaskListSchema,
  TaskQuerySchema,
  TaskUpdateBodySchema,
} from '../../../contracts/tasks';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import { actingOf } from '../../platform/auth/acting';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { FastifyRequest } from 'fastify';
import {
  changeTask,
  completeTask,
  createTask,
  getTask,
  listTaskPage,
  type TaskViewer,
} from './service';

const tags = ['tasks'];
const params = z.object({ orgId: z.uuid() });
const taskParams = params.extend({ taskId: z.uuid() });

function viewerOf(request: FastifyRequest): TaskViewer {
  return {
    userId: principalOf(request).userId,
    seesAll: actingOf(request).holds('tasks.read_all'),
  };
}

export function registerTaskRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/orgs/:orgId/tasks',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'Tasks, by due date; workforce members see their own',
        params,
        querystring: TaskQuerySchema,
        response: { 200: TaskListSchema },
      },
    },
    (request) => listTaskPage(deps, request.params.orgId, viewerOf(request), request.query),
  );

  app.post(
    '/api/orgs/:orgId/tasks',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Create a task, optionally recurring and linked to records',
        params,
        body: TaskCreateBodySchema,
        response: { 201: TaskDetailSchema },
      },
    },
    async (request, reply) => {
      const task = await createTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        viewerOf(request),
        request.body,
      );
      return reply.code(201).send(task);
    },
  );

  app.get(
    '/api/orgs/:orgId/tasks/:taskId',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'A task with its links',
        params: taskParams,
        response: { 200: TaskDetailSchema },
      },
    },
    (request) => getTask(deps, request.params.orgId, viewerOf(request), request.params.taskId),
  );

  app.patch(
    '/api/orgs/:orgId/tasks/:taskId',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        tags,
        summary: 'Change a task',
        params: taskParams,
        body: TaskUpdateBodySchema,
        response: { 200: TaskDetailSchema },
      },
    },
    (request) =>
      changeTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        viewerOf(request),
        request.params.taskId,
        request.body,
      ),
  );

  app.post(
    '/api/orgs/:orgId/tasks/:taskId/complete',
    {
      config: { permission: 'tasks.complete' },
      schema: {
        tags,
        summary:
          'Complete a task with a note and evidence; a recurring task gets its next occurrence',
        params: taskParams,
        body: TaskCompleteBodySchema,
        response: { 200: TaskCompletionSchema },
      },
    },
    (request) =>
      completeTask(
        deps,
        auditContextOf(request),
        request.params.orgId,
        viewerOf(request),
        request.params.taskId,
        request.body,
      ),
  );
}
