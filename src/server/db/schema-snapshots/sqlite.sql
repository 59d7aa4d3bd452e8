-- table access_grants
CREATE TABLE "access_grants" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "person_id" text not null, "asset_id" text not null, "access_level" text not null, "justification" text not null, "approved_by" text not null references "users" ("id"), "granted_on" text not null, "revoked_on" text, "revoked_by" text references "users" ("id"), "created_at" text not null, "updated_at" text not null, constraint "access_grants_org_number_unique" unique ("org_id", "number"));

-- index access_grants_org_asset
CREATE INDEX "access_grants_org_asset" on "access_grants" ("org_id", "asset_id");

-- index access_grants_org_person
CREATE INDEX "access_grants_org_person" on "access_grants" ("org_id", "person_id");

-- table access_review_items
CREATE TABLE "access_review_items" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "review_id" text not null references "access_reviews" ("id"), "position" integer not null, "account" text not null, "person_text" text not null, "access_level" text not null, "person_id" text, "matched_by" text check (matched_by in ('email','employee_id','name','grant')), "left_before_period" integer default 0 not null, "grant_id" text, "decision" text check (decision in ('keep','modify','revoke')), "comment" text default '' not null, "decided_by" text references "users" ("id"), "decided_at" text, "task_id" text, constraint "access_review_items_position_unique" unique ("review_id", "position"));

-- index access_review_items_org_review
CREATE INDEX "access_review_items_org_review" on "access_review_items" ("org_id", "review_id", "position");

-- table access_reviews
CREATE TABLE "access_reviews" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "asset_id" text not null, "reviewer_id" text not null references "users" ("id"), "period_start" text not null, "period_end" text not null, "due_on" text not null, "recurrence" text not null check (recurrence in ('none','quarterly','half_yearly','yearly')), "source" text not null check (source in ('csv','grants')), "status" text not null check (status in ('open','completed')), "previous_id" text, "completed_at" text, "completed_by" text references "users" ("id"), "report_evidence_id" text, "created_by" text references "users" ("id"), "created_at" text not null, "updated_at" text not null, constraint "access_reviews_org_number_unique" unique ("org_id", "number"), constraint "access_reviews_previous_unique" unique ("org_id", "previous_id"), constraint "access_reviews_period" check (period_end >= period_start));

-- index access_reviews_org_status_due
CREATE INDEX "access_reviews_org_status_due" on "access_reviews" ("org_id", "status", "due_on");

-- table api_tokens
CREATE TABLE "api_tokens" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "user_id" text not null references "users" ("id"), "name" text not null, "role" text not null check (role in ('owner','admin','security_officer','privacy_officer','contributor','workforce','auditor')), "token_hash" text not null unique, "prefix" text not null, "created_at" text not null, "expires_at" text not null, "last_used_at" text, "revoked_at" text);

-- index api_tokens_user_idx
CREATE INDEX "api_tokens_user_idx" on "api_tokens" ("user_id");

-- table assets
CREATE TABLE "assets" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "kind" text not null check (kind in ('application','server','workstation','mobile_device','medical_device','network_device','cloud_service','removable_media','facility','workflow')), "name" text not null, "description" text default '' not null, "owner_id" text references "users" ("id"), "location" text default '' not null, "vendor" text default '' not null, "ephi_roles" text default '[]' not null, "holds_ephi" integer default 0 not null, "record_count" integer, "criticality" text not null check (criticality in ('low','moderate','high','critical')), "encryption_at_rest" text not null check (encryption_at_rest in ('yes','partial','no','unknown','not_applicable')), "encryption_in_transit" text not null check (encryption_in_transit in ('yes','partial','no','unknown','not_applicable')), "mfa" text not null check (mfa in ('yes','partial','no','unknown','not_applicable')), "backup" text not null check (backup in ('yes','partial','no','unknown','not_applicable')), "lifecycle" text not null check (lifecycle in ('planned','active','retired','disposed')), "created_at" text not null, "updated_at" text not null, constraint "assets_org_number_unique" unique ("org_id", "number"));

-- index assets_org_ephi_idx
CREATE INDEX "assets_org_ephi_idx" on "assets" ("org_id", "holds_ephi", "number");

-- index assets_org_kind_idx
CREATE INDEX "assets_org_kind_idx" on "assets" ("org_id", "kind", "number");

-- trigger audit_chain_heads_forward
CREATE TRIGGER audit_chain_heads_forward before update on audit_chain_heads
      when new.chain <> old.chain or new.seq < old.seq
        or (new.seq = old.seq and new.hash <> old.hash)
        or (old.keyed_from is not null and new.keyed_from is not old.keyed_from)
      begin select raise(abort, 'audit_chain_heads only move forward'); end;

-- trigger audit_chain_heads_no_delete
CREATE TRIGGER audit_chain_heads_no_delete before delete on audit_chain_heads
      begin select raise(abort, 'audit_chain_heads rows cannot be deleted'); end;

-- table audit_chain_heads
CREATE TABLE "audit_chain_heads" ("chain" text primary key, "seq" integer not null, "hash" text not null, "keyed_from" integer, "mac" text);

-- trigger audit_checkpoints_no_delete
CREATE TRIGGER audit_checkpoints_no_delete before delete on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end;

-- trigger audit_checkpoints_no_update
CREATE TRIGGER audit_checkpoints_no_update before update on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end;

-- table audit_checkpoints
CREATE TABLE "audit_checkpoints" ("id" text primary key, "taken_at" text not null, "reason" text not null check (reason in ('command', 'export', 'schedule')), "payload" text not null, "signature" text not null, "public_key" text not null);

