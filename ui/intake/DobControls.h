#pragma once

#include <QDate>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace hearth::ui {

class DataQualityCombo;
class HudDateEdit;

/// @brief The 3.03 date of birth entry of the client form: the date, the age it gives today,
/// "Approximate" (with an age the client gives turned into 1 January of the birth year), and the
/// DOB Data Quality that follows the entry until chosen by hand. The form lays the widgets out.
class DobControls : public QObject
{
    Q_OBJECT
public:
    DobControls(QDate today, QObject* parent = nullptr);

    HudDateEdit* dateEdit() const { return m_date; }
    QLabel* ageLabel() const { return m_age; }
    QCheckBox* approximate() const { return m_approximate; }
    QSpinBox* approximateAge() const { return m_approximateAge; }
    DataQualityCombo* quality() const { return m_quality; }

    void load(const std::optional<QDate>& dob, int dataQuality);
    std::optional<QDate> date() const;
    int dataQuality() const;
    /// False when the text typed is not a date.
    bool hasValidText() const;

    QJsonObject draft() const;
    void restoreDraft(const QJsonObject& draft);

Q_SIGNALS:
    void changed();

private:
    void ageEdited(int age);
    void refresh();

    QDate m_today;
    HudDateEdit* m_date;
    QLabel* m_age;
    QCheckBox* m_approximate;
    QSpinBox* m_approximateAge;
    DataQualityCombo* m_quality;
    bool m_settingAge = false;
};

} // namespace hearth::ui
