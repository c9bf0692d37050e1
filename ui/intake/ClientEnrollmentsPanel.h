#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"

#include <QDate>
#include <QHash>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The Enrollments tab of the client page: the client's enrollments, the actions on them
/// (enroll, one-click check-in for tonight, add a service, exit, reopen) and the services of the
/// selected enrollment. Each action goes through its dialog or service; the table reloads after.
class ClientEnrollmentsPanel : public QWidget
{
    Q_OBJECT
public:
    ClientEnrollmentsPanel(Vault& vault, const ClientProfile& client, QWidget* parent = nullptr);

    const std::vector<Enrollment>& enrollments() const { return m_enrollments; }
    std::optional<Enrollment> selectedEnrollment() const;
    /// Selects the row of enrollment @p uuid (false when the client has none with that id).
    bool selectEnrollment(const QString& uuid);

public Q_SLOTS:
    void reload();
    void enroll();
    /// Records tonight's bed night for the selected enrollment, and for the other active household
    /// members when the user agrees.
    void checkInTonight();
    void addService();
    void exitSelected();
    void reopenSelected();

Q_SIGNALS:
    /// Something was saved (enrollment, exit, service): the page refreshes its header and history.
    void changed();

private:
    void selectionChanged();
    void updateButtons();
    void showServices();
    QString householdText(const Enrollment& enrollment) const;
    QDate today() const;

    Vault& m_vault;
    ClientProfile m_client;
    std::vector<Enrollment> m_enrollments;
    QHash<QString, Project> m_projects;
    QHash<QString, QString> m_names; ///< client uuid -> name, for household members
    QTableWidget* m_table;
    QTableWidget* m_services;
    QPushButton* m_enrollButton;
    QPushButton* m_checkInButton;
    QPushButton* m_serviceButton;
    QPushButton* m_exitButton;
    QPushButton* m_reopenButton;
    QLabel* m_message;
    QLabel* m_error;
};

} // namespace hearth::ui
