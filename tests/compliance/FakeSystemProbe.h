#pragma once

#include "core/compliance/SystemProbe.h"

#include <QHash>
#include <QSet>

namespace hearth::compliance::test {

/// @brief A recorded workstation: scripted command outputs, files, environment. Anything not
/// recorded is absent (programs and files "not found"); a command run by an installed program that
/// the test did not script is remembered in unscripted() so a test cannot pass by accident.
class FakeSystemProbe final : public SystemProbe
{
public:
    /// Puts @p program on the fake PATH (at /usr/bin/<program>).
    void install(const QString& program);
    /// Scripts `program arguments…` and installs the program.
    void onCommand(const QString& program, const QStringList& arguments, int exitCode, const QByteArray& output,
                   const QByteArray& errors = {});
    /// Scripts a command that could not run at all (timed out, permission denied, …).
    void onCommandStatus(const QString& program, const QStringList& arguments, ProbeStatus status);
    void addFile(const QString& path, const QByteArray& content, const QDateTime& modified = {});
    void addDirectory(const QString& path);
    /// Reading @p path (file or directory) is refused.
    void deny(const QString& path);
    void setEnvironment(const QString& name, const QString& value) { m_environment.insert(name, value); }
    void setHome(const QString& path) { m_home = path; }

    QStringList unscripted() const { return m_unscripted; }
    QStringList commandsRun() const { return m_run; }

    CommandResult run(const QString& program, const QStringList& arguments,
                      int timeoutMs = kDefaultTimeoutMs) const override;
    FileResult readFile(const QString& path, qint64 maxBytes = kDefaultMaxBytes) const override;
    DirectoryResult listDirectory(const QString& path) const override;
    QString environment(const QString& name) const override { return m_environment.value(name); }
    QString which(const QString& program) const override;
    QString homePath() const override { return m_home; }

private:
    struct File
    {
        QByteArray content;
        QDateTime modified;
    };
    QSet<QString> m_installed;
    QHash<QString, CommandResult> m_commands;
    QHash<QString, File> m_files;
    QSet<QString> m_directories;
    QSet<QString> m_denied;
    QHash<QString, QString> m_environment;
    QString m_home = QStringLiteral("/home/officer");
    mutable QStringList m_unscripted;
    mutable QStringList m_run;
};

/// The bytes of tests/data/compliance/@p name (a recorded output); fails the test when missing.
QByteArray recorded(const QString& name);

} // namespace hearth::compliance::test
