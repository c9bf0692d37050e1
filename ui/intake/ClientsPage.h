#pragma once

#include "core/consent/Consent.h"
#include "core/intake/ClientProfile.h"
#include "core/search/SearchTypes.h"
#include "core/services/NewClientIntake.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace hearth {
class Vault;
}

namespace hearth::ui {

class ClientAccessBlockedPanel;
class ClientListModel;
class ClientPage;
class ClientProfileForm;
class HudDateEdit;

/// @brief Search before create: a search bar whose results (ranked, with the reasons they matched)
/// update as the user types. Consent comes first: "New client" and "Anonymous client" open the
/// release dialog; Anonymous then leads to the anonymous-client choices, the other choices to the
/// profile form with what was typed, and saving warns about likely duplicates. The client is saved
/// with the release in one step. Opening a result shows its ClientPage in place.
class ClientsPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr auto kNewClientFormKey = "clients/new";
    /// The draft key of the client page left open (with its unsaved profile edits).
    static constexpr auto kOpenClientKey = "clients/open";
    /// How long typing must pause before the search runs.
    static constexpr int kSearchDelayMs = 150;

    explicit ClientsPage(Vault& vault, QWidget* parent = nullptr);

    /// The search typed and the half-filled New client form with its release, if anything was typed.
    std::optional<QJsonObject> newClientDraft() const;
    void restoreNewClientDraft(const QJsonObject& draft);
    /// The open client page as left, if one is open.
    std::optional<QJsonObject> openClientDraft() const;
    /// Opens the client again (the view is audited again) with what the page held.
    void restoreOpenClient(const QJsonObject& draft);
    /// With a client page open and edited: asks to save, discard or stay. True when the way out may go on.
    bool confirmLeave();
    /// Puts the keyboard where work starts: the search box, or the new-client form when one is open.
    void focusStart();
    ClientListModel* model() const { return m_model; }
    /// The query the search fields make together.
    SearchQuery query() const;
    /// True from a keystroke in the search fields until the search it waits for has run.
    bool searchPending() const;
    ClientProfileForm* newClientForm() const { return m_form; }
    /// The release collected for the client being created, until they are saved.
    const std::optional<ReleaseOfInformation>& pendingRelease() const { return m_intake.release(); }
    /// The page of the opened client, or nullptr while searching or creating.
    ClientPage* clientPage() const { return m_clientPage; }
    /// Shown instead of the search while the agency's compliance policy closes client records here.
    ClientAccessBlockedPanel* accessBlockedPanel() const { return m_blocked; }

public Q_SLOTS:
    /// Runs the search now (typing runs it after a short pause).
    void reload();
    /// After a sync brought records in: the list shows them, and the selected client stays selected.
    void refreshAfterSync();
    void startNewClient();
    void saveNewClient();
    void cancelNewClient();
    void createAnonymousClient();
    void openClient(const QString& uuid);
    void backToSearch();
    /// Reads the compliance block again: while there is one, its reason replaces the whole page.
    /// Returns true while blocked.
    bool refreshAccessBlock();

protected:
    /// Down in a search field moves into the results.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* makeSearchPanel();
    QWidget* makeNewClientPanel();
    void searchEdited();
    void searchEntered();
    /// Runs a search still waiting for the pause, then puts the keyboard on the results, top row selected.
    /// False when there is no result to go to.
    bool focusResults();
    /// Loads the consent badges of the rows shown.
    void showConsent();
    void openIndex(const QModelIndex& index);
    void showClient(const ClientProfile& client);
    void clearSearch();
    /// Runs the release dialog for a new client (@p preselect chosen already); the release waits in
    /// m_intake. False when cancelled or when the page went away meanwhile (a lock): touch nothing then.
    bool askConsent(std::optional<SharingChoice> preselect);
    /// Opens the profile form, started with what was searched.
    void openNewClientForm();
    /// The anonymous-client choices, then the client and the pending release are saved.
    void createAnonymousWithRelease();
    void forgetRelease();
    void showReleaseSummary();
    /// A likely duplicate was found: the user opens the existing client (who gets the release just
    /// collected) or adds the client anyway.
    void reviewDuplicates(const ClientProfile& profile, const std::vector<ClientMatch>& candidates);
    /// The client was saved: the form empties and their page opens.
    void showCreated(const ClientProfile& client);

    Vault& m_vault;
    ClientListModel* m_model;
    QTimer* m_searchTimer;
    QStackedWidget* m_stack;
    ClientAccessBlockedPanel* m_blocked;
    QWidget* m_searchPanel = nullptr;
    QWidget* m_newPanel = nullptr;
    QLineEdit* m_searchText;
    QLineEdit* m_searchFirst;
    QLineEdit* m_searchLast;
    HudDateEdit* m_searchDob;
    QLineEdit* m_searchSsn;
    QLabel* m_searchSummary;
    QTableView* m_table;
    QPushButton* m_newButton;
    ClientProfileForm* m_form;
    ClientPage* m_clientPage = nullptr;
    bool m_refusalShown = false; ///< m_error says "Not saved: fix what is marked"
    QLabel* m_releaseSummary;
    QLabel* m_error;
    NewClientIntake m_intake;
};

} // namespace hearth::ui
