#pragma once

#include "core/common/Result.h"

#include <QString>

#include <functional>

class QIODevice;

namespace hearth {

/// @brief The one way Hearth writes a file that leaves the encrypted store (an export, a saved copy, a
/// report): @p write fills a temporary file beside @p path, then @p audit records the export (with its
/// permission check), and only then does the file take its name. No audit line, no file; a failed write
/// leaves neither. @p failure starts the message shown when the disk refuses ("The report could not be
/// saved").
Status writeAuditedFile(const QString& path, const std::function<Status(QIODevice&)>& write,
                        const std::function<Status()>& audit, const QString& failure);

} // namespace hearth