-- index audit_checkpoints_taken_idx
CREATE INDEX "audit_checkpoints_taken_idx" on "audit_checkpoints" ("taken_at");

-- trigger audit_events_no_delete
CREATE TRIGGER audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only'); end;

-- trigger audit_events_no_update
CREATE TRIGGER audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only'); end;

-- table audit_events
CREATE TABLE "audit_events" ("id" text primary key, "chain" text not null, "seq" integer not null, "org_id" text, "occurred_at" text not null, "actor_type" text not null check (actor_type in ('user', 'token', 'system', 'anonymous')), "actor_id" text, "actor_label" text, "action" text not null, "entity_type" text, "entity_id" text, "changes" text, "outcome" text not null check (outcome in ('success', 'denied', 'failure')), "ip" text, "user_agent" text, "request_id" text, "prev_hash" text not null, "hash" text not null, constraint "audit_events_chain_seq_unique" unique ("chain", "seq"));

-- index audit_events_entity_idx
CREATE INDEX "audit_events_entity_idx" on "audit_events" ("org_id", "entity_type", "entity_id");

-- index audit_events_org_time_idx
CREATE INDEX "audit_events_org_time_idx" on "audit_events" ("org_id", "occurred_at");

-- table auth_throttle
CREATE TABLE "auth_throttle" ("key" text primary key, "failures" integer not null, "last_failure_at" text not null, "locked_until" text);

-- table breach_determinations
CREATE TABLE "breach_determinations" ("id" text primary key, "org_id" text not null, "incident_id" text not null, "version" integer not null, "status" text not null check (status in ('draft','approved')), "reason" text, "entity_type" text check (entity_type in ('covered_entity','business_associate')), "discovered_on" text not null, "phi" text, "exclusion" text, "factors" text, "facts" text, "conclusion" text, "saved" text not null, "outcome" text check (outcome in ('no_phi','secured','excluded','low_probability','breach')), "approved_at" text, "approved_by" text references "users" ("id"), "approval_note" text, "created_at" text not null, "created_by" text references "users" ("id"), "updated_at" text not null, constraint "breach_determinations_version_unique" unique ("org_id", "incident_id", "version"), constraint "breach_determinations_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id"));

-- index breach_determinations_org_outcome_idx
CREATE INDEX "breach_determinations_org_outcome_idx" on "breach_determinations" ("org_id", "status", "outcome");

-- table breach_letters
CREATE TABLE "breach_letters" ("org_id" text not null, "incident_id" text not null, "body" text not null, "updated_at" text not null, "updated_by" text references "users" ("id"), constraint "breach_letters_pk" primary key ("org_id", "incident_id"), constraint "breach_letters_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id"));

-- table breach_log_submissions
CREATE TABLE "breach_log_submissions" ("org_id" text not null references "organizations" ("id"), "year" integer not null, "submitted_on" text not null, "note" text not null, "recorded_at" text not null, "recorded_by" text references "users" ("id"), constraint "breach_log_submissions_pk" primary key ("org_id", "year"));

-- table breach_media_notices
CREATE TABLE "breach_media_notices" ("org_id" text not null, "incident_id" text not null, "state" text not null, "body" text not null, "updated_at" text not null, "updated_by" text references "users" ("id"), constraint "breach_media_notices_pk" primary key ("org_id", "incident_id", "state"), constraint "breach_media_notices_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id"));

-- table breach_notices
CREATE TABLE "breach_notices" ("id" text primary key, "org_id" text not null, "incident_id" text not null, "kind" text not null check (kind in ('individual_mail','individual_email','substitute_web','substitute_media','media','hhs','covered_entity')), "sent_on" text not null, "state" text, "people" integer, "channel" text not null, "note" text not null, "evidence_id" text, "recorded_at" text not null, "recorded_by" text references "users" ("id"), "corrected_at" text, "corrected_by" text references "users" ("id"), "correction_reason" text, constraint "breach_notices_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id"));

-- index breach_notices_org_incident_idx
CREATE INDEX "breach_notices_org_incident_idx" on "breach_notices" ("org_id", "incident_id", "sent_on");

-- table breach_unreachable
CREATE TABLE "breach_unreachable" ("org_id" text not null, "incident_id" text not null, "unreachable" integer not null check (unreachable >= 0), "updated_at" text not null, "updated_by" text references "users" ("id"), constraint "breach_unreachable_pk" primary key ("org_id", "incident_id"), constraint "breach_unreachable_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id"));

-- table checklist_template_items
CREATE TABLE "checklist_template_items" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "kind" text not null check (kind in ('onboarding','termination')), "position" integer not null, "title" text not null, "department_id" text, "job_role" text, "created_at" text not null);

-- index checklist_template_items_org_kind
CREATE INDEX "checklist_template_items_org_kind" on "checklist_template_items" ("org_id", "kind", "position");

-- table data_flow_map_positions
CREATE TABLE "data_flow_map_positions" ("org_id" text not null references "organizations" ("id"), "asset_id" text not null references "assets" ("id"), "x" integer not null, "y" integer not null, "saved_at" text not null, "saved_by" text references "users" ("id"), constraint "data_flow_map_positions_pk" primary key ("org_id", "asset_id"));

