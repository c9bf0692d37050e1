#include "core/store/Database.h"

#include "core/crypto/Crypto.h"
#include "core/store/OwnerOnly.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QObject>

#include <sqlite3.h>

#include <cstdint>

Q_LOGGING_CATEGORY(lcStore, "hearth.store")

namespace hearth {

namespace {
// SQLITE_TRANSIENT without the old-style cast the macro uses.
const sqlite3_destructor_type kTransient = reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

QByteArray utf8(const QString& s)
{
    return s.toUtf8();
}
} // namespace

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Error Database::errorFor(int sqliteCode, const QString& action)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return makeError(ErrorCode::DiskFull,
                         QObject::tr("The disk is full, so Hearth could not %1. Nothing was changed. "
                                     "Free some space and try again.")
                             .arg(action));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
        return makeError(ErrorCode::ReadOnly,
                         QObject::tr("Hearth cannot write to its data folder, so it could not %1. "
                                     "Check that the disk is not read-only and that you may write to the folder.")
                             .arg(action));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return makeError(ErrorCode::StoreCorrupt,
                         QObject::tr("The Hearth database is damaged or has been altered, so Hearth could not %1. "
                                     "Nothing was changed. Restore the data folder from a backup or contact your "
                                     "HMIS administrator.")
                             .arg(action));
    case SQLITE_IOERR:
        return makeError(
            ErrorCode::Io,
            QObject::tr("A disk error meant Hearth could not %1. Nothing was changed. Check the disk and try again.")
                .arg(action));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(
            ErrorCode::Io,
            QObject::tr("The Hearth database is in use by another program, so Hearth could not %1.").arg(action));
    case SQLITE_CONSTRAINT:
        return makeError(
            ErrorCode::InvalidInput,
            QObject::tr("Hearth could not %1: it conflicts with a record that already exists.").arg(action));
    default:
        return makeError(ErrorCode::Internal,
                         QObject::tr("Hearth could not %1 (database error %2).").arg(action).arg(sqliteCode));
    }
}

Error Database::lastError(const QString& action) const
{
    const int code = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_ERROR;
    // The SQLite message can quote values from the statement, so it goes to the debug log only by code.
    qCDebug(lcStore) << "sqlite error" << code;
    return errorFor(code, action);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const SecretBytes& dataKey, OpenMode mode)
{
    if (mode == OpenMode::ExistingOnly && !QFileInfo::exists(path))
        return makeError(ErrorCode::StoreMissing,
                         QObject::tr("The Hearth database file is missing from the data folder. Hearth will not "
                                     "create an empty one in its place; restore the folder from a backup."));
    if (mode == OpenMode::CreateNew && QFileInfo::exists(path))
        return makeError(ErrorCode::StoreExists, QObject::tr("A Hearth database already exists in this data folder."));

    // A new database starts as an empty 0600 file (SQLite treats it as an empty database); SQLite gives
    // the -wal, -shm and -journal files it makes the database file's mode.
    if (mode == OpenMode::CreateNew) {
        if (QFile file(path); !file.open(QIODevice::WriteOnly | QIODevice::NewOnly, owner_only::kFile))
            return makeError(ErrorCode::ReadOnly,
                             QObject::tr("Hearth could not create its database file: %1").arg(file.errorString()));
    }
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE
        | (mode == OpenMode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, flags, nullptr);
    std::unique_ptr<Database> db(new Database(handle));
    if (rc != SQLITE_OK)
        return errorFor(rc, QObject::tr("open the database"));

    // No mlock/wipe of every SQLCipher allocation: it cost most of the CPU of a sync or a bulk write.
    // The keys stay in SecretBytes; decrypted pages are ordinary memory (docs/security.md). Before keying.
    if (auto st = db->exec(QStringLiteral("PRAGMA cipher_memory_security = OFF")); !st)
        return st.error();
    const SecretBytes rawKey = crypto::sqlcipherRawKey(dataKey);
    if (sqlite3_key(handle, rawKey.data(), static_cast<int>(rawKey.size())) != SQLITE_OK)
        return db->lastError(QObject::tr("unlock the database"));

    // The first read authenticates page 1; a wrong key or a foreign file fails here.
    if (auto probe = db->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")); !probe)
        return probe.error();

    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA temp_store = MEMORY",
                               "PRAGMA secure_delete = ON", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
                               // 32 MiB of decrypted pages (default 2 MiB): a sync or a report reads records
                               // keyed by random ids all over the file, and each miss is a decrypt and an HMAC.
                               "PRAGMA cache_size = -32768"}) {
        if (auto st = db->exec(QString::fromLatin1(pragma)); !st)
            return st.error();
    }
    if (auto journal = db->scalar(QStringLiteral("PRAGMA journal_mode")); !journal || journal->toString() != u"wal")
        return makeError(ErrorCode::ReadOnly,
                         QObject::tr("Hearth could not turn on write-ahead logging for its "
                                     "database. Check that the data folder is writable."));
    // A store made by an older version, or copied in, may be readable by others: narrow it now that the
    // write-ahead log and its index exist too.
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (!owner_only::narrowFile(path + suffix))
            qCWarning(lcStore) << "a database file could not be made private to its owner";
    }
    return db;
}

