#pragma once

#include "core/hud/HudValues.h"
#include "core/intake/ProgramElements.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace hearth::ui {

/// @brief The questions of one HUD program element (ProgramElement) as a form: the element's help at
/// the top, then one row per field with a control chosen from the catalog column (combo for coded
/// columns, date field, amount, number or text), help as tooltip and What's This (Shift+F1).
///
/// Follow-up questions appear and disappear as answers change (ProgramElements::shownFields), and
/// values() leaves out answers of hidden questions, as HUD wants them null.
class ElementForm : public QWidget
{
    Q_OBJECT
public:
    ElementForm(const ProgramElement& element, int projectType, QWidget* parent = nullptr);

    const ProgramElement& element() const { return m_element; }
    void setValues(const HudValues& values);
    /// The answers of the shown questions plus the element's fixed values (DisabilityType).
    HudValues values() const;
    /// Labels of questions whose text cannot be read (a date like 13/45/2020, letters in an amount).
    QStringList unreadableFields() const;

    /// The control of @p column (objectName is the column), or nullptr.
    QWidget* control(const QString& column) const { return m_controls.value(column); }
    bool isShown(const QString& column) const;

Q_SIGNALS:
    void changed();

private:
    QWidget* makeControl(const FormField& field);
    HudValues rawValues() const;
    void readControl(const FormField& field, HudValues& out) const;
    void writeControl(const FormField& field, const HudValues& values);
    void updateVisibility();
    void onEdited();

    enum class Kind
    {
        Code,
        Date,
        Money,
        Integer,
        Text,
    };

    ProgramElement m_element;
    int m_projectType;
    QFormLayout* m_form;
    QHash<QString, QWidget*> m_controls;
    QHash<QString, Kind> m_kinds;
    QHash<QString, bool> m_shown;
    bool m_loading = false;
};

} // namespace hearth::ui