-- table data_flows
CREATE TABLE "data_flows" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "from_asset_id" text not null references "assets" ("id"), "to_asset_id" text not null references "assets" ("id"), "ephi" text default '' not null, "protocol" text default '' not null, "encrypted" text not null check (encrypted in ('yes','no','unknown')), "external" integer default 0 not null, "created_at" text not null, "updated_at" text not null, constraint "data_flows_org_number_unique" unique ("org_id", "number"));

-- table departments
CREATE TABLE "departments" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "name" text not null, "name_key" text not null, "archived_at" text, "created_at" text not null, "updated_at" text not null, constraint "departments_org_id_unique" unique ("org_id", "id"), constraint "departments_org_name_unique" unique ("org_id", "name_key"));

-- table document_reviews
CREATE TABLE "document_reviews" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "document_id" text not null references "documents" ("id"), "version_id" text not null references "document_versions" ("id"), "reviewed_at" text not null, "reviewed_by" text references "users" ("id"), "note" text default '' not null, "next_review_on" text not null);

-- index document_reviews_org_document_idx
CREATE INDEX "document_reviews_org_document_idx" on "document_reviews" ("org_id", "document_id");

-- table document_versions
CREATE TABLE "document_versions" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "document_id" text not null references "documents" ("id"), "number" integer not null, "status" text not null, "title" text not null, "kind" text not null, "body" text not null, "sha256" text not null, "change_summary" text default '' not null, "based_on_number" integer, "created_at" text not null, "created_by" text references "users" ("id"), "submitted_at" text, "submitted_by" text references "users" ("id"), "submitters" text default '[]' not null, "approved_at" text, "approved_by" text references "users" ("id"), "approval_note" text default '' not null, "effective_on" text, "ended_at" text, "retain_until" text, "updated_at" text not null, constraint "document_versions_document_number_unique" unique ("document_id", "number"));

-- index document_versions_one_in_effect_unique
CREATE UNIQUE INDEX "document_versions_one_in_effect_unique" on "document_versions" ("document_id") where "status" = 'in_effect';

-- index document_versions_one_open_unique
CREATE UNIQUE INDEX "document_versions_one_open_unique" on "document_versions" ("document_id") where "status" in ('draft', 'in_review');

-- index document_versions_org_document_idx
CREATE INDEX "document_versions_org_document_idx" on "document_versions" ("org_id", "document_id");

-- table documents
CREATE TABLE "documents" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "title" text not null, "kind" text not null, "category" text default '' not null, "owner_id" text references "users" ("id"), "review_months" integer default 12 not null, "next_review_on" text, "created_at" text not null, "created_by" text references "users" ("id"), "updated_at" text not null, constraint "documents_org_number_unique" unique ("org_id", "number"));

-- index documents_org_review_idx
CREATE INDEX "documents_org_review_idx" on "documents" ("org_id", "next_review_on");

-- table evidence_items
CREATE TABLE "evidence_items" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "kind" text not null check (kind in ('file', 'link')), "title" text not null, "description" text default '' not null, "url" text, "file_name" text, "file_size" integer, "file_type" text, "file_sha256" text, "blob_key" text unique, "sealed_key" text, "collected_on" text, "effective_from" text, "effective_to" text, "refresh_on" text, "owner_id" text references "users" ("id"), "retain_until" text not null, "created_at" text not null, "created_by" text references "users" ("id"), "updated_at" text not null, "file_checked_stamp" text, "file_checked_at" text, constraint "evidence_items_org_number_unique" unique ("org_id", "number"), constraint "evidence_items_kind_fields" check ((kind = 'file' and url is null and file_name is not null and file_size is not null and file_type is not null and file_sha256 is not null and blob_key is not null and sealed_key is not null) or (kind = 'link' and url is not null and file_name is null and blob_key is null and sealed_key is null)));

-- index evidence_items_org_refresh_idx
CREATE INDEX "evidence_items_org_refresh_idx" on "evidence_items" ("org_id", "refresh_on");

-- table incident_assets
CREATE TABLE "incident_assets" ("org_id" text not null, "incident_id" text not null, "asset_id" text not null, constraint "incident_assets_pk" primary key ("incident_id", "asset_id"), constraint "incident_assets_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id") on delete cascade);

-- table incident_people
CREATE TABLE "incident_people" ("org_id" text not null, "incident_id" text not null, "person_id" text not null, constraint "incident_people_pk" primary key ("incident_id", "person_id"), constraint "incident_people_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id") on delete cascade);

-- table incident_report_links
CREATE TABLE "incident_report_links" ("org_id" text primary key references "organizations" ("id"), "token_hash" text not null unique, "created_at" text not null, "created_by" text references "users" ("id"));

-- table incident_severity_levels
CREATE TABLE "incident_severity_levels" ("org_id" text not null references "organizations" ("id"), "level" integer not null, "name" text not null, "definition" text not null, constraint "incident_severity_levels_pk" primary key ("org_id", "level"));

-- table incident_timeline
CREATE TABLE "incident_timeline" ("id" text primary key, "org_id" text not null, "incident_id" text not null, "kind" text not null check (kind in ('change','note','call','evidence','decision')), "text" text not null, "at" text not null, "recorded_at" text not null, "actor_id" text references "users" ("id"), "actor_label" text not null, "evidence_id" text, constraint "incident_timeline_incident_fk" foreign key ("org_id", "incident_id") references "incidents" ("org_id", "id") on delete cascade);

-- index incident_timeline_incident_idx
CREATE INDEX "incident_timeline_incident_idx" on "incident_timeline" ("org_id", "incident_id", "at");

