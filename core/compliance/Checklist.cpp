#include "core/compliance/Checklist.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSet>

namespace hearth::compliance {
namespace {

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, QObject::tr("The compliance checklist is not valid: %1").arg(message));
}

Result<ChecklistItem> itemFrom(const QJsonObject& json, int index)
{
    ChecklistItem item;
    item.id = json.value(u"id").toString().trimmed();
    const QString where = item.id.isEmpty() ? QObject::tr("item %1").arg(index + 1) : item.id;
    item.wording = json.value(u"wording").toString().trimmed();
    item.why = json.value(u"why").toString().trimmed();
    item.policySection = json.value(u"policySection").toString().trimmed();
    if (item.id.isEmpty() || item.wording.isEmpty() || item.why.isEmpty() || item.policySection.isEmpty())
        return invalid(QObject::tr("%1 needs an id, wording, why and policySection.").arg(where));
    const auto kind = itemKindFromName(json.value(u"kind").toString());
    if (!kind)
        return invalid(QObject::tr("%1 has a kind other than automatic or attestation.").arg(where));
    item.kind = *kind;
    const auto severity = severityFromName(json.value(u"severity").toString());
    if (!severity)
        return invalid(QObject::tr("%1 has a severity other than critical, high, medium or low.").arg(where));
    item.severity = *severity;
    const QJsonObject thresholds = json.value(u"thresholds").toObject();
    for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
        if (!it.value().isDouble() || it.value().toDouble() <= 0)
            return invalid(QObject::tr("%1's threshold %2 must be a positive number.").arg(where, it.key()));
        item.thresholds.insert(it.key(), it.value().toDouble());
    }
    return item;
}

Result<SupportedRelease> releaseFrom(const QJsonObject& json)
{
    SupportedRelease release {
        json.value(u"os").toString(), json.value(u"version").toString(), json.value(u"name").toString(),
        QDate::fromString(json.value(u"supportedUntil").toString(), Qt::ISODate), json.value(u"note").toString()};
    if (release.os.isEmpty() || release.version.isEmpty() || release.name.isEmpty()
        || !release.supportedUntil.isValid())
        return invalid(QObject::tr("each supported release needs an os, version, name and supportedUntil date."));
    return release;
}

} // namespace

QString itemKindName(ItemKind kind)
{
    return kind == ItemKind::Automatic ? QStringLiteral("automatic") : QStringLiteral("attestation");
}

std::optional<ItemKind> itemKindFromName(const QString& text)
{
    if (text == u"automatic")
        return ItemKind::Automatic;
    if (text == u"attestation")
        return ItemKind::Attestation;
    return std::nullopt;
}

std::optional<Severity> severityFromName(const QString& text)
{
    for (Severity s : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        if (severityName(s) == text)
            return s;
    }
    return std::nullopt;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("critical");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::Low:
        return QStringLiteral("low");
    }
    return {};
}

const ChecklistItem* Checklist::item(const QString& id) const
{
    for (const ChecklistItem& candidate : items) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QList<ChecklistItem> Checklist::itemsOfKind(ItemKind kind) const
{
    QList<ChecklistItem> matching;
    for (const ChecklistItem& candidate : items) {
        if (candidate.kind == kind)
            matching << candidate;
    }
    return matching;
}

const SupportedRelease* Checklist::release(const QString& os, const QString& releaseVersion) const
{
    for (const SupportedRelease& candidate : supportedReleases) {
        if (candidate.os == os && candidate.version == releaseVersion)
            return &candidate;
    }
    return nullptr;
}

Result<Checklist> Checklist::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return invalid(parseError.errorString());
    const QJsonObject root = document.object();
    Checklist checklist;
    checklist.version = root.value(u"version").toInt();
    checklist.title = root.value(u"title").toString();
    if (checklist.version < 1 || checklist.title.isEmpty())
        return invalid(QObject::tr("it needs a version and a title."));
    const QJsonArray items = root.value(u"items").toArray();
    if (items.isEmpty())
        return invalid(QObject::tr("it has no items."));
    QSet<QString> ids;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto item = itemFrom(items.at(i).toObject(), static_cast<int>(i));
        if (!item)
            return item.error();
        if (ids.contains(item->id))
            return invalid(QObject::tr("the id %1 is used twice.").arg(item->id));
        ids.insert(item->id);
        checklist.items << std::move(item).value();
    }
    for (const QJsonValue& value : root.value(u"supportedReleases").toArray()) {
        auto release = releaseFrom(value.toObject());
        if (!release)
            return release.error();
        checklist.supportedReleases << std::move(release).value();
    }
    for (const QJsonValue& value : root.value(u"linuxAntivirusServices").toArray()) {
        const AntivirusService service {value[u"product"].toString(), value[u"service"].toString()};
        if (service.product.isEmpty() || service.service.isEmpty())
            return invalid(QObject::tr("each antivirus service needs a product and a service."));
        checklist.linuxAntivirusServices << service;
    }
    for (const QJsonValue& value : root.value(u"linuxScanLogs").toArray())
        checklist.linuxScanLogs << value.toString();
    return checklist;
}

Result<Checklist> Checklist::builtIn()
{
    QFile file(QStringLiteral(":/hearth/compliance/checklist.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, QObject::tr("The built-in compliance checklist is missing."));
    return fromJson(file.readAll());
}

} // namespace hearth::compliance
