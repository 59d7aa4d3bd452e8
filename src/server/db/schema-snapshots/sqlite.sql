-- table instance
CREATE TABLE "instance" ("singleton" integer primary key check (singleton = 1), "id" text not null unique, "created_at" text not null);

-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);

-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);