-- table incidents
CREATE TABLE "incidents" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "year" integer not null, "number" integer not null, "title" text not null, "description" text default '' not null, "category" text not null check (category in ('malware','phishing','lost_device','unauthorized_access','insider_misuse','misdirected_communication','system_outage','vendor_incident','other')), "severity" integer, "status" text not null check (status in ('reported','triage','contained','eradicated','recovered','closed','not_an_incident')), "source" text not null check (source in ('member','anonymous','recorded')), "reported_by" text references "users" ("id"), "reporter_contact" text, "reported_at" text not null, "occurred_at" text, "discovered_at" text, "discovered_time_zone" text not null, "business_associate" text default '' not null, "system" text default '' not null, "owner_id" text references "users" ("id"), "review_root_cause" text, "review_what_worked" text, "review_lessons" text, "reviewed_at" text, "reviewed_by" text references "users" ("id"), "checklist_applied_at" text, "closed_at" text, "created_at" text not null, "updated_at" text not null, constraint "incidents_org_id_unique" unique ("org_id", "id"), constraint "incidents_org_year_number_unique" unique ("org_id", "year", "number"));

-- index incidents_org_reporter_idx
CREATE INDEX "incidents_org_reporter_idx" on "incidents" ("org_id", "reported_by");

-- index incidents_org_status_idx
CREATE INDEX "incidents_org_status_idx" on "incidents" ("org_id", "status");

-- table instance
CREATE TABLE "instance" ("singleton" integer primary key check (singleton = 1), "id" text not null unique, "created_at" text not null, "setup_completed_at" text);

-- table invitations
CREATE TABLE "invitations" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "email" text not null, "email_key" text not null, "role" text not null check (role in ('owner','admin','security_officer','privacy_officer','contributor','workforce','auditor')), "access_expires_at" text, "token_hash" text not null unique, "invited_by" text not null references "users" ("id"), "created_at" text not null, "expires_at" text not null, "accepted_at" text, "revoked_at" text);

-- index invitations_org_idx
CREATE INDEX "invitations_org_idx" on "invitations" ("org_id");

-- table job_keys
CREATE TABLE "job_keys" ("queue" text not null, "key" text not null, "created_at" text not null, constraint "job_keys_pk" primary key ("queue", "key"));

-- table job_schedule_runs
CREATE TABLE "job_schedule_runs" ("schedule" text not null, "due_at" text not null, "enqueued_at" text not null, constraint "job_schedule_runs_pk" primary key ("schedule", "due_at"));

-- table jobs
CREATE TABLE "jobs" ("id" text primary key, "queue" text not null, "payload" text not null, "state" text not null check (state in ('waiting','running','retrying','done','dead','cancelled')), "attempts" integer not null, "retry_limit" integer not null, "retry_delay_seconds" integer not null, "run_after" text not null, "created_at" text not null, "started_at" text, "finished_at" text, "last_error" text);

-- index jobs_due_idx
CREATE INDEX "jobs_due_idx" on "jobs" ("state", "run_after");

-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);

-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);

-- table legal_holds
CREATE TABLE "legal_holds" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "record_type" text not null, "record_id" text not null, "record_label" text not null, "reason" text not null, "placed_by" text references "users" ("id"), "placed_at" text not null, "released_by" text references "users" ("id"), "released_at" text, "release_reason" text, constraint "legal_holds_org_number_unique" unique ("org_id", "number"));

-- index legal_holds_one_in_force_idx
CREATE UNIQUE INDEX "legal_holds_one_in_force_idx" on "legal_holds" ("org_id", "record_type", "record_id") where released_at is null;

-- index legal_holds_org_record_idx
CREATE INDEX "legal_holds_org_record_idx" on "legal_holds" ("org_id", "record_type", "record_id");

-- table memberships
CREATE TABLE "memberships" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "user_id" text not null references "users" ("id"), "role" text not null check (role in ('owner','admin','security_officer','privacy_officer','contributor','workforce','auditor')), "access_expires_at" text, "created_at" text not null, constraint "memberships_org_user_unique" unique ("org_id", "user_id"));

-- index memberships_user_idx
CREATE INDEX "memberships_user_idx" on "memberships" ("user_id");

-- table negligible_pairs
CREATE TABLE "negligible_pairs" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "assessment_id" text not null references "risk_assessments" ("id"), "asset_id" text not null references "assets" ("id"), "threat_id" text not null, "reason" text not null, "decided_by" text references "users" ("id"), "decided_at" text not null, constraint "negligible_pairs_assessment_pair_unique" unique ("assessment_id", "asset_id", "threat_id"));

-- index negligible_pairs_org_assessment_idx
CREATE INDEX "negligible_pairs_org_assessment_idx" on "negligible_pairs" ("org_id", "assessment_id");

-- table notification_digests
CREATE TABLE "notification_digests" ("org_id" text not null references "organizations" ("id"), "user_id" text not null references "users" ("id"), "local_day" text not null, "sent_at" text not null, "items" integer not null, constraint "notification_digests_pk" primary key ("org_id", "user_id", "local_day"));

-- table notification_preferences
CREATE TABLE "notification_preferences" ("org_id" text not null references "organizations" ("id"), "user_id" text not null references "users" ("id"), "kind" text not null, "delivery" text not null, "updated_at" text not null, constraint "notification_preferences_pk" primary key ("org_id", "user_id", "kind"));

-- table notification_settings
CREATE TABLE "notification_settings" ("org_id" text not null references "organizations" ("id"), "user_id" text not null references "users" ("id"), "digest_hour" integer not null, "updated_at" text not null, constraint "notification_settings_pk" primary key ("org_id", "user_id"));

