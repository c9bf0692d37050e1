#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace hearth::compliance {

/// @brief How a look at the system went, apart from what it found.
enum class ProbeStatus
{
    Ok, ///< the command ran to completion (any exit code), or the file/directory was read
    NotFound, ///< no such program, file or directory
    PermissionDenied,
    TimedOut,
    Failed, ///< started but crashed, or an I/O error
};

/// "ok", "not found", "permission denied", "timed out" or "failed", for evidence text.
QString probeStatusName(ProbeStatus status);

struct CommandResult
{
    ProbeStatus status = ProbeStatus::Failed;
    int exitCode = -1; ///< meaningful only when status is Ok
    QByteArray standardOutput;
    QByteArray standardError;

    bool ran() const { return status == ProbeStatus::Ok; }
    bool succeeded() const { return ran() && exitCode == 0; }
};

struct FileResult
{
    ProbeStatus status = ProbeStatus::Failed;
    QByteArray content; ///< at most the bytes asked for
    QDateTime modified; ///< UTC

    bool ok() const { return status == ProbeStatus::Ok; }
};

struct DirectoryEntry
{
    QString name;
    QDateTime modified; ///< UTC
    bool isDirectory = false;
};

struct DirectoryResult
{
    ProbeStatus status = ProbeStatus::Failed;
    QList<DirectoryEntry> entries; ///< sorted by name, without "." and ".."

    bool ok() const { return status == ProbeStatus::Ok; }
};

/// @brief The only way checks look at the workstation, so tests can play back recorded machines.
/// Implementations never run a shell and never need administrator rights.
class SystemProbe
{
public:
    virtual ~SystemProbe() = default;

    static constexpr int kDefaultTimeoutMs = 10'000;
    static constexpr qint64 kDefaultMaxBytes = 1 << 20;

    /// Runs @p program (a name looked up like which(), or an absolute path) with @p arguments and
    /// an unlocalized environment (LC_ALL=C), waiting at most @p timeoutMs.
    virtual CommandResult run(const QString& program, const QStringList& arguments,
                              int timeoutMs = kDefaultTimeoutMs) const = 0;
    /// The first @p maxBytes bytes of @p path and its modification time.
    virtual FileResult readFile(const QString& path, qint64 maxBytes = kDefaultMaxBytes) const = 0;
    virtual DirectoryResult listDirectory(const QString& path) const = 0;
    /// Empty when unset.
    virtual QString environment(const QString& name) const = 0;
    /// Absolute path of @p program on PATH (plus the sbin directories), or empty.
    virtual QString which(const QString& program) const = 0;
    /// The signed-in user's home directory.
    virtual QString homePath() const = 0;
};

} // namespace hearth::compliance
