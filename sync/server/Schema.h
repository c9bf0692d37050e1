#pragma once

#include <QStringList>

namespace hearth::server::schema {

/// The statements creating schema version 1; the same text on SQLite and PostgreSQL.
const QStringList& version1();
/// Version 2: scope_losses, the agencies that lost sight of a client when a release narrowed.
const QStringList& version2();

} // namespace hearth::server::schema
