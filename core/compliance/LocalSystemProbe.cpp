#include "core/compliance/LocalSystemProbe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace hearth::compliance {
namespace {

// Status tools such as nft, ufw and clamd live in sbin, which an ordinary user's PATH often lacks.
const QStringList& extraSearchPaths()
{
    static const QStringList paths {QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/sbin"),
                                    QStringLiteral("/sbin")};
    return paths;
}

ProbeStatus statusOfMissing(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        // A missing path under an unreadable directory is a permission problem, not absence.
        const QFileInfo parent(info.absolutePath());
        return parent.exists() && !parent.isExecutable() ? ProbeStatus::PermissionDenied : ProbeStatus::NotFound;
    }
    return info.isReadable() ? ProbeStatus::Failed : ProbeStatus::PermissionDenied;
}

} // namespace

CommandResult LocalSystemProbe::run(const QString& program, const QStringList& arguments, int timeoutMs) const
{
    CommandResult result;
    const QString executable = QFileInfo(program).isAbsolute() ? program : which(program);
    if (executable.isEmpty() || !QFileInfo::exists(executable)) {
        result.status = ProbeStatus::NotFound;
        return result;
    }
    if (!QFileInfo(executable).isExecutable()) {
        result.status = ProbeStatus::PermissionDenied;
        return result;
    }
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(executable, arguments, QIODevice::ReadOnly);
    if (!process.waitForStarted(timeoutMs)) {
        result.status = process.error() == QProcess::Timedout ? ProbeStatus::TimedOut : ProbeStatus::Failed;
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        result.status = ProbeStatus::TimedOut;
        return result;
    }
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit) {
        result.status = ProbeStatus::Failed;
        return result;
    }
    result.status = ProbeStatus::Ok;
    result.exitCode = process.exitCode();
    return result;
}

FileResult LocalSystemProbe::readFile(const QString& path, qint64 maxBytes) const
{
    FileResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.status = statusOfMissing(path);
        return result;
    }
    result.content = file.read(maxBytes);
    result.modified = QFileInfo(file).lastModified().toUTC();
    result.status = ProbeStatus::Ok;
    return result;
}

DirectoryResult LocalSystemProbe::listDirectory(const QString& path) const
{
    DirectoryResult result;
    const QFileInfo info(path);
    if (!info.isDir()) {
        result.status = info.exists() ? ProbeStatus::Failed : statusOfMissing(path);
        return result;
    }
    if (!info.isReadable() || !info.isExecutable()) {
        result.status = ProbeStatus::PermissionDenied;
        return result;
    }
    const QFileInfoList entries
        = QDir(path).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& entry : entries)
        result.entries << DirectoryEntry {entry.fileName(), entry.lastModified().toUTC(), entry.isDir()};
    result.status = ProbeStatus::Ok;
    return result;
}

QString LocalSystemProbe::environment(const QString& name) const
{
    return qEnvironmentVariable(name.toLocal8Bit().constData());
}

QString LocalSystemProbe::which(const QString& program) const
{
    const QString onPath = QStandardPaths::findExecutable(program);
    return onPath.isEmpty() ? QStandardPaths::findExecutable(program, extraSearchPaths()) : onPath;
}

QString LocalSystemProbe::homePath() const
{
    return QDir::homePath();
}

} // namespace hearth::compliance
