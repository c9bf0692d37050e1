#pragma once

#include <QDate>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVariant>

#include <optional>

namespace hearth {

/// @brief Answers to HUD data elements keyed by their HMIS CSV column name ("LivingSituation",
/// "IncomeFromAnySource", ...). Coded answers are ints, dates are QDate, text is QString and money
/// is double. A missing key means "not answered yet", which is different from HUD's 99.
class HudValues
{
public:
    bool has(const QString& column) const { return m_values.contains(column); }
    bool isEmpty() const { return m_values.isEmpty(); }
    QStringList columns() const { return m_values.keys(); }

    std::optional<int> code(const QString& column) const;
    std::optional<QDate> date(const QString& column) const;
    QString text(const QString& column) const;
    std::optional<double> money(const QString& column) const;
    QVariant value(const QString& column) const { return m_values.value(column); }

    void setCode(const QString& column, std::optional<int> code);
    void setDate(const QString& column, std::optional<QDate> date);
    void setText(const QString& column, const QString& text); ///< empty text removes the key
    void setMoney(const QString& column, std::optional<double> amount);
    void set(const QString& column, const QVariant& value); ///< null/invalid removes the key
    void remove(const QString& column) { m_values.remove(column); }

    /// JSON form for the store and the change log: dates as ISO strings.
    QJsonObject toJson() const;
    static HudValues fromJson(const QJsonObject& json);

    friend bool operator==(const HudValues& a, const HudValues& b) { return a.m_values == b.m_values; }

private:
    QMap<QString, QVariant> m_values;
};

} // namespace hearth
