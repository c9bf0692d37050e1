#pragma once

#include "core/common/Result.h"

#include <QString>

#include <vector>

namespace hearth {

class Database;

/// @brief One schema step. Applied in its own transaction together with the new user_version.
struct Migration
{
    int version;
    QString description;
    QString sql;
};

/// The migrations in order; version N upgrades a database at N-1.
const std::vector<Migration>& allMigrations();
int latestSchemaVersion();

/// Brings @p db to @p targetVersion (default: latest). A failed step rolls back and leaves the previous version.
/// A database newer than this build is refused rather than touched.
Status migrate(Database& db, int targetVersion = -1);

} // namespace hearth
