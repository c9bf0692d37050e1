#include "ui/consent/ExpiringReleasesPage.h"

#include "core/common/DisplayDates.h"
#include "core/vault/Vault.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hearth::ui {

namespace {

enum Column
{
    ClientColumn,
    CaseNumberColumn,
    ChoiceColumn,
    ExpiresColumn,
    DaysLeftColumn,
    ColumnCount
};

QString daysLeft(const QDate& today, const QDate& expires)
{
    const qint64 days = today.daysTo(expires);
    if (days == -1)
        return ExpiringReleasesPage::tr("expired yesterday");
    if (days < 0)
        return ExpiringReleasesPage::tr("expired %1 days ago").arg(-days);
    if (days == 0)
        return ExpiringReleasesPage::tr("expires today");
    return days == 1 ? ExpiringReleasesPage::tr("1 day") : ExpiringReleasesPage::tr("%1 days").arg(days);
}

} // namespace

ExpiringReleasesPage::ExpiringReleasesPage(Vault& vault, QWidget* parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_openButton(new QPushButton(tr("&Open client")))
    , m_error(makeErrorLabel(QStringLiteral("expiringReleasesError")))
{
    setObjectName(QStringLiteral("expiringReleasesPage"));
    m_summary->setObjectName(QStringLiteral("expiringSummary"));
    m_table->setObjectName(QStringLiteral("expiringReleasesTable"));
    m_openButton->setObjectName(QStringLiteral("openExpiringClientButton"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    auto* title = new QLabel(tr("Releases of information to renew"));
    title->setFont(scaledFont(1.4, true));
    auto* hint = new QLabel(tr("An expired release counts as no consent for new data until the client signs a new "
                               "one. Open a client to renew from their Consent tab."));
    hint->setWordWrap(true);

    m_table->setHorizontalHeaderLabels({tr("Client"), tr("Case number"), tr("Choice"), tr("Expires"), tr("Days left")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_openButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    // Activation covers Enter and the double-click (both signals would open the client twice).
    connect(m_table, &QTableWidget::itemActivated, this, &ExpiringReleasesPage::openSelected);
    connect(m_openButton, &QPushButton::clicked, this, &ExpiringReleasesPage::openSelected);
    reload();
}

void ExpiringReleasesPage::reload()
{
    const QDate today = m_vault.clock().today();
    const QDate first(today.year(), today.month(), 1);
    const QDate last = first.addMonths(1).addDays(-1);
    m_releases.clear();
    auto found = ConsentRecords(m_vault).expiring(first, last, true);
    if (found) {
        m_releases = std::move(found.value());
        showError(m_error, {});
    } else {
        showError(m_error, found.message());
    }

    const int expired = int(std::count_if(m_releases.cbegin(), m_releases.cend(),
                                          [&](const ExpiringRelease& e) { return e.release.isExpiredOn(today); }));
    const QString month = QLocale().standaloneMonthName(today.month()) + u' ' + QString::number(today.year());
    const int expiring = int(m_releases.size()) - expired;
    m_summary->setText((expiring == 1 ? tr("1 release expires in %1").arg(month)
                                      : tr("%1 releases expire in %2").arg(expiring).arg(month))
                       + QStringLiteral("; ")
                       + (expired == 1 ? tr("1 has expired and was not renewed.")
                                       : tr("%1 have expired and were not renewed.").arg(expired)));

    m_table->setRowCount(int(m_releases.size()));
    for (int row = 0; row < int(m_releases.size()); ++row) {
        const ExpiringRelease& e = m_releases.at(size_t(row));
        const auto add = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            if (e.release.isExpiredOn(today))
                item->setForeground(QColor(0xb0, 0x00, 0x20)); // expired: nothing new leaves until renewed
            m_table->setItem(row, column, item);
        };
        add(ClientColumn, e.clientName);
        add(CaseNumberColumn, e.caseNumber);
        add(ChoiceColumn, sharingChoiceName(e.release.choice));
        add(ExpiresColumn, displayDate(e.release.expiresOn));
        add(DaysLeftColumn, daysLeft(today, e.release.expiresOn));
    }
    m_table->resizeColumnsToContents();
    m_openButton->setEnabled(!m_releases.empty());
    if (!m_releases.empty())
        m_table->selectRow(0);
}

void ExpiringReleasesPage::openSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_releases.size()))
        return;
    Q_EMIT openClientRequested(m_releases.at(size_t(row)).clientUuid);
}

void ExpiringReleasesPage::showEvent(QShowEvent* event)
{
    reload(); // releases expire with the calendar, and other pages renew them
    QWidget::showEvent(event);
}

} // namespace hearth::ui
