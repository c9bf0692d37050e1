#pragma once

#include "core/common/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace hearth {

class Statement;

/// @brief One SQLCipher connection, keyed with a raw 256-bit key. Owned by Store; nothing else opens the file.
class Database
{
public:
    enum class OpenMode
    {
        ExistingOnly,
        CreateNew
    };

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens @p path with @p dataKey. ExistingOnly never creates a file: a missing file is an error.
    static Result<std::unique_ptr<Database>> open(const QString& path, const SecretBytes& dataKey, OpenMode mode);

    Status exec(const QString& sql);
    /// Runs @p sql with @p arg bound to its one parameter.
    Status exec(const QString& sql, const QString& arg);
    Result<Statement> prepare(const QString& sql);

    /// First column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString& sql);

    Status begin();
    Status commit();
    void rollback();

    /// Verifies every page's HMAC and the b-tree structure. Detects tampered and truncated files.
    Status checkIntegrity();

    /// Encrypts a full copy of this database into @p path under @p newKey (sqlcipher_export).
    Status exportTo(const QString& path, const SecretBytes& newKey);

    int userVersion();
    Status setUserVersion(int version);
    qint64 lastInsertRowId() const;
    int changes() const;

    /// Turns the last SQLite error into a user-presentable Error.
    Error lastError(const QString& action) const;
    static Error errorFor(int sqliteCode, const QString& action);

private:
    explicit Database(sqlite3* handle)
        : m_db(handle)
    {
    }
    sqlite3* m_db = nullptr;
};

/// @brief A prepared statement: bind by 1-based index, step, read columns.
class Statement
{
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    Statement& bind(int index, const QVariant& value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& blob);
    Statement& bind(int index, qint64 value);
    Statement& bindNull(int index);

    /// True while a row is available; errors end the iteration and are reported by status().
    bool next();
    /// Runs a statement that returns no rows.
    Status run();
    Status status() const { return m_status; }
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;
    QVariant value(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, Database* db)
        : m_stmt(stmt)
        , m_db(db)
    {
    }
    sqlite3_stmt* m_stmt = nullptr;
    Database* m_db = nullptr;
    Status m_status;
};

} // namespace hearth
