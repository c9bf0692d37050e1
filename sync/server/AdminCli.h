#pragma once

#include <QStringList>

namespace hearth::server {

/// @brief hearth-server's command line: `serve` and the administration subcommands
/// (agency add, user add, device list, device revoke, audit). Returns the process exit code.
int runCommandLine(const QStringList& arguments);

} // namespace hearth::server
