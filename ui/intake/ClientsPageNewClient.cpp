// ClientsPage: adding a client. The order (consent first, search before create) lives in core's
// NewClientIntake; this file shows each step and keeps the half-done form as a draft.
#include "core/common/DisplayDates.h"
#include "core/services/ClientSearch.h"
#include "core/vault/Vault.h"
#include "ui/consent/ConsentDialog.h"
#include "ui/consent/ReleaseDraft.h"
#include "ui/intake/AnonymousClientDialog.h"
#include "ui/intake/ClientProfileForm.h"
#include "ui/intake/ClientsPage.h"
#include "ui/intake/DuplicateDialog.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QStackedWidget>

#include <algorithm>

namespace hearth::ui {

namespace {
const QString kSearchKey = QStringLiteral("search");
const QString kFormKey = QStringLiteral("form");
const QString kFormOpenKey = QStringLiteral("formOpen");
const QString kTextKey = QStringLiteral("text");
const QString kFirstKey = QStringLiteral("firstName");
const QString kLastKey = QStringLiteral("lastName");
const QString kDobKey = QStringLiteral("dob");
const QString kSsnKey = QStringLiteral("ssnLast4");
const QString kReleaseKey = QStringLiteral("release");
} // namespace

void ClientsPage::startNewClient()
{
    reload();
    if (query().isEmpty() || !m_vault.can(Permission::EditClients))
        return;
    if (!askConsent(std::nullopt))
        return;
    if (m_intake.releaseIsAnonymous())
        createAnonymousWithRelease();
    else
        openNewClientForm();
}

bool ClientsPage::askConsent(std::optional<SharingChoice> preselect)
{
    QPointer<ConsentDialog> dialog = ConsentDialog::newClient(m_vault, this);
    if (preselect)
        dialog->setChoice(*preselect);
    const int result = dialog->exec();
    if (!dialog)
        return false; // locked meanwhile: this page is gone too
    if (result == QDialog::Accepted)
        m_intake.collectRelease(dialog->release(), dialog->attachments());
    else
        forgetRelease();
    delete dialog;
    return result == QDialog::Accepted;
}

void ClientsPage::forgetRelease()
{
    m_intake.forgetRelease();
    showReleaseSummary();
}

void ClientsPage::showReleaseSummary()
{
    const auto& release = m_intake.release();
    if (!release) {
        m_releaseSummary->clear();
        return;
    }
    QString text = tr("Consent: %1, signed %2").arg(sharingChoiceName(release->choice), displayDate(release->signedOn));
    if (release->choice == SharingChoice::NoSharing)
        text += tr(" — kept on this workstation only");
    m_releaseSummary->setText(text);
}

void ClientsPage::openNewClientForm()
{
    const SearchQuery q = query();
    // What was searched starts the form: the names and date of birth.
    QJsonObject dob;
    if (q.dob)
        dob.insert(QStringLiteral("text"), HudDateEdit::format(*q.dob));
    m_form->restoreDraft(QJsonObject {{QStringLiteral("firstName"), q.firstName},
                                      {QStringLiteral("lastName"), q.lastName},
                                      {QStringLiteral("dob"), dob}});
    showReleaseSummary();
    showError(m_error, {});
    m_stack->setCurrentWidget(m_newPanel);
    m_form->firstNameEdit()->setFocus();
}

void ClientsPage::cancelNewClient()
{
    forgetRelease();
    m_form->setProfile(ClientProfile());
    showError(m_error, {});
    m_stack->setCurrentWidget(m_searchPanel);
    m_searchFirst->setFocus();
}

void ClientsPage::saveNewClient()
{
    if (m_stack->currentWidget() != m_newPanel)
        return;
    m_refusalShown = m_form->hasRefusal();
    if (m_refusalShown) {
        showError(m_error, tr("Not saved: fix what is marked \"Cannot save\" first."));
        return;
    }
    if (!m_intake.release()) {
        // A form restored from before consent came first: ask now.
        if (!askConsent(std::nullopt))
            return;
        showReleaseSummary();
        if (m_intake.releaseIsAnonymous()) {
            createAnonymousWithRelease();
            return;
        }
    }
    const ClientProfile profile = m_form->profile();
    auto outcome = m_intake.save(profile);
    if (!outcome) {
        showError(m_error, outcome.message());
        return;
    }
    if (outcome->created)
        showCreated(*outcome->created);
    else
        reviewDuplicates(profile, outcome->possibleDuplicates);
}

void ClientsPage::reviewDuplicates(const ClientProfile& profile, const std::vector<ClientMatch>& candidates)
{
    QPointer<DuplicateDialog> dialog = new DuplicateDialog(candidates, m_vault.clock().today(), this);
    const int choice = dialog->exec();
    if (!dialog)
        return; // locked meanwhile: this page is gone too
    const QString existing = dialog->chosenUuid();
    delete dialog;
    if (choice == DuplicateDialog::OpenExisting) {
        m_form->setProfile(ClientProfile());
        clearSearch();
        openClient(existing);
        const Status recorded = m_intake.recordForExisting(existing);
        showReleaseSummary();
        if (!recorded) {
            showError(m_error,
                      tr("The release just collected was not recorded for this client: %1 Record it again "
                         "from the client's page.")
                          .arg(recorded.message()));
        }
        return;
    }
    if (choice != DuplicateDialog::CreateAnyway)
        return;
    auto outcome = m_intake.save(profile, NewClientIntake::Duplicates::Reviewed);
    if (!outcome) {
        showError(m_error, outcome.message());
        return;
    }
    showCreated(*outcome->created);
}

void ClientsPage::showCreated(const ClientProfile& client)
{
    showError(m_error, {});
    showReleaseSummary();
    if (m_stack->currentWidget() == m_newPanel)
        m_form->setProfile(ClientProfile());
    clearSearch();
    showClient(client);
}

void ClientsPage::createAnonymousClient()
{
    if (!m_vault.can(Permission::EditClients))
        return;
    if (!askConsent(SharingChoice::Anonymous))
        return;
    if (m_intake.releaseIsAnonymous())
        createAnonymousWithRelease();
    else
        openNewClientForm(); // the client chose to be identified after all
}

void ClientsPage::createAnonymousWithRelease()
{
    QPointer<AnonymousClientDialog> dialog = new AnonymousClientDialog(this);
    const int result = dialog->exec();
    if (!dialog)
        return; // locked meanwhile: this page is gone too
    const QString profileId = dialog->profileId();
    const std::optional<int> age = dialog->approximateAge();
    delete dialog;
    if (result != QDialog::Accepted) {
        forgetRelease();
        return;
    }
    auto created = m_intake.saveAnonymous(profileId, age);
    if (!created) {
        showError(m_error, created.message());
        return;
    }
    showCreated(created.value());
}

std::optional<QJsonObject> ClientsPage::newClientDraft() const
{
    const QJsonObject search {{kTextKey, m_searchText->text()},
                              {kFirstKey, m_searchFirst->text()},
                              {kLastKey, m_searchLast->text()},
                              {kDobKey, m_searchDob->lineEdit()->text()},
                              {kSsnKey, m_searchSsn->text()}};
    const bool searchBlank = std::all_of(search.constBegin(), search.constEnd(),
                                         [](const QJsonValue& v) { return v.toString().isEmpty(); });
    const bool formOpen = m_stack->currentWidget() == m_newPanel;
    if (searchBlank && !formOpen && m_form->isBlank())
        return std::nullopt;
    QJsonObject draft {{kSearchKey, search}, {kFormKey, m_form->draft()}, {kFormOpenKey, formOpen}};
    if (m_intake.release() && formOpen)
        draft.insert(kReleaseKey, releaseDraft(*m_intake.release(), m_intake.attachments()));
    return draft;
}

void ClientsPage::restoreNewClientDraft(const QJsonObject& draft)
{
    const QJsonObject search = draft.value(kSearchKey).toObject();
    m_searchText->setText(search.value(kTextKey).toString());
    m_searchFirst->setText(search.value(kFirstKey).toString());
    m_searchLast->setText(search.value(kLastKey).toString());
    m_searchDob->lineEdit()->setText(search.value(kDobKey).toString());
    m_searchSsn->setText(search.value(kSsnKey).toString());
    reload();
    if (draft.contains(kFormKey))
        m_form->restoreDraft(draft.value(kFormKey).toObject());
    if (auto release = releaseFromDraft(draft.value(kReleaseKey).toObject()))
        m_intake.collectRelease(release->first, release->second);
    else
        forgetRelease();
    showReleaseSummary();
    if (draft.value(kFormOpenKey).toBool()) {
        m_stack->setCurrentWidget(m_newPanel);
        m_form->firstNameEdit()->setFocus();
    }
}

} // namespace hearth::ui
