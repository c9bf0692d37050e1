#pragma once

#include <QLoggingCategory>

namespace hearth::server {

/// hearth-server's one logging category: request ids, paths, statuses, counts and error codes only.
Q_DECLARE_LOGGING_CATEGORY(lcServer)

} // namespace hearth::server
