#pragma once

// What the store-backed benchmarks share: error exit, timing, peak memory and the consent mix.

#include "core/consent/Consent.h"
#include "tests/support/SyntheticClients.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <cstdio>
#include <unistd.h>

namespace hearth::bench {

/// Prints "what: message" to stderr and returns the exit code for main().
inline int fail(const char* what, const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(message));
    return 1;
}

inline double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

/// The process's peak resident set (VmHWM) in MiB, or -1 where /proc is not there.
inline double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/// CPU seconds (user + system) process @p pid has used so far ("self" for this one), from /proc; -1 where
/// it is not there. On a machine shared with other work these compare better than wall time.
inline double cpuSeconds(const QString& pid = QStringLiteral("self"))
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // After the command name (in parentheses, which may hold spaces): field 14 utime, 15 stime.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const long ticks = sysconf(_SC_CLK_TCK);
    if (fields.size() < 13 || ticks <= 0)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(ticks);
}

/// Starts a new peak for peakRssMiB() (Linux: clear_refs "5"); false where that is not allowed.
inline bool resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

/// The agency mix the consent and sync figures use: 70 % Full, 10 % Limited, 10 % Anonymous, 10 % No Sharing.
inline SharingChoice choiceFor(test::SeededRandom& random)
{
    const int n = random.below(100);
    if (n < 70)
        return SharingChoice::FullSharing;
    if (n < 80)
        return SharingChoice::LimitedSharing;
    if (n < 90)
        return SharingChoice::Anonymous;
    return SharingChoice::NoSharing;
}

} // namespace hearth::bench
