#include "ui/intake/ClientsPage.h"

#include "core/common/Plural.h"
#include "core/consent/ConsentPolicy.h"
#include "core/services/ClientRecords.h"
#include "core/services/ClientSearch.h"
#include "core/services/ConsentRecords.h"
#include "core/vault/Vault.h"
#include "ui/compliance/ClientAccessBlockedPanel.h"
#include "ui/intake/ClientListModel.h"
#include "ui/intake/ClientPage.h"
#include "ui/intake/ClientProfileForm.h"
#include "ui/intake/FindingsView.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
constexpr int kSearchLimit = 50;
} // namespace

ClientsPage::ClientsPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_model(new ClientListModel(this))
    , m_searchTimer(new QTimer(this))
    , m_stack(new QStackedWidget)
    , m_blocked(new ClientAccessBlockedPanel(vault))
    , m_searchText(new QLineEdit)
    , m_searchFirst(new QLineEdit)
    , m_searchLast(new QLineEdit)
    , m_searchDob(new HudDateEdit)
    , m_searchSsn(new QLineEdit)
    , m_searchSummary(new QLabel)
    , m_table(new QTableView)
    , m_newButton(new QPushButton(tr("&New client…")))
    , m_form(new ClientProfileForm(vault.clock().today()))
    , m_releaseSummary(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("clientsError")))
    , m_intake(vault)
{
    m_model->setToday(vault.clock().today());
    m_stack->setObjectName(QStringLiteral("clientsStack"));
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    m_searchPanel = makeSearchPanel();
    m_newPanel = makeNewClientPanel();
    m_stack->addWidget(m_searchPanel);
    m_stack->addWidget(m_newPanel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_blocked);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_error);
    layout->addStretch(); // keeps the block's explanation at the top while the stack is hidden

    connect(m_searchTimer, &QTimer::timeout, this, &ClientsPage::reload);
    connect(&vault, &Vault::clientAccessBlockChanged, this, &ClientsPage::refreshAccessBlock);
    // "Not saved: fix what is marked" goes as soon as nothing is marked any more.
    connect(m_form, &ClientProfileForm::changed, this, [this] {
        if (m_refusalShown && !m_form->hasRefusal()) {
            m_refusalShown = false;
            showError(m_error, {});
        }
    });
    reload();
}

