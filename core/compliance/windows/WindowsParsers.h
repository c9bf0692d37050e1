#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Pure parsers of what Windows' own tools print, compiled everywhere so recorded outputs are tested
// on any machine. JSON property names and registry value names are not localized.
namespace hearth::compliance {

/// @brief The fields of `Get-MpComputerStatus | ConvertTo-Json` the checks use.
struct DefenderStatus
{
    std::optional<bool> serviceEnabled; ///< AMServiceEnabled
    std::optional<bool> antivirusEnabled; ///< AntivirusEnabled
    std::optional<bool> realTimeProtection; ///< RealTimeProtectionEnabled
    QString runningMode; ///< AMRunningMode: "Normal", "Passive Mode", "EDR Block Mode", …
    QDateTime signaturesUpdated; ///< AntivirusSignatureLastUpdated, UTC; invalid when absent
    QDateTime fullScanEnded; ///< FullScanEndTime, UTC; invalid when never
    std::optional<qint64> fullScanAgeDays; ///< FullScanAge; absent when never (4294967295)

    bool running() const { return serviceEnabled.value_or(false) && antivirusEnabled.value_or(false); }
};
std::optional<DefenderStatus> parseDefenderStatus(const QByteArray& json);

/// @brief An antivirus product registered with the Windows Security Center (root/SecurityCenter2).
struct SecurityCenterProduct
{
    QString name;
    quint32 productState = 0;

    /// Bits 12–15 of productState: 0x1 means real-time protection on.
    bool enabled() const { return ((productState >> 12) & 0xF) == 0x1; }
    /// The low byte: 0x00 up to date, 0x10 out of date.
    bool upToDate() const { return (productState & 0xFF) == 0x00; }
};
std::optional<QList<SecurityCenterProduct>> parseSecurityCenterProducts(const QByteArray& json);

/// @brief One profile of `Get-NetFirewallProfile -PolicyStore ActiveStore | ConvertTo-Json`.
struct FirewallProfile
{
    QString name; ///< Domain, Private, Public
    std::optional<bool> enabled; ///< absent for NotConfigured
};
std::optional<QList<FirewallProfile>> parseFirewallProfiles(const QByteArray& json);

/// @brief One volume of `Get-BitLockerVolume | ConvertTo-Json` (which needs administrator rights).
struct BitLockerVolume
{
    QString mountPoint; ///< "C:"
    int volumeStatus
        = -1; ///< 0 FullyDecrypted, 1 FullyEncrypted, 2 EncryptionInProgress, 3 DecryptionInProgress, 4/5 paused
    int protectionStatus = -1; ///< 0 Off, 1 On, 2 Unknown

    bool protectedAndEncrypted() const { return volumeStatus == 1 && protectionStatus == 1; }
};
std::optional<QList<BitLockerVolume>> parseBitLockerVolumes(const QByteArray& json);

/// The shell property System.Volume.BitLockerProtection, readable without administrator rights:
/// 1 on, 2 off, 3 encrypting, 4 decrypting, 5 suspended, 6 on (locked), 8 waiting for activation.
std::optional<int> parseShellBitLockerProtection(const QByteArray& output);

/// `reg query <key>` lines ("    Name    REG_SZ    Data") as name → data; REG_DWORD data ("0x384")
/// stays as printed. Names compare case-insensitively on Windows, so keys are lower-cased.
QMap<QString, QString> parseRegQuery(const QByteArray& output);
/// A REG_DWORD ("0x384") or REG_SZ number ("900"); empty when neither.
std::optional<qint64> registryNumber(const QString& data);

/// A date as ConvertTo-Json writes it: "/Date(1763700000000)/" (Windows PowerShell 5.1), ISO 8601
/// (PowerShell 7), or an object whose "value" holds one of those.
QDateTime parsePowerShellDate(const QJsonValue& value);

} // namespace hearth::compliance
