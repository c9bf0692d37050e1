#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace hearth::ui {

/// @brief The agencies a Limited Sharing release names: the CoC's partner agencies to tick, and a
/// line to add one that is not on the list.
class AgencyChecklist : public QWidget
{
    Q_OBJECT
public:
    explicit AgencyChecklist(QWidget* parent = nullptr);

    /// The agencies offered, none ticked.
    void setAgencies(const QStringList& agencies);
    /// Ticked, in list order.
    QStringList checkedAgencies() const;
    /// Ticks @p agencies, adding those not offered.
    void setCheckedAgencies(const QStringList& agencies);
    QListWidget* listWidget() const { return m_list; }
    QLineEdit* otherEdit() const { return m_other; }

Q_SIGNALS:
    void changed();

private:
    void addOther();
    /// The row of @p agency (same name ignoring case and spacing), added unticked when missing.
    int rowOf(const QString& agency);

    QListWidget* m_list;
    QLineEdit* m_other;
    QPushButton* m_add;
};

} // namespace hearth::ui