QWidget* ClientsPage::makeSearchPanel()
{
    auto* panel = new QWidget;
    panel->setObjectName(QStringLiteral("clientSearchPanel"));
    m_searchText->setObjectName(QStringLiteral("searchText"));
    m_searchFirst->setObjectName(QStringLiteral("searchFirstName"));
    m_searchLast->setObjectName(QStringLiteral("searchLastName"));
    m_searchDob->setObjectName(QStringLiteral("searchDob"));
    m_searchSsn->setObjectName(QStringLiteral("searchSsnLast4"));
    m_searchSummary->setObjectName(QStringLiteral("searchSummary"));
    m_newButton->setObjectName(QStringLiteral("newClientButton"));
    m_searchText->setPlaceholderText(tr("Search: \"garcia, maria\", \"Maria Garcia\", 3/14/1985, last four of SSN"));
    m_searchText->setToolTip(tr("One line: a name (last, first or first last), a date of birth, or the last four "
                                "digits of the SSN. Combines with the fields below."));
    m_searchFirst->setToolTip(tr("First name, nickname or alias. Close spellings match too."));
    m_searchLast->setToolTip(tr("Last name. Close spellings and either part of a two-part name match too."));
    m_searchDob->setToolTip(tr("Date of birth, MM/DD/YYYY. A swapped day and month still matches."));
    m_searchSsn->setToolTip(tr("The last four digits of the SSN."));
    m_searchSsn->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,4}")), m_searchSsn));
    m_searchSsn->setMaxLength(4);
    m_searchDob->setReferenceDate(m_vault.clock().today());
    m_newButton->setToolTip(tr("Create a client with what you typed. Search first: the client may be recorded "
                               "already."));

    setUpRecordTable(m_table, m_model, QStringLiteral("clientTable"));
    auto* openButton = new QPushButton(tr("&Open"));
    openButton->setObjectName(QStringLiteral("openClientButton"));
    auto* anonymousButton = new QPushButton(tr("&Anonymous client…"));
    anonymousButton->setObjectName(QStringLiteral("anonymousClientButton"));
    anonymousButton->setToolTip(tr("Record a client who does not want to be identified; the release comes first."));
    const bool canEdit = m_vault.can(Permission::EditClients);
    anonymousButton->setEnabled(canEdit);

    auto* fields = new QHBoxLayout;
    const auto addField = [&](const QString& label, QWidget* field, int stretch) {
        auto* caption = new QLabel(label);
        caption->setBuddy(field);
        fields->addWidget(caption);
        fields->addWidget(field, stretch);
    };
    // Alt+F is the File menu's. Fi&rst as on the profile form (test_client_keys.cpp holds every key unique).
    addField(tr("Fi&rst:"), m_searchFirst, 3);
    addField(tr("&Last:"), m_searchLast, 3);
    addField(tr("&DOB:"), m_searchDob, 2);
    addField(tr("SSN last &4:"), m_searchSsn, 1);
    auto* findLabel = new QLabel(tr("&Search:"));
    findLabel->setBuddy(m_searchText);
    auto* top = new QHBoxLayout;
    top->addWidget(findLabel);
    top->addWidget(m_searchText, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_searchSummary, 1);
    buttons->addWidget(openButton);
    buttons->addWidget(m_newButton);
    buttons->addWidget(anonymousButton);

    auto* layout = new QVBoxLayout(panel);
    layout->addLayout(top);
    layout->addLayout(fields);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    for (QLineEdit* edit : {m_searchText, m_searchFirst, m_searchLast, m_searchSsn}) {
        connect(edit, &QLineEdit::textChanged, this, &ClientsPage::searchEdited);
        connect(edit, &QLineEdit::returnPressed, this, &ClientsPage::searchEntered);
    }
    connect(m_searchDob, &HudDateEdit::dateChanged, this, &ClientsPage::searchEdited);
    connect(m_searchDob->lineEdit(), &QLineEdit::returnPressed, this, &ClientsPage::searchEntered);
    for (QLineEdit* edit : {m_searchText, m_searchFirst, m_searchLast, m_searchDob->lineEdit(), m_searchSsn})
        edit->installEventFilter(this);
    // activated covers a double-click and Enter; connecting doubleClicked too would open the client twice.
    connect(m_table, &QTableView::activated, this, &ClientsPage::openIndex);
    connect(openButton, &QPushButton::clicked, this, [this] { openIndex(m_table->currentIndex()); });
    connect(m_newButton, &QPushButton::clicked, this, &ClientsPage::startNewClient);
    connect(anonymousButton, &QPushButton::clicked, this, &ClientsPage::createAnonymousClient);
    setTabOrder(m_searchText, m_searchFirst);
    setTabOrder(m_searchFirst, m_searchLast);
    setTabOrder(m_searchLast, m_searchDob->lineEdit());
    setTabOrder(m_searchDob->lineEdit(), m_searchSsn);
    setTabOrder(m_searchSsn, m_table);
    return panel;
}

