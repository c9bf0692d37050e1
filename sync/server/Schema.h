#pragma once

#include "sync/server/Failure.h"

#include <QStringList>

namespace hearth::server {
class ServerDatabase;
}

namespace hearth::server::schema {

/// The statements creating schema version 1; the same text on SQLite and PostgreSQL.
const QStringList& version1();
/// Version 2: scope_losses, the agencies that lost sight of a client when a release narrowed.
const QStringList& version2();
/// Version 3: records.echo_device, so a device is not sent back what it pushed, and records.fields,
/// a record's fields in one row (formerly one row each in record_fields).
const QStringList& version3();
/// Copies record_fields into records.fields (between version3() and version3Cleanup()).
Done foldRecordFields(ServerDatabase& db);
const QStringList& version3Cleanup();
/// Owners and release contents as the server can tell them for data stored before schema 4.
const QStringList& version4();
Done fillOwners(ServerDatabase& db);
/// Version 5: sign_in_failures, failed sign-ins by login and client address (the lock-out's counts).
const QStringList& version5();
/// Version 6: device_audit_anchors, the newest audit entry each workstation reported (AuditAnchorStore).
const QStringList& version6();
/// Version 7: record_versions, which device and user wrote each version of a record, and when; the
/// conflicts' server_version and raised_at.
const QStringList& version7();

} // namespace hearth::server::schema