-- table notifications
CREATE TABLE "notifications" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "user_id" text not null references "users" ("id"), "kind" text not null, "record_type" text not null, "record_id" text not null, "title" text not null, "due_on" text, "idempotency_key" text not null, "created_at" text not null, "read_at" text, "emailed_at" text, "digest_pending" integer default 0 not null, "digested_at" text, constraint "notifications_key_unique" unique ("org_id", "user_id", "idempotency_key"));

-- index notifications_person_idx
CREATE INDEX "notifications_person_idx" on "notifications" ("org_id", "user_id", "id");

-- index notifications_unread_idx
CREATE INDEX "notifications_unread_idx" on "notifications" ("org_id", "user_id", "read_at");

-- table organizations
CREATE TABLE "organizations" ("id" text primary key, "name" text not null, "time_zone" text default 'UTC' not null, "idle_timeout_minutes" integer default 15 not null check (idle_timeout_minutes between 5 and 60), "mfa_required" integer default 0 not null check (mfa_required in (0, 1)), "created_at" text not null, "entity_type" text check (entity_type in ('provider','health_plan','clearinghouse','business_associate','hybrid')), "includes_group_health_plan" integer default 0 not null, "includes_clearinghouse" integer default 0 not null, "size" text check (size in ('1-10','11-50','51-200','201-1000','1000+')), "locations" text default '[]' not null, "security_official_id" text references "users" ("id"), "security_official_since" text, "privacy_official_id" text references "users" ("id"), "privacy_official_since" text, "risk_matrix" text, "escalate_overdue_after_days" integer default 7 not null);

-- table outbox
CREATE TABLE "outbox" ("id" text primary key, "org_id" text, "to_email" text not null, "subject" text not null, "body_text" text not null, "created_at" text not null, "claimed_at" text, "sent_at" text, "error" text, "sealed" integer default 0 not null, "body_html" text);

-- index outbox_org_idx
CREATE INDEX "outbox_org_idx" on "outbox" ("org_id", "created_at");

-- table password_resets
CREATE TABLE "password_resets" ("token_hash" text primary key, "user_id" text not null references "users" ("id"), "created_at" text not null, "expires_at" text not null, "used_at" text, "issued_by" text references "users" ("id"), "org_id" text references "organizations" ("id"), "noticed_at" text);

-- index password_resets_user_idx
CREATE INDEX "password_resets_user_idx" on "password_resets" ("user_id", "created_at");

-- table people
CREATE TABLE "people" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "kind" text not null check (kind in ('employee','contractor','volunteer','trainee','student')), "name" text not null, "email" text, "email_key" text, "employee_id" text, "job_role" text default '' not null, "department_id" text, "manager_id" text, "location" text default '' not null, "start_date" text, "end_date" text, "clearance_outcome" text check (clearance_outcome in ('cleared','not_cleared','waived','pending')), "clearance_date" text, "clearance_note" text default '' not null, "authorization_note" text default '' not null, "supervision_note" text default '' not null, "user_id" text references "users" ("id"), "created_at" text not null, "updated_at" text not null, constraint "people_org_id_unique" unique ("org_id", "id"), constraint "people_org_number_unique" unique ("org_id", "number"), constraint "people_org_employee_id_unique" unique ("org_id", "employee_id"), constraint "people_org_email_unique" unique ("org_id", "email_key"), constraint "people_org_user_unique" unique ("org_id", "user_id"), constraint "people_department_fk" foreign key ("org_id", "department_id") references "departments" ("org_id", "id"), constraint "people_manager_fk" foreign key ("org_id", "manager_id") references "people" ("org_id", "id"));

-- index people_org_department_idx
CREATE INDEX "people_org_department_idx" on "people" ("org_id", "department_id");

-- index people_org_manager_idx
CREATE INDEX "people_org_manager_idx" on "people" ("org_id", "manager_id");

-- table person_checklist_items
CREATE TABLE "person_checklist_items" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "checklist_id" text not null, "item_key" text not null, "source" text not null check (source in ('account','devices','remote_access','template')), "title" text not null, "asset_id" text, "task_id" text not null, "due_at" text not null, "created_at" text not null, constraint "person_checklist_items_key_unique" unique ("org_id", "checklist_id", "item_key"), constraint "person_checklist_items_checklist_fk" foreign key ("org_id", "checklist_id") references "person_checklists" ("org_id", "id") on delete cascade);

-- index person_checklist_items_org_due
CREATE INDEX "person_checklist_items_org_due" on "person_checklist_items" ("org_id", "due_at");

-- table person_checklists
CREATE TABLE "person_checklists" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "person_id" text not null, "kind" text not null check (kind in ('onboarding','termination')), "status" text not null check (status in ('open','undone')), "end_date" text, "reason" text check (reason in ('resigned','dismissed','contract_ended','retired','other')), "note" text default '' not null, "previous_end_date" text, "previous_access_expires_at" text, "membership_id" text, "access_ends_at" text, "started_at" text not null, "started_by" text, "updated_at" text not null, constraint "person_checklists_org_id_unique" unique ("org_id", "id"), constraint "person_checklists_person_kind_unique" unique ("org_id", "person_id", "kind"), constraint "person_checklists_person_fk" foreign key ("org_id", "person_id") references "people" ("org_id", "id") on delete cascade);