QWidget* ClientsPage::makeNewClientPanel()
{
    auto* panel = new QWidget;
    panel->setObjectName(QStringLiteral("newClientPanel"));
    auto* title = new QLabel(tr("New client"));
    title->setFont(scaledFont(1.4, true));
    m_releaseSummary->setObjectName(QStringLiteral("newClientConsent"));
    m_releaseSummary->setTextFormat(Qt::PlainText);
    m_releaseSummary->setWordWrap(true);
    m_form->setObjectName(QStringLiteral("newClientForm"));
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    auto* save = new QPushButton(tr("&Save new client"));
    save->setObjectName(QStringLiteral("saveNewClient"));
    save->setToolTip(tr("Checks for likely duplicates, then saves (Ctrl+S, or Enter in a text field)."));
    save->setEnabled(m_vault.can(Permission::EditClients));
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelNewClient"));
    cancel->setToolTip(tr("Back to the search; what was typed here is discarded (Esc)."));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(save);
    auto* layout = new QVBoxLayout(panel);
    layout->addWidget(title);
    layout->addWidget(m_releaseSummary);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_form->findingsView());
    layout->addLayout(buttons);

    connect(save, &QPushButton::clicked, this, &ClientsPage::saveNewClient);
    connect(cancel, &QPushButton::clicked, this, &ClientsPage::cancelNewClient);
    for (QLineEdit* edit : m_form->findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::returnPressed, this, &ClientsPage::saveNewClient);
    auto* saveKey = new QShortcut(QKeySequence::Save, panel);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &ClientsPage::saveNewClient);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), panel);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ClientsPage::cancelNewClient);
    return panel;
}

SearchQuery ClientsPage::query() const
{
    SearchQuery q = SearchQuery::fromFreeText(m_searchText->text());
    // The separate fields win over what the free text says about the same thing.
    if (!m_searchFirst->text().trimmed().isEmpty())
        q.firstName = m_searchFirst->text().trimmed();
    if (!m_searchLast->text().trimmed().isEmpty())
        q.lastName = m_searchLast->text().trimmed();
    if (const auto dob = m_searchDob->date())
        q.dob = dob;
    if (m_searchSsn->text().size() == 4)
        q.ssnLast4 = m_searchSsn->text();
    return q;
}

bool ClientsPage::searchPending() const
{
    return m_searchTimer->isActive();
}

void ClientsPage::searchEdited()
{
    // "New client" follows the typing at once; the search itself waits for a pause.
    m_newButton->setEnabled(!query().isEmpty() && m_vault.can(Permission::EditClients));
    m_searchTimer->start();
}

bool ClientsPage::refreshAccessBlock()
{
    const bool wasBlocked = m_stack->isHidden();
    const bool blocked = !m_blocked->refresh().isEmpty();
    m_stack->setHidden(blocked);
    if (blocked) {
        m_model->clear();
        showError(m_error, {});
    } else if (wasBlocked) {
        reload();
    }
    return blocked;
}

void ClientsPage::refreshAfterSync()
{
    const QModelIndex current = m_table->currentIndex();
    const QString selected = current.isValid() ? m_model->uuidAt(current.row()) : QString();
    reload();
    for (int row = 0; !selected.isEmpty() && row < m_model->rowCount(); ++row)
        if (m_model->uuidAt(row) == selected) {
            m_table->selectRow(row);
            break;
        }
}

