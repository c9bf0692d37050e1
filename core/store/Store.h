#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <memory>
#include <utility>

namespace hearth {

/// @brief The agency's encrypted SQLCipher database: keying, pragmas, migrations, transactions.
///
/// The only owner of the database file. Repositories (UserRepository, AuditLog, ChangeLog, ...)
/// hold a reference to it and run their statements through it.
class Store
{
public:
    /// Creates a new database at @p path (refuses if one exists) and migrates it to the latest schema.
    static Result<std::unique_ptr<Store>> create(const QString& path, const SecretBytes& dataKey);
    /// Opens an existing database; never creates one. Verifies integrity, then migrates.
    static Result<std::unique_ptr<Store>> open(const QString& path, const SecretBytes& dataKey);

    Database& db() { return *m_db; }
    const QString& path() const { return m_path; }

    /// Runs @p work inside BEGIN IMMEDIATE ... COMMIT; any failure rolls everything back.
    template<typename F>
    auto transaction(F&& work) -> decltype(work())
    {
        if (auto st = m_db->begin(); !st)
            return st.error();
        auto result = work();
        if (!result) {
            m_db->rollback();
            return result;
        }
        if (auto st = m_db->commit(); !st) {
            m_db->rollback();
            return st.error();
        }
        return result;
    }

    /// SQLCipher's version string (e.g. "4.6.1 community").
    QString cipherVersion();

private:
    Store(std::unique_ptr<Database> db, QString path)
        : m_db(std::move(db))
        , m_path(std::move(path))
    {
    }
    std::unique_ptr<Database> m_db;
    QString m_path;
};

/// SQLCipher version without opening a store (for the About dialog).
QString sqlcipherVersion();

} // namespace hearth
