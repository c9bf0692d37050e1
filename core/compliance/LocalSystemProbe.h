#pragma once

#include "core/compliance/SystemProbe.h"

namespace hearth::compliance {

/// @brief Looks at this workstation: QProcess without a shell and with LC_ALL=C, plain file reads.
class LocalSystemProbe final : public SystemProbe
{
public:
    CommandResult run(const QString& program, const QStringList& arguments,
                      int timeoutMs = kDefaultTimeoutMs) const override;
    FileResult readFile(const QString& path, qint64 maxBytes = kDefaultMaxBytes) const override;
    DirectoryResult listDirectory(const QString& path) const override;
    QString environment(const QString& name) const override;
    QString which(const QString& program) const override;
    QString homePath() const override;
};

} // namespace hearth::compliance