void ClientsPage::reload()
{
    m_searchTimer->stop();
    if (refreshAccessBlock())
        return;
    const SearchQuery q = query();
    m_newButton->setEnabled(!q.isEmpty() && m_vault.can(Permission::EditClients));
    if (q.isEmpty()) {
        auto clients = ClientRecords(m_vault).list();
        if (!clients) {
            m_model->clear();
            showError(m_error, clients.message());
            return;
        }
        showError(m_error, {});
        m_model->setClients(std::move(clients.value()));
        showConsent();
        m_searchSummary->setText(tr("All clients (%n)", "", m_model->rowCount()));
        return;
    }
    auto matches = ClientSearch(m_vault).search(q, kSearchLimit);
    if (!matches) {
        m_model->clear();
        showError(m_error, matches.message());
        return;
    }
    showError(m_error, {});
    m_model->setMatches(std::move(matches.value()));
    showConsent();
    m_searchSummary->setText(m_model->rowCount() == 0 ? tr("No match. Check the spelling, then create a new client.")
                                                      : plural(m_model->rowCount(), tr("1 possible match"),
                                                               tr("%1 possible matches, best first")));
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void ClientsPage::showConsent()
{
    QStringList uuids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        uuids << m_model->uuidAt(row);
    ConsentRecords records(m_vault);
    auto statuses = records.statuses(uuids);
    // Unreadable consent shows as none recorded: the badge then says nothing leaves, which is true.
    m_model->setConsent(statuses ? statuses.value() : QHash<QString, ConsentStatus>(), records.settings().warningDays);
    m_table->resizeColumnToContents(ClientListModel::Consent);
}

void ClientsPage::searchEntered()
{
    reload();
    // Enter opens the best match when there is one, starts a new client otherwise. With nothing typed,
    // the list holds every client, none of them a match: Enter only moves into it.
    if (m_model->rowCount() > 0 && !query().isEmpty())
        openIndex(m_model->index(0, 0));
    else if (m_model->rowCount() > 0)
        focusResults();
    else if (m_newButton->isEnabled())
        startNewClient();
}

bool ClientsPage::focusResults()
{
    if (searchPending())
        reload();
    if (m_model->rowCount() == 0)
        return false;
    m_table->setFocus();
    m_table->selectRow(0);
    return true;
}

bool ClientsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Alt+Down is the date field's calendar.
        if (key->key() == Qt::Key_Down && !(key->modifiers() & (Qt::AltModifier | Qt::ControlModifier))
            && focusResults())
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ClientsPage::openIndex(const QModelIndex& index)
{
    const QString uuid = m_model->uuidAt(index.row());
    if (!uuid.isEmpty())
        openClient(uuid);
}

void ClientsPage::openClient(const QString& uuid)
{
    auto opened = ClientRecords(m_vault).open(uuid);
    if (!opened) {
        showError(m_error, opened.message());
        return;
    }
    showError(m_error, {});
    showClient(opened.value());
}

void ClientsPage::showClient(const ClientProfile& client)
{
    if (m_clientPage) {
        m_stack->removeWidget(m_clientPage);
        m_clientPage->deleteLater();
    }
    m_clientPage = new ClientPage(m_vault, client);
    m_stack->addWidget(m_clientPage);
    m_stack->setCurrentWidget(m_clientPage);
    connect(m_clientPage, &ClientPage::backRequested, this, &ClientsPage::backToSearch);
    m_clientPage->focusStart();
}

void ClientsPage::backToSearch()
{
    if (m_clientPage) {
        m_stack->removeWidget(m_clientPage);
        // Later: the request may come from inside the page's own signal.
        m_clientPage->deleteLater();
        m_clientPage = nullptr;
    }
    m_stack->setCurrentWidget(m_searchPanel);
    reload();
    m_searchFirst->setFocus();
}

std::optional<QJsonObject> ClientsPage::openClientDraft() const
{
    if (!m_clientPage)
        return std::nullopt;
    return m_clientPage->draft();
}

void ClientsPage::restoreOpenClient(const QJsonObject& draft)
{
    openClient(ClientPage::clientOfDraft(draft));
    if (m_clientPage)
        m_clientPage->restoreDraft(draft);
}

bool ClientsPage::confirmLeave()
{
    return !m_clientPage || m_clientPage->confirmLeave();
}

void ClientsPage::clearSearch()
{
    for (QLineEdit* edit : {m_searchText, m_searchFirst, m_searchLast, m_searchSsn})
        edit->clear();
    m_searchDob->setDate(std::nullopt);
    reload();
}

void ClientsPage::focusStart()
{
    if (m_stack->currentWidget() == m_newPanel)
        m_form->firstNameEdit()->setFocus();
    else if (m_stack->currentWidget() == m_searchPanel)
        m_searchText->setFocus();
    else if (m_clientPage && m_stack->currentWidget() == m_clientPage)
        m_clientPage->focusStart();
}

} // namespace hearth::ui
