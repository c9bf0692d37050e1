#include "sync/server/ServerDatabase.h"

#include "sync/server/Schema.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <array>

namespace hearth::server {

namespace {

Failure dbFailure(const QString& what, const QSqlError& error)
{
    // The driver's text names tables and constraints, never bound values.
    return {QStringLiteral("internal"), what + u": " + error.text()};
}

QString newConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("hearth-server-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

bool isPostgresSpec(const QString& spec)
{
    return spec.startsWith(u"postgresql://") || spec.startsWith(u"postgres://") || spec.contains(u"dbname=");
}

Expected<PostgresSpec> parsePostgresSpec(const QString& spec)
{
    PostgresSpec pg;
    if (spec.startsWith(u"postgres")) {
        const QUrl url(spec);
        if (!url.isValid())
            return Failure {u"config"_qs, QStringLiteral("The PostgreSQL URL is not valid.")};
        pg.host = url.host();
        pg.port = url.port(5432);
        pg.database = url.path().mid(1);
        pg.user = url.userName();
        pg.password = url.password();
        const QUrlQuery query(url);
        if (query.hasQueryItem(u"host"_qs))
            pg.host = query.queryItemValue(u"host"_qs, QUrl::FullyDecoded);
    } else {
        for (const QString& pair : spec.split(u' ', Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0)
                return Failure {u"config"_qs, QStringLiteral("The PostgreSQL conninfo is not key=value pairs.")};
            const QString key = pair.left(eq);
            const QString value = pair.mid(eq + 1);
            if (key == u"host")
                pg.host = value;
            else if (key == u"port")
                pg.port = value.toInt();
            else if (key == u"dbname")
                pg.database = value;
            else if (key == u"user")
                pg.user = value;
            else if (key == u"password")
                pg.password = value;
        }
    }
    if (pg.database.isEmpty())
        return Failure {u"config"_qs, QStringLiteral("The PostgreSQL spec names no database.")};
    return pg;
}

ServerDatabase::~ServerDatabase()
{
    if (m_connection.isEmpty())
        return;
    m_prepared.clear();
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

Done ServerDatabase::open(const QString& spec)
{
    m_connection = newConnectionName();
    if (isPostgresSpec(spec)) {
        auto parsed = parsePostgresSpec(spec);
        if (auto* failed = failureOf(parsed))
            return *failed;
        const PostgresSpec& pg = std::get<PostgresSpec>(parsed);
        m_backend = Backend::Postgres;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_qs, m_connection);
        db.setHostName(pg.host);
        db.setPort(pg.port);
        db.setDatabaseName(pg.database);
        db.setUserName(pg.user);
        db.setPassword(pg.password);
        if (!db.open())
            return dbFailure(QStringLiteral("Cannot open the PostgreSQL database"), db.lastError());
    } else {
        m_backend = Backend::Sqlite;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connection);
        db.setDatabaseName(spec);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_qs);
        if (!db.open())
            return dbFailure(QStringLiteral("Cannot open the SQLite database"), db.lastError());
        for (const QString& pragma :
             {u"PRAGMA journal_mode = WAL"_qs, u"PRAGMA foreign_keys = ON"_qs, u"PRAGMA secure_delete = ON"_qs,
              // 64 MiB of page cache (default 2 MiB): records are keyed by random ids, so a first sync of
              // thousands of clients touches pages all over the tables and indexes.
              u"PRAGMA cache_size = -65536"_qs}) {
            auto done = exec(pragma);
            if (auto* failed = failureOf(done))
                return *failed;
        }
    }
    return migrate();
}

Expected<QSqlQuery*> ServerDatabase::exec(const QString& sql, std::initializer_list<QVariant> bindings)
{
    return exec(sql, QVariantList(bindings));
}

Expected<QSqlQuery*> ServerDatabase::exec(const QString& sql, const QVariantList& bindings)
{
    if (Done failed = flushInserts())
        return *failed;
    return run(sql, bindings);
}

Expected<QSqlQuery*> ServerDatabase::run(const QString& sql, const QVariantList& bindings)
{
    auto cached = m_prepared.find(sql);
    const bool fresh = cached == m_prepared.end();
    if (fresh) {
        cached = m_prepared.insert(sql, std::make_shared<QSqlQuery>(QSqlDatabase::database(m_connection, false)));
        // Every reader walks rows once with next(): no copy of each row into Qt's result cache.
        (*cached)->setForwardOnly(true);
    }
    QSqlQuery& query = **cached;
    query.finish();
    // PostgreSQL cannot PREPARE DDL: statements without bindings run directly.
    if (bindings.size() == 0) {
        if (!query.exec(sql))
            return dbFailure(QStringLiteral("A statement failed"), query.lastError());
        return &query;
    }
    if (fresh && !query.prepare(sql)) {
        const Failure failed = dbFailure(QStringLiteral("Cannot prepare a statement"), query.lastError());
        m_prepared.remove(sql);
        return failed;
    }
    for (qsizetype i = 0; i < bindings.size(); ++i)
        query.bindValue(int(i), bindings.at(i));
    if (!query.exec())
        return dbFailure(QStringLiteral("A statement failed"), query.lastError());
    return &query;
}

void ServerDatabase::finishAll()
{
    for (const auto& query : std::as_const(m_prepared))
        query->finish();
}

Done ServerDatabase::transaction(const std::function<Done()>& body)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return dbFailure(QStringLiteral("Cannot begin a transaction"), db.lastError());
    Done failed = body();
    if (!failed)
        failed = flushInserts();
    m_queued.clear();
    finishAll();
    if (failed) {
        db.rollback();
        return failed;
    }
    if (!db.commit()) {
        const Failure notCommitted = dbFailure(QStringLiteral("Cannot commit"), db.lastError());
        db.rollback();
        return notCommitted;
    }
    return std::nullopt;
}

