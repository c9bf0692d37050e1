#include "core/hud/HudValues.h"

#include <QJsonValue>

namespace hearth {

std::optional<int> HudValues::code(const QString& column) const
{
    const QVariant v = m_values.value(column);
    if (v.typeId() != QMetaType::Int)
        return std::nullopt;
    return v.toInt();
}

std::optional<QDate> HudValues::date(const QString& column) const
{
    const QVariant v = m_values.value(column);
    if (v.typeId() != QMetaType::QDate || !v.toDate().isValid())
        return std::nullopt;
    return v.toDate();
}

QString HudValues::text(const QString& column) const
{
    const QVariant v = m_values.value(column);
    return v.typeId() == QMetaType::QString ? v.toString() : QString();
}

std::optional<double> HudValues::money(const QString& column) const
{
    const QVariant v = m_values.value(column);
    if (v.typeId() != QMetaType::Double)
        return std::nullopt;
    return v.toDouble();
}

void HudValues::setCode(const QString& column, std::optional<int> code)
{
    if (code)
        m_values.insert(column, *code);
    else
        m_values.remove(column);
}

void HudValues::setDate(const QString& column, std::optional<QDate> date)
{
    if (date && date->isValid())
        m_values.insert(column, *date);
    else
        m_values.remove(column);
}

void HudValues::setText(const QString& column, const QString& text)
{
    if (text.isEmpty())
        m_values.remove(column);
    else
        m_values.insert(column, text);
}

void HudValues::setMoney(const QString& column, std::optional<double> amount)
{
    if (amount)
        m_values.insert(column, *amount);
    else
        m_values.remove(column);
}

void HudValues::set(const QString& column, const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::Double:
    case QMetaType::QString:
        if (value.typeId() == QMetaType::QString && value.toString().isEmpty())
            m_values.remove(column);
        else
            m_values.insert(column, value);
        break;
    case QMetaType::QDate:
        setDate(column, value.toDate());
        break;
    default:
        m_values.remove(column);
    }
}

// Dates are tagged so that a text answer that happens to look like a date stays text.
QJsonObject HudValues::toJson() const
{
    QJsonObject json;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        const QVariant& v = it.value();
        switch (v.typeId()) {
        case QMetaType::Int:
            json.insert(it.key(), v.toInt());
            break;
        case QMetaType::Double:
            json.insert(it.key(), QJsonObject {{u"money"_qs, v.toDouble()}});
            break;
        case QMetaType::QDate:
            json.insert(it.key(), QJsonObject {{u"date"_qs, v.toDate().toString(Qt::ISODate)}});
            break;
        default:
            json.insert(it.key(), v.toString());
        }
    }
    return json;
}

HudValues HudValues::fromJson(const QJsonObject& json)
{
    HudValues values;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isDouble())
            values.setCode(it.key(), v.toInt());
        else if (v.isString())
            values.setText(it.key(), v.toString());
        else if (v.isObject() && v.toObject().contains(u"date"_qs))
            values.setDate(it.key(), QDate::fromString(v.toObject().value(u"date"_qs).toString(), Qt::ISODate));
        else if (v.isObject() && v.toObject().contains(u"money"_qs))
            values.setMoney(it.key(), v.toObject().value(u"money"_qs).toDouble());
    }
    return values;
}

} // namespace hearth
