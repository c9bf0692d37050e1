#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth::compliance {

enum class ItemKind
{
    Automatic, ///< a check looks at the workstation
    Attestation, ///< the security officer answers
};

enum class Severity
{
    Critical,
    High,
    Medium,
    Low,
};

QString severityName(Severity severity); ///< "critical", "high", "medium", "low"
std::optional<Severity> severityFromName(const QString& text);
QString itemKindName(ItemKind kind); ///< "automatic" or "attestation"
std::optional<ItemKind> itemKindFromName(const QString& text);

/// @brief One line of the Compliance Certification Checklist.
struct ChecklistItem
{
    QString id; ///< stable key, e.g. "firewall-active"; results and findings refer to it
    QString wording; ///< what the item asks, as printed on the checklist
    QString why; ///< the risk it guards against
    QString policySection; ///< the Sonoma policy section it comes from, by name
    ItemKind kind = ItemKind::Attestation;
    Severity severity = Severity::Medium;
    QMap<QString, double> thresholds; ///< e.g. "antivirusDefinitionsMaxAgeHours" → 24

    /// The threshold named @p name, or @p fallback when the item has none by that name.
    double threshold(const QString& name, double fallback) const { return thresholds.value(name, fallback); }
};

/// @brief An operating-system release and the last day it receives security updates.
struct SupportedRelease
{
    QString os; ///< os-release ID ("debian", "ubuntu"), "windows" or "macos"
    QString version; ///< os-release VERSION_ID, a Windows build number or a macOS major version
    QString name; ///< "Debian 12 (bookworm)"
    QDate supportedUntil;
    QString note; ///< e.g. "Debian LTS after 2026-06-10"
};

/// @brief Third-party antivirus known by its systemd service on Linux.
struct AntivirusService
{
    QString product;
    QString service; ///< systemd unit name, without ".service"
};

/// @brief The checklist as data: items plus the tables the checks consult. An HMIS Lead adjusts
/// thresholds and tables by editing the JSON, not the code.
struct Checklist
{
    int version = 0;
    QString title;
    QList<ChecklistItem> items;
    QList<SupportedRelease> supportedReleases;
    QList<AntivirusService> linuxAntivirusServices;
    QStringList linuxScanLogs; ///< where a full-scan log may be found, in order

    /// The item with @p id, or nullptr.
    const ChecklistItem* item(const QString& id) const;
    QList<ChecklistItem> itemsOfKind(ItemKind kind) const;
    /// The release entry for @p os / @p version, or nullptr when the table does not list it.
    const SupportedRelease* release(const QString& os, const QString& version) const;

    /// Parses and validates @p json: every item well-formed, ids unique, thresholds positive.
    static Result<Checklist> fromJson(const QByteArray& json);
    /// The checklist embedded in Hearth (resources/compliance/checklist.json).
    static Result<Checklist> builtIn();
};

} // namespace hearth::compliance
