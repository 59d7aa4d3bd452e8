import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { LinkType } from '../../../contracts/links';
import { countOf } from '../../../contracts/words';
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KIND_HEADLINES,
  type Delivery,
  type NotificationKind,
} from '../../../contracts/notifications';
import type { Database } from '../../db/schema';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { recordPath, renderEmail } from './email';
import {
  existingKeys,
  findDelivery,
  findLiveRecipient,
  findPersonName,
  insertNotificationOnce,
  insertNotificationsOnce,
  markEmailed,
} from './repository';
import type { NotificationsTable } from './tables';

/** Emails one person gets at once from one sweep; more of them go to the daily digest. */
const EMAILS_AT_ONCE = 3;

type Recipient = Awaited<ReturnType<typeof findLiveRecipient>>;

/** What notifying many people in one go looks up once: recipients, choices, emails sent. */
export interface NotifyMemo {
  readonly recipients: Map<string, Promise<Recipient>>;
  readonly deliveries: Map<string, Promise<Delivery>>;
  readonly emails: Map<string, number>;
}

/** A fresh memo: one per sweep of one organization. */
export function notifyMemo(): NotifyMemo {
  return { recipients: new Map(), deliveries: new Map(), emails: new Map() };
}

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const loaded = load();
  cache.set(key, loaded);
  return loaded;
}

/** What another feature tells a person about. */
export interface NotifyInput {
  readonly orgId: string;
  /** The recipient. */
  readonly userId: string;
  readonly kind: NotificationKind;
  /** The record it is about, as a link end: the app names and opens it through the links registry. */
  readonly record: { readonly type: LinkType; readonly id: string };
  /** Short, never PHI: what happened and the record's reference or name. */
  readonly title: string;
  readonly dueOn?: string | null;
  /**
   * Unique per person and organization, forever: a reminder for the same thing and the same due
   * date is sent once (`task.due_soon:<taskId>:<dueOn>`).
   */
  readonly key: string;
  /** Words for the email only (a security reminder's message), never stored with the notice. */
  readonly detail?: string;
  /** An outside address the email also links to (a security reminder's link). */
  readonly moreUrl?: string | null;
}

/** The row of a notice, kept for the digest when `delivery` is `digest`. */
function notificationRow(input: NotifyInput, delivery: Delivery, now: string): NotificationsTable {
  return {
    id: uuidv7(),
    org_id: input.orgId,
    user_id: input.userId,
    kind: input.kind,
    record_type: input.record.type,
    record_id: input.record.id,
    title: input.title.slice(0, 300),
    due_on: input.dueOn ?? null,
    idempotency_key: input.key,
    created_at: now,
    read_at: null,
    emailed_at: null,
    digest_pending: delivery === 'digest' ? 1 : 0,
    digested_at: null,
  };
}

/**
 * Notifies a person inside the caller's transaction, so the notice exists only if the change
 * committed. True when created; false when the key already existed, or when the person is no
 * longer a member whose access is live (164.308(a)(3)(ii)(C): nothing is sent to someone whose
 * access ended). Per the person's choice for the kind: email at once (queued in the same
 * transaction), kept for the daily digest, or off (the bell alone).
 */
export async function notifyIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  input: NotifyInput,
  memo: NotifyMemo = notifyMemo(),
): Promise<boolean> {
  return (await notifyDeliveryIn(trx, deps, input, memo)) !== null;
}

/**
 * As `notifyIn`, answering how the notice went out (the person's choice, or the digest when a
 * sweep already emailed them enough), or null when nothing was created.
 */
