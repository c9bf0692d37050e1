#include "sync/server/ServerLog.h"

namespace hearth::server {

Q_LOGGING_CATEGORY(lcServer, "hearth.server", QtInfoMsg)

} // namespace hearth::server
