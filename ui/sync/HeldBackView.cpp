#include "ui/sync/HeldBackView.h"

#include "ui/sync/SyncText.h"
#include "ui/widgets/UiHelpers.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
QTableWidgetItem* readOnlyCell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}
} // namespace

HeldBackView::HeldBackView(Vault& vault, QWidget* parent)
    : QGroupBox(tr("Kept here after the server removed them"), parent)
    , m_service(vault)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, 4))
    , m_discard(new QPushButton(tr("&Delete from this workstation…")))
    , m_error(makeErrorLabel(QStringLiteral("heldBackError")))
{
    setObjectName(QStringLiteral("heldBackView"));
    m_summary->setObjectName(QStringLiteral("heldBackSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("heldBackTable"));
    m_discard->setObjectName(QStringLiteral("discardHeldBackButton"));
    m_table->setHorizontalHeaderLabels({tr("Client"), tr("Records kept"), tr("Why"), tr("Since")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addWidget(m_discard, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_discard->setEnabled(m_table->currentRow() >= 0); });
    connect(m_discard, &QPushButton::clicked, this, &HeldBackView::confirmDiscard);
    reload();
}

void HeldBackView::reload()
{
    showError(m_error, {});
    auto held = m_service.heldBack();
    m_clients = held ? std::move(*held) : std::vector<HeldBackClient> {};
    if (!held)
        showError(m_error, held.error().message);
    m_table->setRowCount(int(m_clients.size()));
    for (int row = 0; row < int(m_clients.size()); ++row) {
        const HeldBackClient& c = m_clients[size_t(row)];
        m_table->setItem(row, 0, readOnlyCell(c.name.isEmpty() ? tr("(no name held here)") : c.name));
        m_table->setItem(row, 1, readOnlyCell(QString::number(c.records)));
        m_table->setItem(row, 2,
                         readOnlyCell(c.reason == u"restricted"
                                          ? tr("The client's records were taken off the server")
                                          : tr("Deleted on the server by the agency that entered it")));
        m_table->setItem(row, 3, readOnlyCell(SyncText::absoluteTime(c.heldAt)));
    }
    m_summary->setText(
        tr("%1 records entered on this workstation that the server no longer holds. They are kept here and shared "
           "with no one. Keep them, or delete them from this workstation too.")
            .arg(SyncText::counted(qint64(m_clients.size()), tr("1 client has"), tr("%1 clients have"))));
    m_discard->setEnabled(m_table->currentRow() >= 0);
    setVisible(!m_clients.empty() || !held);
}

void HeldBackView::confirmDiscard()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_clients.size()))
        return;
    const HeldBackClient client = m_clients[size_t(row)];
    // Window-modal and opened, not exec'd: an auto-lock meanwhile closes it without freeing it twice.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete kept records"),
                                tr("Delete %1 of %2 kept on this workstation? They are not on the server either, "
                                   "so they cannot be brought back.")
                                    .arg(SyncText::counted(client.records, tr("the 1 record"), tr("the %1 records")),
                                         client.name.isEmpty() ? tr("this client") : client.name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardHeldBackConfirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<HeldBackView> alive(this);
    connect(box, &QMessageBox::finished, this, [this, alive, client](int result) {
        if (alive && result == QMessageBox::Yes)
            discard(client);
    });
    box->open();
}

void HeldBackView::discard(const HeldBackClient& client)
{
    if (auto st = m_service.discardHeldBack(client.clientUuid); !st) {
        showError(m_error, st.error().message);
        return;
    }
    reload();
}

} // namespace hearth::ui
