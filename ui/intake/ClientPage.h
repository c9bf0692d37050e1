#pragma once

#include "core/intake/ClientProfile.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ClientEnrollmentsPanel;
class ClientProfileForm;
class ConsentBadgeLabel;
class ConsentPanel;

/// @brief One client: a header (name, case number, masked SSN with Reveal for those allowed, date
/// of birth with age, completeness, badges, the consent badge) over four tabs: Profile (the form, to
/// edit), Enrollments, Consent and History. Esc or "Back to search" leaves; a revealed SSN is forgotten with the page.
class ClientPage : public QWidget
{
    Q_OBJECT
public:
    /// @p client: the record as opened (the view is already audited).
    ClientPage(Vault& vault, const ClientProfile& client, QWidget* parent = nullptr);

    const ClientProfile& client() const { return m_client; }
    ClientProfileForm* profileForm() const { return m_form; }
    ClientEnrollmentsPanel* enrollmentsPanel() const { return m_enrollments; }
    ConsentPanel* consentPanel() const { return m_consent; }

    /// True when the profile holds edits not yet saved.
    bool hasUnsavedChanges() const;
    /// The page as left (client, tab, and the profile as typed), for an encrypted draft across a lock.
    QJsonObject draft() const;
    /// Puts back what draft() kept, over the client as stored now.
    void restoreDraft(const QJsonObject& draft);
    /// The client id a draft() belongs to.
    static QString clientOfDraft(const QJsonObject& draft);
    /// Before the page closes: with unsaved edits, asks to save, discard or stay. True when it may close
    /// (nothing to keep, saved, or discarded).
    bool confirmLeave();
    /// The cursor in the first field of the profile.
    void focusStart();

public Q_SLOTS:
    void saveProfile();
    void revealSsn();
    void refresh();

Q_SIGNALS:
    void backRequested();
    /// The client record was saved.
    void clientSaved(const ClientProfile& client);

private:
    QWidget* makeHeader();
    QWidget* makeProfileTab();
    void refreshHeader();
    void refreshHistory();

    Vault& m_vault;
    ClientProfile m_client;
    QString m_revealed; ///< the whole SSN once revealed, until the page closes
    bool m_refusalShown = false; ///< m_error says "Not saved: fix what is marked"
    QLabel* m_name;
    QLabel* m_caseNumber;
    QLabel* m_ssn;
    QPushButton* m_reveal = nullptr;
    QLabel* m_dob;
    QLabel* m_completeness;
    QLabel* m_badges;
    ConsentBadgeLabel* m_consentBadge;
    QTabWidget* m_tabs;
    ClientProfileForm* m_form;
    QLabel* m_error;
    ClientEnrollmentsPanel* m_enrollments;
    ConsentPanel* m_consent;
    QTableWidget* m_history;
};

} // namespace hearth::ui
