#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

namespace hearth::server::field_value {

/// A JSON value as the text stored in record_fields (wrapped in an array so scalars round-trip).
inline QString toText(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

inline QJsonValue fromText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

} // namespace hearth::server::field_value