-- table policy_acknowledgements
CREATE TABLE "policy_acknowledgements" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "document_id" text not null references "documents" ("id"), "version_id" text not null references "document_versions" ("id"), "version_sha256" text not null, "user_id" text not null references "users" ("id"), "acknowledged_at" text not null, constraint "policy_acknowledgements_version_user_unique" unique ("version_id", "user_id"));

-- index policy_acknowledgements_org_user_idx
CREATE INDEX "policy_acknowledgements_org_user_idx" on "policy_acknowledgements" ("org_id", "user_id");

-- table policy_audience
CREATE TABLE "policy_audience" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "document_id" text not null references "documents" ("id"), "role" text, "user_id" text references "users" ("id"));

-- index policy_audience_org_document_idx
CREATE INDEX "policy_audience_org_document_idx" on "policy_audience" ("org_id", "document_id");

-- table policy_publications
CREATE TABLE "policy_publications" ("document_id" text primary key references "documents" ("id"), "org_id" text not null references "organizations" ("id"), "due_days" integer not null, "published_at" text not null, "published_by" text references "users" ("id"));

-- index policy_publications_org_idx
CREATE INDEX "policy_publications_org_idx" on "policy_publications" ("org_id");

-- table record_links
CREATE TABLE "record_links" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "from_type" text not null, "from_id" text not null, "to_type" text not null, "to_id" text not null, "label" text, "created_at" text not null, "created_by" text references "users" ("id"), constraint "record_links_unique" unique ("org_id", "from_type", "from_id", "to_type", "to_id"));

-- index record_links_to_idx
CREATE INDEX "record_links_to_idx" on "record_links" ("org_id", "to_type", "to_id");

-- table recovery_codes
CREATE TABLE "recovery_codes" ("id" text primary key, "user_id" text not null references "users" ("id"), "code_hash" text not null, "used_at" text);

-- index recovery_codes_user_idx
CREATE INDEX "recovery_codes_user_idx" on "recovery_codes" ("user_id");

-- table reference_counters
CREATE TABLE "reference_counters" ("org_id" text not null references "organizations" ("id"), "kind" text not null, "last" integer not null, constraint "reference_counters_pk" primary key ("org_id", "kind"));

-- table retained_records
CREATE TABLE "retained_records" ("org_id" text not null references "organizations" ("id"), "record_type" text not null, "record_id" text not null, "opens_id" text not null, "label" text not null, "kept_from" text not null, "updated_at" text not null, "in_effect" integer default 0 not null, constraint "retained_records_pk" primary key ("org_id", "record_type", "record_id"));

-- index retained_records_org_kept_idx
CREATE INDEX "retained_records_org_kept_idx" on "retained_records" ("org_id", "kept_from", "record_id");

-- table retention_settings
CREATE TABLE "retention_settings" ("org_id" text primary key references "organizations" ("id"), "years" integer not null check (years >= 6), "updated_at" text not null, "updated_by" text references "users" ("id"));

-- table risk_assessments
CREATE TABLE "risk_assessments" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "title" text not null, "scope" text default '' not null, "method" text default '' not null, "participants" text default '[]' not null, "starts_on" text, "ends_on" text, "status" text not null check (status in ('draft','in_review','approved')), "based_on_id" text references "risk_assessments" ("id"), "submitted_at" text, "submitted_by" text references "users" ("id"), "approved_at" text, "approved_by" text references "users" ("id"), "approval_note" text, "matrix" text, "snapshot" text, "level_counts" text, "created_at" text not null, "created_by" text references "users" ("id"), "updated_at" text not null, "submission_gaps" text, "approval_gaps" text, constraint "risk_assessments_org_number_unique" unique ("org_id", "number"));

-- table risk_assets
CREATE TABLE "risk_assets" ("org_id" text not null references "organizations" ("id"), "risk_id" text not null references "risks" ("id"), "asset_id" text not null references "assets" ("id"), constraint "risk_assets_pk" primary key ("risk_id", "asset_id"));

-- index risk_assets_asset_idx
CREATE INDEX "risk_assets_asset_idx" on "risk_assets" ("asset_id");

-- table risk_library_items
CREATE TABLE "risk_library_items" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "key" text not null, "kind" text not null check (kind in ('threat','vulnerability')), "title" text not null, "description" text default '' not null, "source_type" text, "requirements" text default '[]' not null, "vulnerabilities" text default '[]' not null, "created_at" text not null, constraint "risk_library_items_org_key_unique" unique ("org_id", "key"));

-- table risk_reports
CREATE TABLE "risk_reports" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "assessment_id" text not null unique references "risk_assessments" ("id"), "sha256" text not null, "size" integer not null, "content" blob not null, "created_at" text not null);

-- table risks
CREATE TABLE "risks" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "title" text not null, "description" text default '' not null, "status" text not null check (status in ('open','closed')), "owner_id" text references "users" ("id"), "threat_id" text, "vulnerability_id" text, "likelihood" integer, "impact" integer, "inherent_level" integer, "rating_rationale" text default '' not null, "treatment" text check (treatment in ('mitigate','accept','transfer','avoid')), "treatment_plan" text default '' not null, "residual_likelihood" integer, "residual_impact" integer, "residual_level" integer, "residual_rationale" text default '' not null, "accepted_by" text references "users" ("id"), "accepted_on" text, "acceptance_expires_on" text, "identified_on" text not null, "last_reviewed_on" text, "next_review_on" text, "created_at" text not null, "updated_at" text not null, constraint "risks_org_number_unique" unique ("org_id", "number"));

-- index risks_org_level_idx
CREATE INDEX "risks_org_level_idx" on "risks" ("org_id", "inherent_level", "number");

