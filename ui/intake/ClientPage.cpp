#include "ui/intake/ClientPage.h"

#include "core/common/DisplayDates.h"
#include "core/common/Plural.h"
#include "core/hud/HudCodes.h"
#include "core/intake/AnonymousProfiles.h"
#include "core/intake/Completeness.h"
#include "core/intake/DateOfBirth.h"
#include "core/intake/Ssn.h"
#include "core/services/ClientRecords.h"
#include "core/services/ConsentRecords.h"
#include "core/vault/Vault.h"
#include "ui/consent/ConsentBadges.h"
#include "ui/consent/ConsentPanel.h"
#include "ui/intake/ClientEnrollmentsPanel.h"
#include "ui/intake/ClientPickerDialog.h"
#include "ui/intake/ClientProfileForm.h"
#include "ui/intake/FindingsView.h"
#include "ui/widgets/GuardedDialogs.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {

QString formatSsn(const QString& ssn)
{
    return ssn.size() == 9 ? ssn.left(3) + u'-' + ssn.mid(3, 2) + u'-' + ssn.right(4) : ssn;
}

QString whatChanged(const QString& entity, const QString& operation)
{
    static const QHash<QString, QString> entities {
        {QStringLiteral("client"), ClientPage::tr("Client record")},
        {QStringLiteral("enrollment"), ClientPage::tr("Enrollment")},
        {QStringLiteral("service"), ClientPage::tr("Service")},
    };
    static const QHash<QString, QString> operations {
        {QStringLiteral("insert"), ClientPage::tr("created")},
        {QStringLiteral("update"), ClientPage::tr("changed")},
        {QStringLiteral("delete"), ClientPage::tr("removed")},
    };
    return ClientPage::tr("%1 %2").arg(entities.value(entity, entity), operations.value(operation, operation));
}

} // namespace

ClientPage::ClientPage(Vault& vault, const ClientProfile& client, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_client(client)
    , m_name(new QLabel)
    , m_caseNumber(new QLabel)
    , m_ssn(new QLabel)
    , m_dob(new QLabel)
    , m_completeness(new QLabel)
    , m_badges(new QLabel)
    , m_consentBadge(new ConsentBadgeLabel)
    , m_tabs(new QTabWidget)
    , m_form(new ClientProfileForm(vault.clock().today()))
    , m_error(makeErrorLabel(QStringLiteral("clientPageError")))
    , m_enrollments(new ClientEnrollmentsPanel(vault, client))
    , m_consent(new ConsentPanel(vault, client))
    , m_history(new QTableWidget(0, 3))
{
    setObjectName(QStringLiteral("clientPage"));
    m_tabs->setObjectName(QStringLiteral("clientTabs"));
    m_enrollments->setObjectName(QStringLiteral("clientEnrollments"));
    m_history->setObjectName(QStringLiteral("historyTable"));
    m_history->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->verticalHeader()->hide();

    m_tabs->addTab(makeProfileTab(), tr("&Profile"));
    m_tabs->addTab(m_enrollments, tr("&Enrollments"));
    m_tabs->addTab(m_consent, tr("C&onsent"));
    m_tabs->addTab(m_history, tr("H&istory"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHeader());
    layout->addWidget(m_tabs, 1);

    auto* back = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    back->setContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, [this] {
        if (confirmLeave())
            Q_EMIT backRequested();
    });
    connect(m_enrollments, &ClientEnrollmentsPanel::changed, this, &ClientPage::refresh);
    connect(m_consent, &ConsentPanel::consentChanged, this, &ClientPage::refresh);
    // "Not saved: fix what is marked" goes as soon as nothing is marked any more.
    connect(m_form, &ClientProfileForm::changed, this, [this] {
        if (m_refusalShown && !m_form->hasRefusal()) {
            m_refusalShown = false;
            showError(m_error, {});
        }
    });

    m_form->setProfile(client);
    refresh();
}

QWidget* ClientPage::makeHeader()
{
    auto* header = new QWidget;
    m_name->setObjectName(QStringLiteral("clientName"));
    m_caseNumber->setObjectName(QStringLiteral("clientCaseNumber"));
    m_ssn->setObjectName(QStringLiteral("clientSsn"));
    m_dob->setObjectName(QStringLiteral("clientDob"));
    m_completeness->setObjectName(QStringLiteral("clientCompleteness"));
    m_badges->setObjectName(QStringLiteral("clientBadges"));
    m_consentBadge->setObjectName(QStringLiteral("clientConsentBadge"));
    m_name->setFont(scaledFont(1.4, true));
    for (QLabel* label : {m_name, m_caseNumber, m_ssn, m_dob, m_completeness, m_badges})
        label->setTextFormat(Qt::PlainText);
    m_caseNumber->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* backButton = new QPushButton(tr("← Bac&k to search"));
    backButton->setObjectName(QStringLiteral("backToSearchButton"));
    backButton->setToolTip(tr("Back to the client search (Esc)."));
    connect(backButton, &QPushButton::clicked, this, [this] {
        if (confirmLeave())
            Q_EMIT backRequested();
    });

    auto* top = new QHBoxLayout;
    top->addWidget(m_name);
    top->addWidget(m_consentBadge);
    top->addWidget(m_badges);
    top->addStretch();
    top->addWidget(backButton);
    auto* facts = new QHBoxLayout;
    facts->addWidget(m_caseNumber);
    facts->addSpacing(16);
    facts->addWidget(m_ssn);
    // Reveal only for those allowed; core audits every reveal and refuses everyone else anyway.
    if (m_vault.can(Permission::RevealSsn) && !m_client.ssn.isEmpty()) {
        m_reveal = new QPushButton(tr("Re&veal"));
        m_reveal->setObjectName(QStringLiteral("revealSsnButton"));
        m_reveal->setToolTip(tr("Show the whole SSN until this page closes. Every reveal is recorded in the audit "
                                "log."));
        connect(m_reveal, &QPushButton::clicked, this, &ClientPage::revealSsn);
        facts->addWidget(m_reveal);
    }
    facts->addSpacing(16);
    facts->addWidget(m_dob);
    facts->addSpacing(16);
    facts->addWidget(m_completeness);
    facts->addStretch();
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(facts);
    return header;
}

QWidget* ClientPage::makeProfileTab()
{
    auto* tab = new QWidget;
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    auto* save = new QPushButton(tr("&Save changes"));
    save->setObjectName(QStringLiteral("saveClientChanges"));
    save->setEnabled(m_vault.can(Permission::EditClients));
    save->setToolTip(tr("Save the profile (Ctrl+S, or Enter in a text field)."));
    // Ctrl+S anywhere in the profile; the button keeps Alt+S as its mnemonic.
    auto* saveKey = new QShortcut(QKeySequence::Save, tab);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, save, &QPushButton::click);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addStretch(); // keeps the button its own size while there is no error
    buttons->addWidget(save);
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_form->findingsView());
    layout->addLayout(buttons);
    connect(save, &QPushButton::clicked, this, &ClientPage::saveProfile);
    for (QLineEdit* edit : m_form->findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::returnPressed, this, &ClientPage::saveProfile);
    return tab;
}