Expected<qint64> ServerDatabase::next(const QString& name)
{
    auto bumped = exec(u"UPDATE server_counter SET value = value + 1 WHERE name = ?"_qs, {name});
    if (auto* failed = failureOf(bumped))
        return *failed;
    auto read = exec(u"SELECT value FROM server_counter WHERE name = ?"_qs, {name});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& query = (*std::get<QSqlQuery*>(read));
    if (!query.next())
        return Failure {u"internal"_qs, QStringLiteral("The counter %1 is missing.").arg(name)};
    return query.value(0).toLongLong();
}

Expected<qint64> ServerDatabase::reserve(const QString& name, qint64 count)
{
    auto bumped = exec(u"UPDATE server_counter SET value = value + ? WHERE name = ?"_qs, {count, name});
    if (auto* failed = failureOf(bumped))
        return *failed;
    auto read = exec(u"SELECT value FROM server_counter WHERE name = ?"_qs, {name});
    if (auto* failed = failureOf(read))
        return *failed;
    QSqlQuery& query = (*std::get<QSqlQuery*>(read));
    if (!query.next())
        return Failure {u"internal"_qs, QStringLiteral("The counter %1 is missing.").arg(name)};
    return query.value(0).toLongLong() - count + 1;
}

void ServerDatabase::insertLater(const QString& table, QVariantList row)
{
    auto queued = std::find_if(m_queued.begin(), m_queued.end(), [&](const QueuedRows& q) { return q.table == table; });
    if (queued == m_queued.end()) {
        m_queued.push_back(QueuedRows {table, row.size(), {}});
        queued = std::prev(m_queued.end());
    }
    queued->values.append(std::move(row));
}

Done ServerDatabase::flushInserts()
{
    // Statements of 2^k rows (k <= 7): few distinct texts to prepare, at most 128 rows and 999 parameters
    // each (SQLite's old limit; PostgreSQL's is 65535).
    constexpr qsizetype kMaxRows = 128;
    constexpr qsizetype kMaxParameters = 999;
    if (m_queued.empty())
        return std::nullopt;
    std::vector<QueuedRows> queued;
    queued.swap(m_queued);
    for (const QueuedRows& rows : queued) {
        QString one = u"(?"_qs;
        for (qsizetype c = 1; c < rows.columns; ++c)
            one += u", ?";
        one += u')';
        qsizetype from = 0;
        const qsizetype total = rows.values.size() / rows.columns;
        while (from < total) {
            qsizetype count = kMaxRows;
            while (count > total - from || count * rows.columns > kMaxParameters)
                count /= 2;
            QString sql = u"INSERT INTO "_qs + rows.table + u" VALUES " + one;
            for (qsizetype r = 1; r < count; ++r)
                sql += u", " + one;
            auto done = run(sql, rows.values.mid(from * rows.columns, count * rows.columns));
            if (auto* failed = failureOf(done))
                return *failed;
            from += count;
        }
    }
    return std::nullopt;
}

Done ServerDatabase::purgeRemovedData()
{
    if (m_backend != Backend::Sqlite)
        return std::nullopt;
    auto done = exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs);
    finishAll();
    if (auto* failed = failureOf(done))
        return *failed;
    return std::nullopt;
}

Done ServerDatabase::migrate()
{
    auto created = exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_qs);
    if (auto* failed = failureOf(created))
        return *failed;
    return transaction([&]() -> Done {
        auto read = exec(u"SELECT version FROM schema_version"_qs);
        if (auto* failed = failureOf(read))
            return *failed;
        QSqlQuery& query = (*std::get<QSqlQuery*>(read));
        const int version = query.next() ? query.value(0).toInt() : 0;
        if (version > kSchemaVersion)
            return Failure {u"internal"_qs,
                            QStringLiteral("The database has schema %1; this server knows up to %2.")
                                .arg(version)
                                .arg(kSchemaVersion)};
        if (version == kSchemaVersion)
            return std::nullopt;
        // Each version's statements once, in order: a server upgraded in place keeps its data.
        const std::array<const QStringList*, kSchemaVersion> steps {
            &schema::version1(), &schema::version2(), &schema::version3(), &schema::version4(),
            &schema::version5(), &schema::version6(), &schema::version7()};
        const auto run = [this](const QStringList& statements) -> Done {
            for (const QString& statement : statements) {
                auto done = exec(statement);
                if (auto* failed = failureOf(done))
                    return *failed;
            }
            return std::nullopt;
        };
        for (int step = version; step < kSchemaVersion; ++step) {
            if (Done failed = run(*steps[std::size_t(step)]))
                return failed;
            if (step + 1 == 3) { // version 3 moves the data of record_fields before dropping it
                if (Done failed = schema::foldRecordFields(*this))
                    return failed;
                finishAll(); // SQLite drops no table while any statement is still reading
                if (Done failed = run(schema::version3Cleanup()))
                    return failed;
            }
            if (step + 1 == 4 && version > 0) // a new database has nothing to fill
                if (Done failed = schema::fillOwners(*this))
                    return failed;
        }
        auto stamped = version == 0 ? exec(u"INSERT INTO schema_version (version) VALUES (?)"_qs, {kSchemaVersion})
                                    : exec(u"UPDATE schema_version SET version = ?"_qs, {kSchemaVersion});
        if (auto* failed = failureOf(stamped))
            return *failed;
        return std::nullopt;
    });
}

} // namespace hearth::server