-- index risks_org_rating_idx
CREATE INDEX "risks_org_rating_idx" on "risks" ("org_id", "status", "likelihood", "impact");

-- index risks_org_residual_idx
CREATE INDEX "risks_org_residual_idx" on "risks" ("org_id", "status", "residual_likelihood", "residual_impact");

-- index risks_org_status_idx
CREATE INDEX "risks_org_status_idx" on "risks" ("org_id", "status", "number");

-- table safeguards
CREATE TABLE "safeguards" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "requirement_id" text not null, "status" text not null check (status in ('not_started','in_progress','implemented','not_applicable')), "owner_id" text references "users" ("id"), "statement" text default '' not null, "review_interval_months" integer, "next_review_on" text, "decision" text check (decision in ('as_specified','alternative','not_reasonable')), "decision_rationale" text, "decision_alternative" text, "decision_approved_by" text references "users" ("id"), "decision_approved_on" text, "decision_basis" text, "updated_at" text not null, "decision_basis_assessment_id" text references "risk_assessments" ("id"), constraint "safeguards_org_requirement_unique" unique ("org_id", "requirement_id"));

-- table sanction_tiers
CREATE TABLE "sanction_tiers" ("org_id" text not null references "organizations" ("id"), "rank" integer not null, "name" text not null, constraint "sanction_tiers_pk" primary key ("org_id", "rank"));

-- table sanctions
CREATE TABLE "sanctions" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "person_id" text not null, "violation" text not null, "document_version_id" text, "incident_id" text, "severity" text not null check (severity in ('low','moderate','high','critical')), "intent" text not null check (intent in ('unintentional','negligent','intentional','malicious')), "investigation_notes" text default '' not null, "decision_rank" integer not null, "decision_name" text not null, "decided_by" text not null references "users" ("id"), "decided_on" text not null, "hr_signed_off_by" text references "users" ("id"), "hr_signed_off_at" text, "acknowledged_on" text, "task_ids" text default '[]' not null, "created_at" text not null, "updated_at" text not null, "training_assignment_id" text, "acknowledged_way" text, "acknowledged_by" text, "acknowledged_at" text, constraint "sanctions_org_number_unique" unique ("org_id", "number"), constraint "sanctions_sign_off_by_another" check (hr_signed_off_by is null or hr_signed_off_by <> decided_by));

-- index sanctions_org_person
CREATE INDEX "sanctions_org_person" on "sanctions" ("org_id", "person_id", "decided_on");

-- table security_reminder_audience
CREATE TABLE "security_reminder_audience" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "reminder_id" text not null references "security_reminders" ("id"), "role" text, "department_id" text, "person_id" text);

-- index security_reminder_audience_org_reminder_idx
CREATE INDEX "security_reminder_audience_org_reminder_idx" on "security_reminder_audience" ("org_id", "reminder_id");

-- table security_reminder_deliveries
CREATE TABLE "security_reminder_deliveries" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "sending_id" text not null references "security_reminder_sendings" ("id"), "person_id" text, "user_id" text references "users" ("id"), "name" text not null, "channel" text not null, "delivered_at" text not null);

-- index security_reminder_deliveries_org_sending_idx
CREATE INDEX "security_reminder_deliveries_org_sending_idx" on "security_reminder_deliveries" ("org_id", "sending_id");

-- index security_reminder_deliveries_org_user_idx
CREATE INDEX "security_reminder_deliveries_org_user_idx" on "security_reminder_deliveries" ("org_id", "user_id");

-- table security_reminder_sendings
CREATE TABLE "security_reminder_sendings" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "reminder_id" text not null references "security_reminders" ("id"), "due_on" text not null, "sent_at" text not null, "recipients" integer not null, constraint "security_reminder_sendings_once_unique" unique ("reminder_id", "due_on"));

-- index security_reminder_sendings_org_sent_idx
CREATE INDEX "security_reminder_sendings_org_sent_idx" on "security_reminder_sendings" ("org_id", "sent_at");

-- table security_reminders
CREATE TABLE "security_reminders" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "title" text not null, "message" text not null, "link_url" text, "schedule" text not null, "starts_on" text not null, "next_on" text, "stopped_at" text, "created_at" text not null, "created_by" text references "users" ("id"), "updated_at" text not null, constraint "security_reminders_org_number_unique" unique ("org_id", "number"));

-- index security_reminders_org_next_idx
CREATE INDEX "security_reminders_org_next_idx" on "security_reminders" ("org_id", "next_on");

-- table sessions
CREATE TABLE "sessions" ("id" text primary key, "token_hash" text not null unique, "user_id" text not null references "users" ("id"), "org_id" text references "organizations" ("id"), "created_at" text not null, "last_seen_at" text not null, "expires_at" text not null, "authenticated_at" text not null, "ip" text, "user_agent" text, "revoked_at" text, "mfa_pending" integer default 0 not null check (mfa_pending in (0, 1)));

-- index sessions_user_idx
CREATE INDEX "sessions_user_idx" on "sessions" ("user_id");

-- table tasks
CREATE TABLE "tasks" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "number" integer not null, "title" text not null, "description" text default '' not null, "owner_id" text references "users" ("id"), "due_on" text, "due_key" text not null, "status" text not null check (status in ('open','in_progress','done','cancelled')), "priority" text not null check (priority in ('low','medium','high','critical')), "recurrence" text, "completion_note" text, "completed_at" text, "completed_by" text references "users" ("id"), "created_at" text not null, "created_by" text references "users" ("id"), "updated_at" text not null, constraint "tasks_org_number_unique" unique ("org_id", "number"));

