#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace hearth::json_column {

/// Compact JSON text for a `data` column (the database file is encrypted as a whole).
inline QString encode(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

/// The object in a `data` column; an empty object when the text is not a JSON object.
inline QJsonObject decode(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace hearth::json_column
