#include "tests/compliance/FakeSystemProbe.h"

#include "core/compliance/CheckSupport.h"

#include <QFile>

#include <catch2/catch_test_macros.hpp>

namespace hearth::compliance::test {
namespace {

QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

} // namespace

void FakeSystemProbe::install(const QString& program)
{
    m_installed.insert(program);
}

void FakeSystemProbe::onCommand(const QString& program, const QStringList& arguments, int exitCode,
                                const QByteArray& output, const QByteArray& errors)
{
    install(program);
    m_commands.insert(commandLine(program, arguments), CommandResult {ProbeStatus::Ok, exitCode, output, errors});
}

void FakeSystemProbe::onCommandStatus(const QString& program, const QStringList& arguments, ProbeStatus status)
{
    install(program);
    m_commands.insert(commandLine(program, arguments), CommandResult {status, -1, {}, {}});
}

void FakeSystemProbe::addFile(const QString& path, const QByteArray& content, const QDateTime& modified)
{
    m_files.insert(path,
                   File {content, modified.isValid() ? modified : QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC)});
    for (QString dir = parentOf(path); dir != u"/"; dir = parentOf(dir))
        m_directories.insert(dir);
}

void FakeSystemProbe::addDirectory(const QString& path)
{
    for (QString dir = path; dir != u"/"; dir = parentOf(dir))
        m_directories.insert(dir);
}

void FakeSystemProbe::deny(const QString& path)
{
    m_denied.insert(path);
}

CommandResult FakeSystemProbe::run(const QString& program, const QStringList& arguments, int) const
{
    const QString line = commandLine(program, arguments);
    m_run << line;
    if (which(program).isEmpty() && !m_commands.contains(line))
        return CommandResult {ProbeStatus::NotFound, -1, {}, {}};
    if (!m_commands.contains(line)) {
        m_unscripted << line;
        return CommandResult {ProbeStatus::Failed, -1, {}, {}};
    }
    return m_commands.value(line);
}

FileResult FakeSystemProbe::readFile(const QString& path, qint64 maxBytes) const
{
    if (m_denied.contains(path))
        return FileResult {ProbeStatus::PermissionDenied, {}, {}};
    if (!m_files.contains(path))
        return FileResult {ProbeStatus::NotFound, {}, {}};
    const File& file = m_files[path];
    return FileResult {ProbeStatus::Ok, file.content.left(maxBytes), file.modified};
}

DirectoryResult FakeSystemProbe::listDirectory(const QString& path) const
{
    if (m_denied.contains(path))
        return DirectoryResult {ProbeStatus::PermissionDenied, {}};
    if (!m_directories.contains(path))
        return DirectoryResult {ProbeStatus::NotFound, {}};
    QMap<QString, DirectoryEntry> entries;
    for (auto it = m_files.begin(); it != m_files.end(); ++it) {
        if (parentOf(it.key()) == path) {
            const QString name = it.key().mid(path.size() + 1);
            entries.insert(name, DirectoryEntry {name, it.value().modified, false});
        }
    }
    for (const QString& dir : m_directories) {
        if (parentOf(dir) == path) {
            const QString name = dir.mid(path.size() + 1);
            entries.insert(name, DirectoryEntry {name, {}, true});
        }
    }
    return DirectoryResult {ProbeStatus::Ok, entries.values()};
}

QString FakeSystemProbe::which(const QString& program) const
{
    if (program.startsWith(u'/'))
        return m_installed.contains(program) ? program : QString();
    return m_installed.contains(program) ? QStringLiteral("/usr/bin/") + program : QString();
}

QByteArray recorded(const QString& name)
{
    QFile file(QStringLiteral(HEARTH_TEST_DATA_DIR "/compliance/") + name);
    INFO("recorded output " << name.toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace hearth::compliance::test