-- index tasks_org_due_key_idx
CREATE INDEX "tasks_org_due_key_idx" on "tasks" ("org_id", "due_key", "number");

-- index tasks_org_owner_due_key_idx
CREATE INDEX "tasks_org_owner_due_key_idx" on "tasks" ("org_id", "owner_id", "due_key", "number");

-- index tasks_org_owner_status_due_idx
CREATE INDEX "tasks_org_owner_status_due_idx" on "tasks" ("org_id", "owner_id", "status", "due_on");

-- index tasks_org_status_due_idx
CREATE INDEX "tasks_org_status_due_idx" on "tasks" ("org_id", "status", "due_on");

-- table training_assignments
CREATE TABLE "training_assignments" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "course_kind" text not null, "course_key" text not null, "course_title" text not null, "frequency" text not null, "due_days" integer not null, "created_on" text not null, "created_at" text not null, "created_by" text references "users" ("id"), "ended_at" text);

-- index training_assignments_org_idx
CREATE INDEX "training_assignments_org_idx" on "training_assignments" ("org_id");

-- table training_attempts
CREATE TABLE "training_attempts" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "person_assignment_id" text not null references "training_person_assignments" ("id"), "module_id" text not null, "seed" text not null, "question_ids" text not null, "started_at" text not null, "submitted_at" text, "score" integer, "passed" integer);

-- index training_attempts_org_assignment_idx
CREATE INDEX "training_attempts_org_assignment_idx" on "training_attempts" ("org_id", "person_assignment_id");

-- table training_audience
CREATE TABLE "training_audience" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "assignment_id" text not null references "training_assignments" ("id"), "role" text, "department_id" text references "departments" ("id"), "person_id" text references "people" ("id"));

-- index training_audience_org_assignment_idx
CREATE INDEX "training_audience_org_assignment_idx" on "training_audience" ("org_id", "assignment_id");

-- table training_courses
CREATE TABLE "training_courses" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "title" text not null, "summary" text not null, "url" text, "evidence_id" text, "created_at" text not null, "created_by" text references "users" ("id"));

-- index training_courses_org_idx
CREATE INDEX "training_courses_org_idx" on "training_courses" ("org_id");

-- table training_person_assignments
CREATE TABLE "training_person_assignments" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "assignment_id" text not null references "training_assignments" ("id"), "person_id" text not null references "people" ("id"), "course_key" text not null, "cycle" integer not null, "is_current" integer not null, "assigned_on" text not null, "due_on" text not null, "started_at" text, "failed_attempts" integer not null, "completed_at" text, "completed_on" text, "score" integer, "completed_by" text references "users" ("id"), "certificate_evidence_id" text, "created_at" text not null, constraint "training_person_assignments_cycle_unique" unique ("assignment_id", "person_id", "cycle"));

-- index training_person_assignments_course_rates_idx
CREATE INDEX "training_person_assignments_course_rates_idx" on "training_person_assignments" ("org_id", "is_current", "course_key", "person_id", "completed_at", "due_on");

-- index training_person_assignments_person_idx
CREATE INDEX "training_person_assignments_person_idx" on "training_person_assignments" ("org_id", "person_id");

-- index training_person_assignments_person_rates_idx
CREATE INDEX "training_person_assignments_person_rates_idx" on "training_person_assignments" ("org_id", "is_current", "person_id", "completed_at", "due_on");

-- table users
CREATE TABLE "users" ("id" text primary key, "email" text not null, "email_key" text not null unique, "name" text not null, "password_hash" text not null, "password_changed_at" text not null, "created_at" text not null, "totp_secret" text, "totp_pending_secret" text, "totp_enabled_at" text, "totp_last_step" integer);

-- table webhook_attempts
CREATE TABLE "webhook_attempts" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "delivery_id" text not null references "webhook_deliveries" ("id") on delete cascade, "attempt" integer not null, "at" text not null, "duration_ms" integer not null, "status_code" integer, "error" text, "next_attempt_at" text, constraint "webhook_attempts_delivery_attempt" unique ("delivery_id", "attempt"));

-- table webhook_deliveries
CREATE TABLE "webhook_deliveries" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "endpoint_id" text not null references "webhook_endpoints" ("id") on delete cascade, "event_type" text not null, "event_id" text, "payload" text not null, "state" text not null, "attempts" integer default 0 not null, "next_attempt_at" text, "created_at" text not null, "finished_at" text);

-- index webhook_deliveries_endpoint
CREATE INDEX "webhook_deliveries_endpoint" on "webhook_deliveries" ("endpoint_id", "id");

-- table webhook_endpoints
CREATE TABLE "webhook_endpoints" ("id" text primary key, "org_id" text not null references "organizations" ("id"), "url" text not null, "description" text default '' not null, "event_types" text not null, "active" integer default 1 not null, "disabled_reason" text, "secret_sealed" text not null, "previous_secret_sealed" text, "previous_secret_expires_at" text, "demo_local" integer default 0 not null, "created_at" text not null, "updated_at" text not null);

-- index webhook_endpoints_org
CREATE INDEX "webhook_endpoints_org" on "webhook_endpoints" ("org_id", "active");

-- table workforce_settings
CREATE TABLE "workforce_settings" ("org_id" text primary key references "organizations" ("id"), "termination_deadline_hours" integer not null, "onboarding_template_written" integer default 0 not null, "termination_template_written" integer default 0 not null, "updated_at" text not null);
