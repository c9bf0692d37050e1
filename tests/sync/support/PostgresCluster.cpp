#include "tests/sync/support/PostgresCluster.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>

#include <unistd.h>

namespace hearth::test {

namespace {

QString bin(const char* program)
{
    return QString::fromLatin1(PostgresCluster::kBinDir) + u'/' + QString::fromLatin1(program);
}

} // namespace

bool PostgresCluster::available()
{
    return QFileInfo::exists(bin("initdb"));
}

namespace {
std::unique_ptr<PostgresCluster> cluster;
bool tried = false;
QString failure;
} // namespace

void PostgresCluster::shutdownShared()
{
    cluster.reset();
}

PostgresCluster* PostgresCluster::shared(QString* why)
{
    if (!tried) {
        tried = true;
        if (!available()) {
            failure = QStringLiteral("PostgreSQL 15 is not installed (%1 is missing)").arg(bin("initdb"));
        } else {
            cluster.reset(new PostgresCluster);
            if (!cluster->start(&failure))
                cluster.reset();
        }
    }
    if (!cluster && why)
        *why = failure;
    return cluster.get();
}

bool PostgresCluster::run(const QString& program, const QStringList& arguments, QString* why, QByteArray* output) const
{
    QProcess process;
    if (::geteuid() == 0) {
        process.setProgram(QStringLiteral("runuser"));
        process.setArguments(QStringList {u"-u"_qs, u"postgres"_qs, u"--"_qs, program} + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    process.setProcessChannelMode(output ? QProcess::SeparateChannels : QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    process.start();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (why)
            *why = program + u": " + QString::fromLocal8Bit(process.readAll()) + process.errorString();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

QString PostgresCluster::templateDir()
{
    // One template per PostgreSQL build and user: a new initdb binary makes a new template.
    const QFileInfo initdb(bin("initdb"));
    const QByteArray key = bin("initdb").toUtf8() + QByteArray::number(initdb.size())
        + QByteArray::number(initdb.lastModified().toMSecsSinceEpoch()) + QByteArray::number(::geteuid());
    const QString id = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    return QDir::temp().filePath(u"hearth-pg-template-"_qs + id);
}

bool PostgresCluster::copyTemplate(const QString& data, QString* why)
{
    // initdb costs a second of CPU and several of waiting per test; a copy of a cluster it made once costs
    // a tenth. The lock makes the first test of a run create the template while the others wait.
    const QString dir = templateDir();
    const QString ready = dir + u"/ready"_qs;
    QLockFile lock(dir + u".lock"_qs);
    lock.setStaleLockTime(0); // a dead holder's lock is stale at once; a live one is never taken over
    if (!lock.lock()) {
        *why = QStringLiteral("cannot lock the PostgreSQL template %1").arg(dir);
        return false;
    }
    if (!QFileInfo::exists(ready)) {
        QDir(dir).removeRecursively();
        if (!QDir().mkpath(dir)) {
            *why = QStringLiteral("cannot create %1").arg(dir);
            return false;
        }
        if (::geteuid() == 0
            && QProcess::execute(QStringLiteral("chown"), {u"-R"_qs, u"postgres:postgres"_qs, dir}) != 0) {
            *why = QStringLiteral("cannot hand %1 to the postgres user").arg(dir);
            return false;
        }
        if (!run(bin("initdb"),
                 {u"-D"_qs, dir + u"/data"_qs, u"-U"_qs, u"postgres"_qs, u"--auth=trust"_qs, u"-E"_qs, u"UTF8"_qs,
                  u"--no-sync"_qs},
                 why))
            return false;
        QFile marker(ready);
        if (!marker.open(QIODevice::WriteOnly)) {
            *why = QStringLiteral("cannot mark the PostgreSQL template ready");
            return false;
        }
    }
    return run(QStringLiteral("cp"), {u"-a"_qs, dir + u"/data"_qs, data}, why);
}

bool PostgresCluster::start(QString* why)
{
    if (!m_dir.isValid()) {
        *why = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (::geteuid() == 0) {
        // The cluster's files belong to the user that runs it.
        if (QProcess::execute(QStringLiteral("chown"), {u"-R"_qs, u"postgres:postgres"_qs, m_dir.path()}) != 0) {
            *why = QStringLiteral("cannot hand the temporary directory to the postgres user");
            return false;
        }
    }
    const QString data = m_dir.filePath(u"data"_qs);
    if (!copyTemplate(data, why))
        return false;
    // No TCP at all: a unix socket in our directory, so no port can clash with anything.
    const QString options
        = QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=off").arg(m_dir.path()).arg(m_port);
    if (!run(bin("pg_ctl"),
             {u"-D"_qs, data, u"-o"_qs, options, u"-l"_qs, m_dir.filePath(u"server.log"_qs), u"-w"_qs, u"start"_qs},
             why))
        return false;
    m_started = true;
    return true;
}

PostgresCluster::~PostgresCluster()
{
    if (m_started)
        run(bin("pg_ctl"), {u"-D"_qs, m_dir.filePath(u"data"_qs), u"-m"_qs, u"immediate"_qs, u"-w"_qs, u"stop"_qs},
            nullptr);
}

QString PostgresCluster::createDatabase()
{
    const QString name = QStringLiteral("hearth_test_%1").arg(++m_databases);
    if (!run(bin("createdb"),
             {u"-h"_qs, m_dir.path(), u"-p"_qs, QString::number(m_port), u"-U"_qs, u"postgres"_qs, name}, nullptr))
        return {};
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=postgres").arg(m_dir.path()).arg(m_port).arg(name);
}

QByteArray PostgresCluster::dump(const QString& spec) const
{
    QString database;
    for (const QString& pair : spec.split(u' '))
        if (pair.startsWith(u"dbname="))
            database = pair.mid(7);
    QByteArray out;
    QString why;
    if (!run(bin("pg_dump"),
             {u"-h"_qs, m_dir.path(), u"-p"_qs, QString::number(m_port), u"-U"_qs, u"postgres"_qs, database}, &why,
             &out))
        return {};
    return out;
}

} // namespace hearth::test
