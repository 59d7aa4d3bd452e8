import { v7 as uuidv7 } from 'uuid';
import type { Course, CourseBody, CourseKind } from '../../../contracts/training';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { getEvidenceItem } from '../evidence/service';
import { loadTrainingModules, type TrainingModule } from './content';
import { findCourse, insertCourse, listCourses } from './repository';
import type { TrainingCoursesTable } from './tables';

/** A built-in module by id; undefined when the library has none of that id. */
export function moduleOf(id: string): TrainingModule | undefined {
  return loadTrainingModules().find((m) => m.id === id);
}

function presentModule(m: TrainingModule): Course {
  return {
    id: m.id,
    kind: 'module',
    title: m.title,
    summary: m.summary,
    minutes: m.minutes,
    passMark: m.passMark,
    url: null,
    evidenceItemId: null,
  };
}

export function presentExternal(row: TrainingCoursesTable): Course {
  return {
    id: row.id,
    kind: 'external',
    title: row.title,
    summary: row.summary,
    minutes: null,
    passMark: null,
    url: row.url,
    evidenceItemId: row.evidence_id,
  };
}

/** The built-in modules (content/training), then the organization's external courses. */
export async function listAllCourses(deps: AppDeps, orgId: string) {
  const external = await listCourses(deps.database.db, orgId);
  return {
    data: [...loadTrainingModules().map(presentModule), ...external.map(presentExternal)],
  };
}

/** The course a request names: a module id or one of the organization's external courses. */
export async function resolveCourse(
  db: Db,
  orgId: string,
  courseId: string,
  field: string,
): Promise<{ kind: CourseKind; key: string; title: string }> {
  const module = moduleOf(courseId);
  if (module) return { kind: 'module', key: module.id, title: module.title };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(courseId);
  const row = uuid ? await findCourse(db, orgId, courseId) : undefined;
  if (!row) throw AppError.field(field, 'names no course of this organization');
  return { kind: 'external', key: row.id, title: row.title };
}

/** Adds an external course: a link, or a file already kept in the evidence vault. */
export async function createExternalCourse(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: CourseBody,
): Promise<Course> {
  const url = body.url ?? null;
  const evidenceId = body.evidenceItemId ?? null;
  if (url === null && evidenceId === null) {
    throw AppError.field(
      'body.url',
      'is required unless the course is a file of the evidence vault',
    );
  }
  if (evidenceId !== null) {
    try {
      await getEvidenceItem(deps, orgId, evidenceId);
    } catch {
      throw AppError.field('body.evidenceItemId', 'names no evidence of this organization');
    }
  }
  const row: TrainingCoursesTable = {
    id: uuidv7(),
    org_id: orgId,
    title: body.title,
    summary: body.summary ?? '',
    url,
    evidence_id: evidenceId,
    created_at: deps.clock.now().toISOString(),
    created_by: context.actor.type === 'user' ? context.actor.id : null,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await insertCourse(trx, row);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'training_course.created',
      entity: { type: 'training_course', id: row.id },
      changes: {
        title: { after: row.title },
        ...(url === null ? {} : { url: { after: url } }),
        ...(evidenceId === null ? {} : { evidenceItemId: { after: evidenceId } }),
      },
    });
  });
  return presentExternal(row);
}
