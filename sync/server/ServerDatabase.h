#pragma once

#include "sync/server/Failure.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <memory>
#include <vector>

namespace hearth::server {

/// @brief The server's one owner of SQL connections: opens SQLite or PostgreSQL through Qt SQL,
/// migrates the schema, runs transactions and hands out server sequence numbers.
///
/// One code path for both backends: portable DML, and a schema that needs no backend-specific types
/// (the sequence is a counter row, not SERIAL/AUTOINCREMENT; see docs/sync-protocol.md).
class ServerDatabase
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres,
    };

    ServerDatabase() = default;
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    /// Opens @p spec (a SQLite path, a postgresql:// URL or key=value conninfo) and migrates it.
    Done open(const QString& spec);
    Backend backend() const { return m_backend; }

    /// Runs @p sql with positional bindings. Each statement is prepared once per connection and
    /// reused (the database owns the query): finish with a result before running the same statement
    /// again.
    Expected<QSqlQuery*> exec(const QString& sql, std::initializer_list<QVariant> bindings = {});
    /// The same with a list built at run time (a multi-row INSERT).
    Expected<QSqlQuery*> exec(const QString& sql, const QVariantList& bindings);
    /// Finishes every statement's result (an unfinished SELECT would keep SQLite from committing and
    /// hold a read snapshot): called at commit and after each request.
    void finishAll();
    /// Runs @p body in one transaction; commits when it returns nothing, rolls back otherwise.
    Done transaction(const std::function<Done()>& body);
    /// The next number of counter @p name ("seq" or "audit"). Inside a transaction it locks the counter
    /// row until commit, which serializes writers across server processes.
    Expected<qint64> next(const QString& name);
    /// Takes @p count numbers of counter @p name at once and returns the first: one bump for a whole
    /// batch, with the same lock as next().
    Expected<qint64> reserve(const QString& name, qint64 count);

    /// Queues a row for @p table ("name (col, ...)"); queued rows go in as multi-row INSERTs before the
    /// next statement runs and before commit, so every read still sees them. A rollback drops them.
    void insertLater(const QString& table, QVariantList row);
    /// Writes the queued rows now.
    Done flushInserts();

    /// After removing a client's data: SQLite copies the old pages back from the write-ahead log and
    /// truncates it, so no removed value survives in a file (secure_delete zeroes freed pages).
    /// PostgreSQL keeps dead rows until (auto)vacuum; see docs/sync-protocol.md.
    Done purgeRemovedData();

    static constexpr int kSchemaVersion = 7;

private:
    Done migrate();

    Expected<QSqlQuery*> run(const QString& sql, const QVariantList& bindings);

    struct QueuedRows
    {
        QString table;
        qsizetype columns = 0;
        QVariantList values;
    };

    QString m_connection;
    Backend m_backend = Backend::Sqlite;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    std::vector<QueuedRows> m_queued; // in the order tables were first queued
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
