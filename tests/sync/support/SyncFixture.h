#pragma once

#include "sync/protocol/Messages.h"
#include "tests/sync/support/PostgresCluster.h"
#include "tests/sync/support/ServerProcess.h"

#include <QJsonArray>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <type_traits>

namespace hearth::test {

/// The database backends the end-to-end cases run on (TEMPLATE_TEST_CASE parameters).
struct SqliteBackend
{
    static constexpr const char* name = "SQLite";
};
struct PostgresBackend
{
    static constexpr const char* name = "PostgreSQL";
};

template<typename Backend>
constexpr bool isPostgres()
{
    return std::is_same_v<Backend, PostgresBackend>;
}

/// Starts a SyncFixture for the TEMPLATE_TEST_CASE's backend (TestType), or skips the case when that
/// backend is not available here.
#define START_SERVER(fixture, ...)                                                                                     \
    ::hearth::test::SyncFixture fixture(::hearth::test::isPostgres<TestType>(), ##__VA_ARGS__);                        \
    if (!fixture.ready())                                                                                              \
        SKIP(fixture.skipReason().toStdString());

/// A consent reference as core's ConsentPolicy writes it.
QJsonObject consentRef(int choice, const QStringList& sharedWith = {}, bool restricted = false,
                       const QString& releaseId = u"release-1"_qs, const QString& enteringAgency = u"Shelter One"_qs);
/// A client profile's fields (HUD CSV names) with @p consent.
QJsonObject clientFields(const QString& uuid, const QString& first, const QString& last, const QJsonObject& consent);
sync::Change change(const QString& key, const QString& entity, const QString& uuid, const QJsonObject& fields,
                    qint64 baseVersion = 0, const QString& operation = u"insert"_qs);

/// @brief Reads the server's database directly (QSQLITE or QPSQL in this process: no SQLCipher here).
class DatabaseProbe
{
public:
    explicit DatabaseProbe(const QString& spec);
    ~DatabaseProbe();
    /// True when any text column of any server table holds @p needle.
    bool containsText(const QString& needle);
    qint64 count(const QString& table);
    /// Runs @p sql (it must succeed); the first column of its first row, if any.
    QVariant exec(const QString& sql);
    /// Runs @p sql (it must succeed); column @p column of every row.
    QStringList column(const QString& sql, int column = 0);

private:
    QString m_connection;
    QString m_spec;
};

/// @brief A running server over a fresh database with three agencies and a user in each:
/// maria at Shelter One (SH1), hank at Harbor House (HH), olga at Other Place (OT).
class SyncFixture
{
public:
    /// Starts everything; when the backend is unavailable @p skipReason is set and nothing runs.
    SyncFixture(bool postgres, QProcessEnvironment environment = {});

    bool ready() const { return m_server != nullptr; }
    const QString& skipReason() const { return m_skipReason; }
    ServerProcess& server() { return *m_server; }
    const QString& databaseSpec() const { return m_spec; }

    /// A signed-in device of @p login ("maria", "hank" or "olga").
    std::unique_ptr<ApiClient> device(const QString& login, const QString& publicId = {});

    /// Each login its own password, which (as the baseline asks) does not contain the login.
    static QString passwordOf(const QString& login)
    {
        QString reversed = login;
        std::reverse(reversed.begin(), reversed.end());
        return u"pw-26-"_qs + reversed;
    }

private:
    QTemporaryDir m_dir;
    QString m_spec;
    QString m_skipReason;
    std::unique_ptr<ServerProcess> m_server;
    int m_devices = 0;
};

/// Pushes @p changes and returns the per-change results. Without @p reply it requires a 200 and one
/// result per change; with it, the caller checks.
std::vector<sync::ChangeResult> push(const ApiClient& device, const std::vector<sync::Change>& changes,
                                     Reply* reply = nullptr);
/// Pulls everything after @p since (one page).
sync::PullReply pull(const ApiClient& device, qint64 since = 0);
/// The pulled change of @p uuid, if the device received it.
std::optional<sync::PulledChange> pulled(const sync::PullReply& reply, const QString& uuid);

} // namespace hearth::test
