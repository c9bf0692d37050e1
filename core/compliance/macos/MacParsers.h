#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Pure parsers of macOS command output, compiled everywhere so recorded outputs are tested on any
// machine. Apple's command-line tools print English only; the parsers still key on the stable parts
// ("(State = 1)", numbers) where there is one.
namespace hearth::compliance {

/// `fdesetup status`: true for "FileVault is On.", false for "FileVault is Off.".
std::optional<bool> parseFileVaultOn(const QByteArray& output);

/// `/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate`: "Firewall is enabled. (State = 1)";
/// 1 on, 2 on and blocking all incoming, 0 off.
std::optional<int> parseFirewallGlobalState(const QByteArray& output);

/// `defaults read …` of an integer.
std::optional<int> parseDefaultsInteger(const QByteArray& output);

/// `sysadminctl -screenLock status` (which prints to stderr): seconds after the screen saver or
/// display sleep until the password is required; 0 for "immediate"; -1 for "screenLock is off".
std::optional<int> parseScreenLockDelay(const QByteArray& output);

/// `pmset -g`: the "displaysleep" minutes (0 never).
std::optional<int> parseDisplaySleepMinutes(const QByteArray& output);

/// `sw_vers -productVersion` ("15.1.1") to the release key of the supported table ("15"; "10.15"
/// for the 10.x line).
QString macMajorVersion(const QByteArray& output);

/// `sysctl vm.swapusage`: whether the line says "(encrypted)".
std::optional<bool> parseSwapEncrypted(const QByteArray& output);

} // namespace hearth::compliance
