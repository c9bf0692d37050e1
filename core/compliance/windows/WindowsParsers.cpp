#include "core/compliance/windows/WindowsParsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace hearth::compliance {
namespace {

// ConvertTo-Json writes one object for one result and an array for several.
std::optional<QList<QJsonObject>> objects(const QByteArray& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isObject())
        return QList<QJsonObject> {document.object()};
    if (!document.isArray())
        return std::nullopt;
    QList<QJsonObject> list;
    for (const QJsonValue& value : document.array())
        list << value.toObject();
    return list;
}

std::optional<bool> boolean(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toInt() == 1 ? std::optional(true) : value.toInt() == 0 ? std::optional(false) : std::nullopt;
    if (value.isString()) {
        const QString text = value.toString();
        if (text.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

// An enum as a number, or by name when ConvertTo-Json was told -EnumsAsStrings.
int enumValue(const QJsonValue& value, const QStringList& names)
{
    if (value.isDouble())
        return value.toInt();
    const qsizetype index = names.indexOf(value.toString());
    return index < 0 ? -1 : static_cast<int>(index);
}

} // namespace

QDateTime parsePowerShellDate(const QJsonValue& value)
{
    if (value.isObject())
        return parsePowerShellDate(value.toObject().value(u"value"));
    const QString text = value.toString();
    static const QRegularExpression epoch(QStringLiteral("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$"));
    if (const auto match = epoch.match(text); match.hasMatch())
        return QDateTime::fromMSecsSinceEpoch(match.captured(1).toLongLong(), Qt::UTC);
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

std::optional<DefenderStatus> parseDefenderStatus(const QByteArray& json)
{
    const auto list = objects(json);
    if (!list || list->size() != 1)
        return std::nullopt;
    const QJsonObject o = list->first();
    if (!o.contains(u"AMServiceEnabled") && !o.contains(u"AntivirusEnabled"))
        return std::nullopt;
    DefenderStatus status;
    status.serviceEnabled = boolean(o.value(u"AMServiceEnabled"));
    status.antivirusEnabled = boolean(o.value(u"AntivirusEnabled"));
    status.realTimeProtection = boolean(o.value(u"RealTimeProtectionEnabled"));
    status.runningMode = o.value(u"AMRunningMode").toString();
    status.signaturesUpdated = parsePowerShellDate(o.value(u"AntivirusSignatureLastUpdated"));
    status.fullScanEnded = parsePowerShellDate(o.value(u"FullScanEndTime"));
    const QJsonValue age = o.value(u"FullScanAge");
    // 4294967295 (UINT32_MAX) is Defender's "never".
    if (age.isDouble() && age.toDouble() < 4294967295.0)
        status.fullScanAgeDays = static_cast<qint64>(age.toDouble());
    return status;
}

std::optional<QList<SecurityCenterProduct>> parseSecurityCenterProducts(const QByteArray& json)
{
    if (json.trimmed().isEmpty())
        return QList<SecurityCenterProduct> {}; // no product registered: ConvertTo-Json prints nothing
    const auto list = objects(json);
    if (!list)
        return std::nullopt;
    QList<SecurityCenterProduct> products;
    for (const QJsonObject& o : *list) {
        if (!o.value(u"productState").isDouble())
            return std::nullopt;
        products << SecurityCenterProduct {o.value(u"displayName").toString(),
                                           static_cast<quint32>(o.value(u"productState").toDouble())};
    }
    return products;
}

std::optional<QList<FirewallProfile>> parseFirewallProfiles(const QByteArray& json)
{
    const auto list = objects(json);
    if (!list || list->isEmpty())
        return std::nullopt;
    QList<FirewallProfile> profiles;
    for (const QJsonObject& o : *list) {
        // Enabled is a GpoBoolean: 0 False, 1 True, 2 NotConfigured.
        const QString name = o.value(u"Name").toString();
        if (name.isEmpty())
            return std::nullopt;
        profiles << FirewallProfile {name, boolean(o.value(u"Enabled"))};
    }
    return profiles;
}

std::optional<QList<BitLockerVolume>> parseBitLockerVolumes(const QByteArray& json)
{
    const auto list = objects(json);
    if (!list || list->isEmpty())
        return std::nullopt;
    static const QStringList volumeNames {
        QStringLiteral("FullyDecrypted"),       QStringLiteral("FullyEncrypted"),
        QStringLiteral("EncryptionInProgress"), QStringLiteral("DecryptionInProgress"),
        QStringLiteral("EncryptionSuspended"),  QStringLiteral("DecryptionSuspended")};
    static const QStringList protectionNames {QStringLiteral("Off"), QStringLiteral("On"), QStringLiteral("Unknown")};
    QList<BitLockerVolume> volumes;
    for (const QJsonObject& o : *list) {
        BitLockerVolume volume {o.value(u"MountPoint").toString(), enumValue(o.value(u"VolumeStatus"), volumeNames),
                                enumValue(o.value(u"ProtectionStatus"), protectionNames)};
        if (volume.mountPoint.isEmpty() || volume.volumeStatus < 0 || volume.protectionStatus < 0)
            return std::nullopt;
        volumes << volume;
    }
    return volumes;
}

std::optional<int> parseShellBitLockerProtection(const QByteArray& output)
{
    bool ok = false;
    const int value = QString::fromUtf8(output).trimmed().toInt(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

QMap<QString, QString> parseRegQuery(const QByteArray& output)
{
    static const QRegularExpression line(QStringLiteral("^\\s+(.+?)\\s+(REG_[A-Z_]+)(?:\\s+(.*))?$"));
    QMap<QString, QString> values;
    for (const QString& text : QString::fromUtf8(output).split(u'\n')) {
        const auto match
            = line.match(text.trimmed().isEmpty() ? QString() : text.chopped(text.endsWith(u'\r') ? 1 : 0));
        if (match.hasMatch())
            values.insert(match.captured(1).toLower(), match.captured(3).trimmed());
    }
    return values;
}

std::optional<qint64> registryNumber(const QString& data)
{
    bool ok = false;
    const qint64 value = data.startsWith(QStringLiteral("0x")) ? data.mid(2).toLongLong(&ok, 16) : data.toLongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

} // namespace hearth::compliance
