#pragma once

#include "core/hud/HudValues.h"
#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "core/services/EnrollmentRecords.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ElementForm;
class FindingsView;
class HudDateEdit;

/// @brief Exits household members from a project: who leaves (the member it was opened for
/// pre-checked), 3.11 exit date, 3.12 destination and the exit elements the project collects, per
/// member. The head can leave only with everyone else; otherwise the dialog says a new head must be
/// chosen first and offers "Change head…". Saves through EnrollmentRecords::exit.
class ExitDialog : public QDialog
{
    Q_OBJECT
public:
    ExitDialog(Vault& vault, const QString& enrollmentUuid, QWidget* parent = nullptr);

    /// Uuids of the enrollments checked to exit, in household order.
    QStringList leaving() const;

public Q_SLOTS:
    void accept() override;
    void changeHead();

private:
    struct Member
    {
        Enrollment enrollment;
        ClientProfile client;
        QString name;
        QWidget* page = nullptr;
        QList<ElementForm*> forms;
    };

    bool loadHousehold();
    void rebuildMembers(const QStringList& checked);
    void recheck();
    HudValues destinationValues() const;

    Vault& m_vault;
    QString m_openedFor;
    Project m_project;
    QDate m_today;
    QList<Member> m_members; ///< active members only
    QList<Enrollment> m_household; ///< everyone, for the head rule (with the chosen head change)
    std::optional<HeadChange> m_headChange; ///< made with the exit, in its transaction
    QHash<QString, ClientProfile> m_clients;
    QHash<QString, HudValues> m_kept; ///< answers of rebuilt forms by "enrollment/element"
    QListWidget* m_checks;
    HudDateEdit* m_exitDate;
    ElementForm* m_destination = nullptr;
    QTabWidget* m_tabs;
    QLabel* m_headMessage;
    QPushButton* m_changeHeadButton;
    FindingsView* m_findings;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace hearth::ui