export async function notifyDeliveryIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  input: NotifyInput,
  memo: NotifyMemo = notifyMemo(),
): Promise<Delivery | null> {
  const now = deps.clock.now().toISOString();
  const recipient = await once(memo.recipients, input.userId, () =>
    findLiveRecipient(trx, input.orgId, input.userId, now),
  );
  if (!recipient) return null;
  const chosen = await once(
    memo.deliveries,
    `${input.userId} ${input.kind}`,
    async () =>
      (await findDelivery(trx, input.orgId, input.userId, input.kind)) ??
      DEFAULT_DELIVERY[input.kind],
  );
  // A sweep that finds a backlog sends a person a few emails at once; the rest wait for the digest.
  const emailed = memo.emails.get(input.userId) ?? 0;
  const delivery = chosen === 'immediately' && emailed >= EMAILS_AT_ONCE ? 'digest' : chosen;
  if (delivery === 'immediately') memo.emails.set(input.userId, emailed + 1);
  const row = notificationRow(input, delivery, now);
  const { id } = row;
  const created = await insertNotificationOnce(trx, row);
  if (!created) return null;
  if (delivery === 'immediately') {
    const more = input.moreUrl
      ? [{ record: input.record, title: 'Read more', url: input.moreUrl }]
      : [];
    await emailNowIn(trx, deps, recipient, input.orgId, input.kind, [input, ...more], {
      subject: `Custos: ${input.title}`,
      intro: input.detail
        ? `Hello ${recipient.name}, ${input.detail}`
        : `Hello ${recipient.name}, this needs your attention in Custos.`,
    });
    await markEmailed(trx, input.orgId, id, now);
  }
  return delivery;
}

/** One email to a person about one or more notices of one kind, queued in the transaction. */
async function emailNowIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  recipient: NonNullable<Recipient>,
  orgId: string,
  kind: NotificationKind,
  notices: readonly (Pick<NotifyInput, 'record' | 'title' | 'dueOn'> & { url?: string })[],
  words: { subject: string; intro: string },
): Promise<void> {
  const label = NOTIFICATION_KIND_HEADLINES[kind];
  const email = renderEmail({
    heading: label,
    intro: words.intro,
    sections: [
      {
        heading: label,
        items: notices.map((notice) => ({
          title: notice.title,
          dueOn: notice.dueOn ?? null,
          url: notice.url ?? `${deps.baseUrl}${recordPath(notice.record.type, notice.record.id)}`,
        })),
      },
    ],
    footer: 'Choose which emails you receive',
    footerUrl: `${deps.baseUrl}/profile#notifications`,
  });
  await deps.mailer.queue(trx, deps, {
    orgId,
    to: recipient.email,
    subject: words.subject,
    text: email.text,
    html: email.html,
  });
}

/** Who a notice says did it: a person's name, or an API token's label. */
async function actorName(trx: Transaction<Database>, context: AuditContext): Promise<string> {
  const { actor } = context;
  const name = actor.type === 'user' && actor.id ? await findPersonName(trx, actor.id) : undefined;
  // An empty name (never set) reads as no name.
  return name !== undefined && name !== '' ? name : (actor.label ?? 'Someone');
}

/** "Dana Whitfield assigned you TASK-12 …" / "… handed you RISK-3 …": who named the new owner. */
function byWhom(actor: string, recordType: LinkType, title: string): string {
  return `${actor} ${recordType === 'task' ? 'assigned' : 'handed'} you ${title}`;
}

/**
 * Tells a record's new owner (a task's: `task.assigned`; another record's: `record.owner_changed`)
 * when someone else named them: not when people name themselves, not when nothing changed, and not
 * for what Custos does on its own (the demo, the command line). Call it in the transaction that
 * changed the owner.
 */
export async function notifyNewOwnerIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  input: {
    readonly orgId: string;
    readonly ownerId: string | null | undefined;
    readonly previousOwnerId: string | null;
    readonly record: NotifyInput['record'];
    readonly title: string;
    readonly dueOn?: string | null;
  },
): Promise<boolean> {
  const { ownerId, previousOwnerId } = input;
  if (!ownerId || ownerId === previousOwnerId) return false;
  const { actor } = context;
  if (actor.type !== 'user' && actor.type !== 'token') return false;
  if (actor.type === 'user' && actor.id === ownerId) return false;
  const kind = input.record.type === 'task' ? 'task.assigned' : 'record.owner_changed';
  return notifyIn(trx, deps, {
    orgId: input.orgId,
    userId: ownerId,
    kind,
    record: input.record,
    title: byWhom(await actorName(trx, context), input.record.type, input.title),
    dueOn: input.dueOn ?? null,
    // Each handing-over is its own event: named again later, the person hears of it again.
    key: `${kind}:${input.record.type}:${input.record.id}:${uuidv7()}`,
  });
}

