#include "ui/admin/AuditLogPage.h"

#include "core/common/Plural.h"
#include "core/services/AuditReader.h"
#include "core/vault/Vault.h"
#include "ui/admin/AuditLogModel.h"
#include "ui/widgets/UiHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hearth::ui {

AuditLogPage::AuditLogPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_model(new AuditLogModel(this))
    , m_user(new QComboBox)
    , m_action(new QComboBox)
    , m_record(new QLineEdit)
    , m_useFrom(new QCheckBox(tr("&From:")))
    , m_from(new QDateEdit)
    , m_useTo(new QCheckBox(tr("&To:")))
    , m_to(new QDateEdit)
    , m_result(new QLabel)
    , m_error(makeErrorLabel(QStringLiteral("auditError")))
{
    m_user->setObjectName(QStringLiteral("auditUserFilter"));
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_record->setObjectName(QStringLiteral("auditRecordFilter"));
    m_record->setPlaceholderText(tr("Record UUID"));
    m_record->setClearButtonEnabled(true);
    const QDate today = vault.clock().now().toLocalTime().date();
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDate(today);
        edit->setEnabled(false);
    }
    m_from->setDate(today.addDays(-30));
    m_result->setObjectName(QStringLiteral("verifyResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);

    auto* applyButton = new QPushButton(tr("A&pply"));
    applyButton->setObjectName(QStringLiteral("auditApply"));
    applyButton->setDefault(true);
    auto* verifyButton = new QPushButton(tr("&Verify chain"));
    verifyButton->setObjectName(QStringLiteral("verifyChain"));

    auto* filters = new QFormLayout;
    filters->addRow(tr("&User:"), m_user);
    filters->addRow(tr("A&ction:"), m_action);
    filters->addRow(tr("&Record:"), m_record);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_useFrom);
    dates->addWidget(m_from);
    dates->addWidget(m_useTo);
    dates->addWidget(m_to);
    dates->addStretch();
    dates->addWidget(applyButton);
    filters->addRow(tr("Dates:"), dates);

    auto* table = new QTableView;
    setUpRecordTable(table, m_model, QStringLiteral("auditTable"));

    auto* verifyRow = new QHBoxLayout;
    verifyRow->addWidget(verifyButton);
    verifyRow->addWidget(m_result, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(table);
    layout->addWidget(m_error);
    layout->addLayout(verifyRow);

    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_record, &QLineEdit::returnPressed, this, &AuditLogPage::apply);
    connect(applyButton, &QPushButton::clicked, this, &AuditLogPage::apply);
    connect(verifyButton, &QPushButton::clicked, this, &AuditLogPage::verify);

    loadFilterChoices();
    apply();
}

void AuditLogPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Entries are written everywhere else in the application; the page looks again whenever it comes back.
    loadFilterChoices();
    apply();
}

void AuditLogPage::loadFilterChoices()
{
    const AuditReader reader(m_vault);
    const QString user = m_user->currentData().toString();
    const QString action = m_action->currentData().toString();
    m_user->clear();
    m_action->clear();
    m_user->addItem(tr("All users"), QString());
    m_action->addItem(tr("All actions"), QString());
    auto users = reader.users();
    auto actions = reader.actions();
    if (!users || !actions) {
        showError(m_error, users ? actions.message() : users.message());
        return;
    }
    for (const QString& login : users.value())
        m_user->addItem(login, login);
    for (const QString& name : actions.value())
        m_action->addItem(name, name);
    m_user->setCurrentIndex(std::max(0, m_user->findData(user)));
    m_action->setCurrentIndex(std::max(0, m_action->findData(action)));
}

void AuditLogPage::apply()
{
    AuditFilter filter;
    filter.userLogin = m_user->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.recordUuid = m_record->text().trimmed();
    // Dates are picked in local time; the "to" day is included, so the bound is the next local midnight.
    if (m_useFrom->isChecked())
        filter.from = m_from->date().startOfDay().toUTC();
    if (m_useTo->isChecked())
        filter.to = m_to->date().addDays(1).startOfDay().toUTC();
    auto entries = AuditReader(m_vault).query(filter);
    if (!entries) {
        m_model->setEntries({});
        showError(m_error, entries.message());
        return;
    }
    // Records are named by the client they are (or belong to) where this workstation holds them.
    auto clients = AuditReader(m_vault).clientsOf(entries.value());
    showError(m_error, clients ? QString() : clients.message());
    m_model->setEntries(std::move(entries.value()),
                        clients ? std::move(clients).value() : QHash<QString, AuditRecordClient>());
}

void AuditLogPage::verify()
{
    auto result = AuditReader(m_vault).verify();
    if (!result) {
        showStatus(m_result, result.message(), Tone::Bad);
        return;
    }
    const AuditVerification& v = result.value();
    if (v.intact)
        showStatus(m_result,
                   plural(v.entriesChecked, tr("The audit chain is intact: 1 entry checked."),
                          tr("The audit chain is intact: %1 entries checked.")),
                   Tone::Good);
    else
        showStatus(m_result, tr("The audit chain is broken at entry %1: %2").arg(v.firstBrokenSeq).arg(v.problem),
                   Tone::Bad);
}

} // namespace hearth::ui
