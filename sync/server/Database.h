#pragma once

#include "server/Failure.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <initializer_list>

namespace hearth::server {

/// @brief The server's one owner of SQL connections: opens SQLite or PostgreSQL through Qt SQL,
/// migrates the schema, runs transactions and hands out server sequence numbers.
///
/// One code path for both backends: portable DML, and a schema that needs no backend-specific types
/// (the sequence is a counter row, not SERIAL/AUTOINCREMENT; see docs/sync-protocol.md).
class Database
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres,
    };

    Database() = default;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens @p spec (a SQLite path, a postgresql:// URL or key=value conninfo) and migrates it.
    Done open(const QString& spec);
    Backend backend() const { return m_backend; }

    /// Prepares and runs @p sql with positional bindings.
    Expected<QSqlQuery> exec(const QString& sql, std::initializer_list<QVariant> bindings = {});
    /// Runs @p body in one transaction; commits when it returns nothing, rolls back otherwise.
    Done transaction(const std::function<Done()>& body);
    /// The next number of counter @p name ("seq" or "audit"). Inside a transaction it locks the counter
    /// row until commit, which serializes writers across server processes.
    Expected<qint64> next(const QString& name);

    static constexpr int kSchemaVersion = 1;

private:
    Done migrate();

    QString m_connection;
    Backend m_backend = Backend::Sqlite;
};

/// @brief How a database spec names a PostgreSQL server (parsed from a URL or key=value conninfo).
struct PostgresSpec
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
};

/// True when @p spec names PostgreSQL rather than a SQLite file.
bool isPostgresSpec(const QString& spec);
Expected<PostgresSpec> parsePostgresSpec(const QString& spec);

} // namespace hearth::server
