#pragma once

#include <QStringList>

namespace hearth::server::schema {

/// The statements creating schema version 1; the same text on SQLite and PostgreSQL.
const QStringList& version1();

} // namespace hearth::server::schema