Status Database::exec(const QString& sql)
{
    const QByteArray text = utf8(sql);
    const int rc = sqlite3_exec(m_db, text.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QObject::tr("update the database"));
    return {};
}

Status Database::exec(const QString& sql, const QString& arg)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, arg);
    return statement->run();
}

Result<Statement> Database::prepare(const QString& sql)
{
    const QByteArray text = utf8(sql);
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, text.constData(), static_cast<int>(text.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QObject::tr("read the database"));
    return Statement(stmt, this);
}

Result<QVariant> Database::scalar(const QString& sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (stmt->next())
        return stmt->value(0);
    if (!stmt->status())
        return stmt->status().error();
    return QVariant();
}

Status Database::begin()
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Status Database::commit()
{
    return exec(QStringLiteral("COMMIT"));
}

void Database::rollback()
{
    if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Database::checkIntegrity()
{
    const QString action = QObject::tr("verify the database");
    for (const auto* sql : {"PRAGMA cipher_integrity_check", "PRAGMA quick_check"}) {
        auto stmt = prepare(QString::fromLatin1(sql));
        if (!stmt)
            return stmt.error();
        while (stmt->next()) {
            if (stmt->text(0) != u"ok") {
                qCWarning(lcStore) << sql << "reported a problem";
                return errorFor(SQLITE_CORRUPT, action);
            }
        }
        if (!stmt->status())
            return errorFor(SQLITE_CORRUPT, action);
    }
    return {};
}

Status Database::exportTo(const QString& path, const SecretBytes& newKey)
{
    // ATTACH opens with this connection's flags, which lack SQLITE_OPEN_CREATE for an existing store:
    // create the empty target file first (SQLite treats an empty file as an empty database).
    if (QFile target(path); !target.open(QIODevice::WriteOnly | QIODevice::NewOnly, owner_only::kFile))
        return errorFor(SQLITE_CANTOPEN, QObject::tr("re-encrypt the database"));
    const SecretBytes rawKey = crypto::sqlcipherRawKey(newKey);
    auto attach = prepare(QStringLiteral("ATTACH DATABASE ?1 AS rotated KEY ?2"));
    if (!attach)
        return attach.error();
    attach->bind(1, path);
    sqlite3_bind_blob(attach->m_stmt, 2, rawKey.data(), static_cast<int>(rawKey.size()), kTransient);
    if (auto st = attach->run(); !st)
        return st;
    const int version = userVersion();
    Status result = exec(QStringLiteral("SELECT sqlcipher_export('rotated')"));
    if (result)
        result = exec(QStringLiteral("PRAGMA rotated.user_version = %1").arg(version));
    if (auto st = exec(QStringLiteral("DETACH DATABASE rotated")); result && !st)
        result = st;
    return result;
}

int Database::userVersion()
{
    auto v = scalar(QStringLiteral("PRAGMA user_version"));
    return v ? v->toInt() : -1;
}

Status Database::setUserVersion(int version)
{
    return exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

// --- Statement ---

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
    , m_status(other.m_status)
{
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, const QVariant& value)
{
    if (value.isNull())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Bool:
    case QMetaType::UInt:
        return bind(index, value.toLongLong());
    case QMetaType::QByteArray:
        return bind(index, value.toByteArray());
    default:
        return bind(index, value.toString());
    }
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray text = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, text.constData(), static_cast<int>(text.size()), kTransient);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob)
{
    if (blob.isNull())
        return bindNull(index);
    sqlite3_bind_blob(m_stmt, index, blob.constData(), static_cast<int>(blob.size()), kTransient);
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_status = m_db->lastError(QObject::tr("read the database"));
    return false;
}

Status Statement::run()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        m_status = m_db->lastError(QObject::tr("save"));
    return m_status;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_status = {};
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QVariant Statement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(integer(column));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_BLOB:
        return QVariant(blob(column));
    case SQLITE_NULL:
        return QVariant();
    default:
        return QVariant(text(column));
    }
}

} // namespace hearth
