#pragma once

#include "core/consent/ConsentPolicy.h"
#include "core/intake/ClientProfile.h"

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

class ConsentBadgeLabel;

/// @brief The Consent tab of the client page: where the client's consent stands, in large text with
/// its badges; what it allows, line by line (ConsentPolicy::explain); the Coordinated Entry release;
/// the history of releases; and the actions: record a new release, renew, revoke, record the CES
/// release, view a signature or scanned form. Every change goes through ConsentDialog or ConsentRecords.
class ConsentPanel : public QWidget
{
    Q_OBJECT
public:
    ConsentPanel(Vault& vault, const ClientProfile& client, QWidget* parent = nullptr);

    /// The status as last loaded (empty when it could not be read).
    const std::optional<ConsentStatus>& status() const { return m_status; }
    /// The releases shown in the history table, newest first.
    const std::vector<ReleaseOfInformation>& history() const { return m_history; }

public Q_SLOTS:
    void reload();
    /// A new HMIS release (a change of choice) through ConsentDialog.
    void recordRelease();
    /// A new HMIS release to replace one that expires soon or has expired.
    void renewRelease();
    /// Asks for a note and confirms, then revokes the HMIS release from now on.
    void revokeConsent();
    /// The separate Coordinated Entry release through ConsentDialog.
    void recordCoordinatedEntry();
    /// Shows the signature and scanned form of the release selected in the history.
    void viewAttachments();

Q_SIGNALS:
    /// A release was recorded or revoked: the page refreshes its header badges.
    void consentChanged();

private:
    void runDialog(ReleaseKind kind);
    void updateButtons();
    std::optional<ReleaseOfInformation> selectedRelease() const;

    Vault& m_vault;
    ClientProfile m_client;
    std::optional<ConsentStatus> m_status;
    std::vector<ReleaseOfInformation> m_history;
    int m_warningDays = 30;
    QLabel* m_standing;
    ConsentBadgeLabel* m_badges;
    QLabel* m_allows;
    QLabel* m_coordinatedEntry;
    QTableWidget* m_table;
    QPushButton* m_recordButton;
    QPushButton* m_renewButton;
    QPushButton* m_revokeButton;
    QPushButton* m_cesButton;
    QPushButton* m_viewButton;
    QLabel* m_error;
};

} // namespace hearth::ui
