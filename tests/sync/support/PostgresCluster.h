#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace hearth::test {

/// @brief A throwaway PostgreSQL cluster for the server tests: a copy of a cluster initdb made once (kept
/// in the temporary folder per PostgreSQL build and user), started by pg_ctl listening only on a unix
/// socket in its own temporary directory, stopped and deleted at the end.
///
/// initdb refuses to run as root, so under root (CI) every command runs as the `postgres` system user.
class PostgresCluster
{
public:
    static constexpr const char* kBinDir = "/usr/lib/postgresql/15/bin";

    /// True when the PostgreSQL 15 binaries are installed.
    static bool available();
    /// One cluster per test run, started on first use; nullptr (with @p why) when it cannot start.
    static PostgresCluster* shared(QString* why);
    /// Stops and deletes the shared cluster (the test main calls it before the application goes).
    static void shutdownShared();

    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    /// Creates a fresh database and returns its conninfo for hearth-server and QPSQL; empty on failure.
    QString createDatabase();
    /// pg_dump of the database with conninfo @p spec: every live row as text (dead rows are not in it).
    QByteArray dump(const QString& spec) const;

private:
    PostgresCluster() = default;
    bool start(QString* why);
    /// Copies the template cluster into @p data, making the template first when there is none.
    bool copyTemplate(const QString& data, QString* why);
    static QString templateDir();
    /// Runs a PostgreSQL program (as `postgres` when we are root); its output on failure in @p why.
    bool run(const QString& program, const QStringList& arguments, QString* why, QByteArray* output = nullptr) const;

    QTemporaryDir m_dir;
    int m_port = 54329;
    int m_databases = 0;
    bool m_started = false;
};

} // namespace hearth::test
