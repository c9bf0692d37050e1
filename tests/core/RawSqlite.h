// A bare SQLCipher handle for tests that play the attacker: it bypasses Database and Store entirely.
// Targets including this link PkgConfig::SQLCIPHER and define SQLITE_HAS_CODEC.
#pragma once

#include "core/crypto/Crypto.h"

#include <QFile>
#include <QString>

#include <sqlite3.h>

namespace hearth::test {

class RawSqlite
{
public:
    /// Opens @p path read-write (never creates it). With a @p key, keys the handle with it as SQLCipher raw key.
    explicit RawSqlite(const QString& path, const SecretBytes* key = nullptr)
    {
        m_rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        if (m_rc == SQLITE_OK && key) {
            const SecretBytes raw = crypto::sqlcipherRawKey(*key);
            m_rc = sqlite3_key(m_db, raw.data(), static_cast<int>(raw.size()));
        }
    }
    ~RawSqlite() { sqlite3_close_v2(m_db); }
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    int openCode() const { return m_rc; }
    /// Runs @p sql; returns the primary result code.
    int exec(const char* sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) & 0xff; }
    QString errorMessage() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    /// First column of the first row as an integer; the primary result code in @p rc.
    qint64 integer(const char* sql, int* rc = nullptr)
    {
        sqlite3_stmt* st = nullptr;
        int code = sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr);
        qint64 value = -1;
        if (code == SQLITE_OK) {
            code = sqlite3_step(st);
            if (code == SQLITE_ROW) {
                value = sqlite3_column_int64(st, 0);
                code = SQLITE_OK;
            }
        }
        sqlite3_finalize(st);
        if (rc)
            *rc = code & 0xff;
        return value;
    }
    QString text(const char* sql)
    {
        sqlite3_stmt* st = nullptr;
        QString value;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        return value;
    }
    sqlite3* handle() { return m_db; }

private:
    sqlite3* m_db = nullptr;
    int m_rc = SQLITE_OK;
};

} // namespace hearth::test
