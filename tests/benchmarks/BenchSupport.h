#pragma once

// What the store-backed benchmarks share: error exit, timing, peak memory and the consent mix.

#include "consent/Consent.h"
#include "support/SyntheticClients.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <cstdio>

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
