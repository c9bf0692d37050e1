#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace hearth::server::field_value {

/// A JSON value as the text stored in field_history and conflicts (wrapped in an array so scalars
/// round-trip).
inline QString toText(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

inline QJsonValue fromText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

/// A record field's current value and the record version that set it.
struct StoredField
{
    QJsonValue value;
    qint64 version = 0;
};
using StoredFields = QHash<QString, StoredField>;

/// records.fields: every current field of a record in one JSON text, {"Field": [value, version], ...}.
/// One row per record rather than one per field: a first sync writes a million fields otherwise, each
/// an index entry keyed by a random id.
inline StoredFields parseStored(const QString& text)
{
    StoredFields out;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonArray pair = it.value().toArray();
        out.insert(it.key(), {pair.at(0), pair.at(1).toInteger()});
    }
    return out;
}

inline QString storedText(const StoredFields& fields)
{
    QJsonObject object;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        object.insert(it.key(), QJsonArray {it->value, it->version});
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// The current values of records.fields, as a pull delivers them.
inline QJsonObject currentValues(const QString& text)
{
    QJsonObject out;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.insert(it.key(), it.value().toArray().at(0));
    return out;
}

} // namespace hearth::server::field_value
