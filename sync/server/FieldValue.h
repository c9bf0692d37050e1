#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

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

/// A record's current fields live in two texts of its `records` row: `fields`, the values as one JSON
/// object (as the device sent them), and `field_versions`, the record version that set each field, for
/// the fields set after the record's first version only (NULL when there are none, as for most records:
/// few are edited after their first push). One row per record rather than one per field: a first sync
/// of 10,000 clients wrote a million field rows otherwise, each an index entry keyed by a random id.
inline StoredFields parseStored(const QString& values, const QString& versions)
{
    StoredFields out;
    const QJsonObject current = QJsonDocument::fromJson(values.toUtf8()).object();
    const QJsonObject setAt = versions.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(versions.toUtf8()).object();
    for (auto it = current.constBegin(); it != current.constEnd(); ++it)
        out.insert(it.key(), {it.value(), setAt.value(it.key()).toInteger(1)});
    return out;
}

inline QString valuesText(const QJsonObject& values)
{
    return QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
}

/// The `fields` and `field_versions` texts of @p fields.
struct StoredText
{
    QString values;
    QVariant versions; ///< null when every field is at version 1
};

inline StoredText storedText(const StoredFields& fields)
{
    QJsonObject values;
    QJsonObject versions;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        values.insert(it.key(), it->value);
        if (it->version != 1)
            versions.insert(it.key(), it->version);
    }
    return {valuesText(values), versions.isEmpty() ? QVariant() : QVariant(valuesText(versions))};
}

/// The current values of a record, as a pull delivers them.
inline QJsonObject currentValues(const QString& values)
{
    return QJsonDocument::fromJson(values.toUtf8()).object();
}

} // namespace hearth::server::field_value
