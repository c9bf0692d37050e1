#include "sync/protocol/NoSharingMarker.h"

#include "sync/protocol/ConsentReference.h"

#include <QJsonArray>

namespace hearth::sync {

namespace {

bool isMarkerKey(const QString& key)
{
    return key.compare(u"NoSharing", Qt::CaseInsensitive) == 0 || key.compare(u"LocalOnly", Qt::CaseInsensitive) == 0;
}

std::optional<QString> inValue(const QJsonValue& value, const QString& path);

std::optional<QString> inObject(const QJsonObject& object, const QString& path)
{
    if (object.contains(u"ReleaseID") && object.value(u"Choice").toInt() == ConsentReference::NoSharing)
        return QStringLiteral("%1 refers to a No Sharing release")
            .arg(path.isEmpty() ? QStringLiteral("the record") : path);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString here = path.isEmpty() ? it.key() : path + u'.' + it.key();
        if (isMarkerKey(it.key()))
            return QStringLiteral("the key %1 marks local-only data").arg(here);
        if (auto found = inValue(it.value(), here))
            return found;
    }
    return std::nullopt;
}

std::optional<QString> inValue(const QJsonValue& value, const QString& path)
{
    if (value.isObject())
        return inObject(value.toObject(), path);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (auto found = inValue(array.at(i), path + u'[' + QString::number(i) + u']'))
                return found;
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> findNoSharingMarker(const QJsonObject& fields)
{
    return inObject(fields, {});
}

} // namespace hearth::sync