/**
 * Notifies each of `notices` (all of organization `orgId`) that its person has not had yet, in the
 * caller's transaction; returns how many were created. The sweeps' entry: what was sent before is
 * found in one query per 500 keys, so a sweep that finds nothing new costs a few reads.
 */
export async function notifyEachOnceIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  orgId: string,
  notices: readonly NotifyInput[],
  memo: NotifyMemo = notifyMemo(),
): Promise<number> {
  const known = await existingKeys(trx, orgId, [...new Set(notices.map((n) => n.key))]);
  const now = deps.clock.now().toISOString();
  let created = 0;
  // Notices that send no email now are written together, many rows per statement.
  const quiet: NotificationsTable[] = [];
  for (const notice of notices) {
    if (notice.orgId !== orgId || known.has(`${notice.userId} ${notice.key}`)) continue;
    const recipient = await once(memo.recipients, notice.userId, () =>
      findLiveRecipient(trx, orgId, notice.userId, now),
    );
    if (!recipient) continue;
    const chosen = await once(
      memo.deliveries,
      `${notice.userId} ${notice.kind}`,
      async () =>
        (await findDelivery(trx, orgId, notice.userId, notice.kind)) ??
        DEFAULT_DELIVERY[notice.kind],
    );
    if (chosen === 'immediately' && (memo.emails.get(notice.userId) ?? 0) < EMAILS_AT_ONCE) {
      created += (await notifyIn(trx, deps, notice, memo)) ? 1 : 0;
    } else {
      quiet.push(notificationRow(notice, chosen === 'off' ? 'off' : 'digest', now));
    }
  }
  return created + (await insertNotificationsOnce(trx, quiet));
}

/** A record handed to a new owner, as `notifyHandoverIn` lists it. */
export interface HandedRecord {
  readonly record: NotifyInput['record'];
  readonly title: string;
  readonly dueOn: string | null;
}

/**
 * Tells a person that many records were handed to them at once (a leaver's open tasks): a notice
 * per record in the bell, and, if they take these at once by email, one email listing them all
 * rather than one per record. The same rules as `notifyNewOwnerIn` decide whether to tell them.
 * Returns how many notices were created.
 */
export async function notifyHandoverIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  input: {
    readonly orgId: string;
    readonly ownerId: string | null;
    readonly previousOwnerId: string | null;
    readonly kind: NotificationKind;
    readonly records: readonly HandedRecord[];
  },
): Promise<number> {
  const { orgId, ownerId, previousOwnerId, kind, records } = input;
  if (!ownerId || ownerId === previousOwnerId || records.length === 0) return 0;
  const { actor } = context;
  if (actor.type !== 'user' && actor.type !== 'token') return 0;
  if (actor.type === 'user' && actor.id === ownerId) return 0;
  const now = deps.clock.now().toISOString();
  const recipient = await findLiveRecipient(trx, orgId, ownerId, now);
  if (!recipient) return 0;
  const delivery = (await findDelivery(trx, orgId, ownerId, kind)) ?? DEFAULT_DELIVERY[kind];
  const by = await actorName(trx, context);
  const rows = records.map((handed) => ({
    ...notificationRow(
      {
        orgId,
        userId: ownerId,
        kind,
        record: handed.record,
        title: byWhom(by, handed.record.type, handed.title),
        dueOn: handed.dueOn,
        key: `${kind}:${handed.record.type}:${handed.record.id}:${uuidv7()}`,
      },
      delivery,
      now,
    ),
    emailed_at: delivery === 'immediately' ? now : null,
  }));
  const created = await insertNotificationsOnce(trx, rows);
  if (delivery === 'immediately') {
    const only = records.length === 1 ? records[0] : undefined;
    const what = countOf(records.length, records[0]?.record.type === 'task' ? 'task' : 'record');
    await emailNowIn(trx, deps, recipient, orgId, kind, records, {
      subject: only
        ? `Custos: ${byWhom(by, only.record.type, only.title)}`
        : `Custos: ${by} handed ${what} over to you`,
      intro: `Hello ${recipient.name}, ${by} handed ${only ? 'this' : what} over to you in Custos.`,
    });
  }
  return created;
}
