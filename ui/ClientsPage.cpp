#include "ClientsPage.h"

#include "ClientListModel.h"
#include "UiHelpers.h"
#include "session/ClientRecords.h"
#include "session/Vault.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
const QString kFirstNameKey = QStringLiteral("firstName");
const QString kLastNameKey = QStringLiteral("lastName");
} // namespace

ClientsPage::ClientsPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_model(new ClientListModel(this))
    , m_table(new QTableView)
    , m_newFirst(new QLineEdit)
    , m_newLast(new QLineEdit)
    , m_editBox(new QGroupBox(tr("Client")))
    , m_editFirst(new QLineEdit)
    , m_editLast(new QLineEdit)
    , m_error(makeErrorLabel(QStringLiteral("clientsError")))
{
    setUpRecordTable(m_table, m_model, QStringLiteral("clientTable"));

    auto* openButton = new QPushButton(tr("&Open"));
    auto* refreshButton = new QPushButton(tr("&Refresh"));
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(openButton);
    listButtons->addWidget(refreshButton);
    listButtons->addStretch();

    auto* listSide = new QVBoxLayout;
    listSide->addWidget(m_table);
    listSide->addLayout(listButtons);

    auto* newBox = new QGroupBox(tr("New client"));
    m_newFirst->setObjectName(QStringLiteral("newClientFirstName"));
    m_newLast->setObjectName(QStringLiteral("newClientLastName"));
    auto* saveNew = new QPushButton(tr("&Save new client"));
    saveNew->setObjectName(QStringLiteral("saveNewClient"));
    auto* newForm = new QFormLayout(newBox);
    newForm->addRow(tr("&First name:"), m_newFirst);
    newForm->addRow(tr("&Last name:"), m_newLast);
    newForm->addRow(saveNew);

    m_editBox->setObjectName(QStringLiteral("openedClient"));
    m_editFirst->setObjectName(QStringLiteral("editClientFirstName"));
    m_editLast->setObjectName(QStringLiteral("editClientLastName"));
    auto* saveEdit = new QPushButton(tr("Save &changes"));
    saveEdit->setObjectName(QStringLiteral("saveClientChanges"));
    auto* editForm = new QFormLayout(m_editBox);
    editForm->addRow(tr("Fi&rst name:"), m_editFirst);
    editForm->addRow(tr("Las&t name:"), m_editLast);
    editForm->addRow(saveEdit);
    m_editBox->setVisible(false);

    auto* formSide = new QVBoxLayout;
    formSide->addWidget(newBox);
    formSide->addWidget(m_editBox);
    formSide->addWidget(m_error);
    formSide->addStretch();

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(listSide, 3);
    layout->addLayout(formSide, 2);

    connect(m_newFirst, &QLineEdit::returnPressed, this, &ClientsPage::createClient);
    connect(m_newLast, &QLineEdit::returnPressed, this, &ClientsPage::createClient);
    connect(saveNew, &QPushButton::clicked, this, &ClientsPage::createClient);
    connect(saveEdit, &QPushButton::clicked, this, &ClientsPage::saveOpenedClient);
    connect(m_table, &QTableView::doubleClicked, this, &ClientsPage::openClient);
    connect(m_table, &QTableView::activated, this, &ClientsPage::openClient);
    connect(openButton, &QPushButton::clicked, this, [this] { openClient(m_table->currentIndex()); });
    connect(refreshButton, &QPushButton::clicked, this, &ClientsPage::reload);

    reload();
}

void ClientsPage::reload()
{
    auto clients = ClientRecords(m_vault).list();
    if (!clients) {
        m_model->clear();
        showError(m_error, clients.message());
        return;
    }
    m_model->setClients(std::move(clients.value()));
}

std::optional<QJsonObject> ClientsPage::newClientDraft() const
{
    if (m_newFirst->text().isEmpty() && m_newLast->text().isEmpty())
        return std::nullopt;
    return QJsonObject {{kFirstNameKey, m_newFirst->text()}, {kLastNameKey, m_newLast->text()}};
}

void ClientsPage::restoreNewClientDraft(const QJsonObject& draft)
{
    m_newFirst->setText(draft.value(kFirstNameKey).toString());
    m_newLast->setText(draft.value(kLastNameKey).toString());
}

void ClientsPage::createClient()
{
    auto created = ClientRecords(m_vault).create(m_newFirst->text().simplified(), m_newLast->text().simplified());
    if (!created) {
        showError(m_error, created.message());
        return;
    }
    showError(m_error, {});
    m_newFirst->clear();
    m_newLast->clear();
    m_newFirst->setFocus();
    reload();
}

void ClientsPage::openClient(const QModelIndex& index)
{
    const QString uuid = m_model->uuidAt(index.row());
    if (uuid.isEmpty())
        return;
    auto opened = ClientRecords(m_vault).open(uuid);
    if (!opened) {
        showError(m_error, opened.message());
        return;
    }
    showError(m_error, {});
    m_opened = std::move(opened.value());
    m_editFirst->setText(m_opened->firstName);
    m_editLast->setText(m_opened->lastName);
    m_editBox->setVisible(true);
    m_editFirst->setFocus();
}

void ClientsPage::saveOpenedClient()
{
    if (!m_opened)
        return;
    ClientProfile changed = *m_opened;
    changed.firstName = m_editFirst->text().simplified();
    changed.lastName = m_editLast->text().simplified();
    const Status status = ClientRecords(m_vault).update(changed);
    if (!status) {
        showError(m_error, status.message());
        return;
    }
    showError(m_error, {});
    m_opened = changed;
    reload();
}

} // namespace hearth::ui
