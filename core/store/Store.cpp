#include "core/store/Store.h"

#include "core/crypto/Crypto.h"
#include "core/store/Migrations.h"

#include <QFile>
#include <QObject>

#include <sqlite3.h>

namespace hearth {

Result<std::unique_ptr<Store>> Store::create(const QString& path, const SecretBytes& dataKey)
{
    auto db = Database::open(path, dataKey, Database::OpenMode::CreateNew);
    if (!db)
        return db.error();
    if (auto st = migrate(**db); !st) {
        db->reset();
        QFile::remove(path);
        return st.error();
    }
    return std::unique_ptr<Store>(new Store(std::move(db.value()), path));
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, const SecretBytes& dataKey)
{
    auto db = Database::open(path, dataKey, Database::OpenMode::ExistingOnly);
    if (!db)
        return db.error();
    if (auto st = (*db)->checkIntegrity(); !st)
        return st.error();
    if (auto st = migrate(**db); !st)
        return st.error();
    return std::unique_ptr<Store>(new Store(std::move(db.value()), path));
}

QString Store::cipherVersion()
{
    auto v = m_db->scalar(QStringLiteral("PRAGMA cipher_version"));
    return v ? v->toString() : QString();
}

QString sqlcipherVersion()
{
    sqlite3* db = nullptr;
    QString version;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            version = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return version + QStringLiteral(" (SQLite ") + QString::fromLatin1(sqlite3_libversion()) + u')';
}

} // namespace hearth