void ClientPage::refresh()
{
    refreshHeader();
    refreshHistory();
}

void ClientPage::refreshHeader()
{
    const QDate today = m_vault.clock().today();
    const QString name = clientName(m_client);
    m_name->setText(m_client.alias.isEmpty() ? name : tr("%1 (\"%2\")").arg(name, m_client.alias));
    m_caseNumber->setText(tr("Case %1").arg(m_client.caseNumber));
    m_ssn->setText(tr("SSN %1").arg(m_revealed.isEmpty() ? ssn::mask(m_client.ssn) : formatSsn(m_revealed)));
    if (m_reveal)
        m_reveal->setVisible(m_revealed.isEmpty() && !m_client.ssn.isEmpty());
    m_dob->setText(tr("Born %1").arg(dob::display(m_client.dob, m_client.dobDataQuality, today)));

    const std::vector<Enrollment>& enrollments = m_enrollments->enrollments();
    const Completeness completeness
        = completenessOf(m_client, today, QList<Enrollment>(enrollments.cbegin(), enrollments.cend()));
    m_completeness->setText(tr("Complete: %1%").arg(completeness.percent()));
    QStringList missing;
    for (const Completeness::Element& e : completeness.missing())
        missing << tr("%1 %2").arg(e.id, e.title);
    m_completeness->setToolTip(missing.isEmpty() ? tr("Every element that applies is answered.")
                                                 : tr("Missing:\n%1").arg(missing.join(u'\n')));

    // The consent panel has just loaded the status; its badges lead the header, louder than the rest.
    const QList<ConsentBadge> consent
        = consentBadges(m_consent->status(), today, ConsentRecords(m_vault).settings().warningDays);
    m_consentBadge->setBadges(consent);
    QStringList badges;
    if (m_client.veteranStatus == hud::NoYes::Yes)
        badges << tr("Veteran");
    const std::optional<ConsentStatus>& status = m_consent->status();
    const bool anonymousConsent = status && status->standing == ConsentStatus::Standing::Active && status->current
        && status->current->choice == SharingChoice::Anonymous;
    if (!m_client.anonymousProfile.isEmpty() && !anonymousConsent) // the consent badge says it already
        badges << tr("Anonymous");
    const int active = int(
        std::count_if(enrollments.cbegin(), enrollments.cend(), [](const Enrollment& e) { return e.isActive(); }));
    if (active > 0)
        badges << plural(active, tr("1 active enrollment"), tr("%1 active enrollments"));
    m_badges->setText(
        badges.isEmpty() ? QString() : QStringLiteral("[") + badges.join(QStringLiteral("] [")) + QStringLiteral("]"));
}

void ClientPage::refreshHistory()
{
    auto history = ClientRecords(m_vault).history(m_client.uuid);
    if (!history) {
        m_history->setRowCount(0);
        return;
    }
    m_history->setRowCount(int(history->size()));
    for (int row = 0; row < int(history->size()); ++row) {
        const ChangeRecord& change = history->at(size_t(row));
        m_history->setItem(row, 0, new QTableWidgetItem(displayDateTime(change.changedAt)));
        m_history->setItem(row, 1, new QTableWidgetItem(change.changedBy));
        m_history->setItem(row, 2, new QTableWidgetItem(whatChanged(change.entity, change.operation)));
    }
    m_history->resizeColumnsToContents();
}

void ClientPage::saveProfile()
{
    if (!m_vault.can(Permission::EditClients))
        return;
    m_refusalShown = m_form->hasRefusal();
    if (m_refusalShown) {
        showError(m_error, tr("Not saved: fix what is marked \"Cannot save\" below."));
        return;
    }
    const ClientProfile changed = m_form->profile();
    const Status saved = ClientRecords(m_vault).update(changed);
    if (!saved) {
        showError(m_error, saved.message());
        return;
    }
    showError(m_error, {});
    m_client = changed;
    if (!m_revealed.isEmpty())
        m_revealed = m_client.ssn;
    m_form->setProfile(m_client);
    if (!m_revealed.isEmpty())
        m_form->showSsn(m_revealed);
    refresh();
    Q_EMIT clientSaved(m_client);
}

bool ClientPage::hasUnsavedChanges() const
{
    return m_vault.can(Permission::EditClients) && m_form->isModified();
}

namespace {
const QString kDraftClient = QStringLiteral("client");
const QString kDraftTab = QStringLiteral("tab");
const QString kDraftProfile = QStringLiteral("profile");
} // namespace

QJsonObject ClientPage::draft() const
{
    QJsonObject json {{kDraftClient, m_client.uuid}, {kDraftTab, m_tabs->currentIndex()}};
    if (hasUnsavedChanges())
        json.insert(kDraftProfile, m_form->draft());
    return json;
}

void ClientPage::restoreDraft(const QJsonObject& draft)
{
    if (draft.contains(kDraftProfile))
        m_form->restoreDraft(draft.value(kDraftProfile).toObject(), true);
    m_tabs->setCurrentIndex(draft.value(kDraftTab).toInt());
}

QString ClientPage::clientOfDraft(const QJsonObject& draft)
{
    return draft.value(kDraftClient).toString();
}

bool ClientPage::confirmLeave()
{
    if (!hasUnsavedChanges())
        return true;
    m_tabs->setCurrentIndex(0);
    // On the heap and guarded: an auto-lock while the question waits deletes this page with it (the lock
    // keeps the edits as a draft first).
    auto* ask = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("%1's profile has changes that are not saved.").arg(clientName(m_client)),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("unsavedChangesBox"));
    ask->setInformativeText(tr("Save them, discard them, or stay on this page?"));
    ask->button(QMessageBox::Cancel)->setText(tr("&Stay"));
    ask->setDefaultButton(QMessageBox::Save);
    ask->setEscapeButton(QMessageBox::Cancel);
    const std::optional<int> answer = execGuarded(ask);
    if (!answer)
        return false; // locked meanwhile: this page is gone
    delete ask;
    switch (*answer) {
    case QMessageBox::Save:
        saveProfile();
        return !m_form->isModified(); // a refused save keeps the page and says why
    case QMessageBox::Discard:
        m_form->setProfile(m_client);
        return true;
    default:
        return false;
    }
}

void ClientPage::focusStart()
{
    m_tabs->setCurrentIndex(0);
    m_form->firstNameEdit()->setFocus();
}

void ClientPage::revealSsn()
{
    auto revealed = ClientRecords(m_vault).revealSsn(m_client.uuid);
    if (!revealed) {
        showError(m_error, revealed.message());
        return;
    }
    m_revealed = revealed.value();
    m_form->showSsn(m_revealed);
    refreshHeader();
}

} // namespace hearth::ui
