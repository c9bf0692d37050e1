#include "ui/intake/ClientPickerDialog.h"

#include "core/common/DisplayDates.h"
#include "ui/consent/ConsentBadges.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

QString clientName(const ClientProfile& client)
{
    const QString name = QStringList {client.firstName, client.lastName}.join(u' ').simplified();
    return name.isEmpty() ? client.caseNumber : name;
}

ClientPickerDialog::ClientPickerDialog(std::vector<ClientProfile> clients, const QStringList& excluded, QWidget* parent)
    : QDialog(parent)
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
{
    setWindowTitle(tr("Add household member"));
    m_filter->setObjectName(QStringLiteral("clientPickerFilter"));
    m_list->setObjectName(QStringLiteral("clientPickerList"));
    m_filter->setPlaceholderText(tr("Name or case number"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    for (ClientProfile& client : clients) {
        if (!excluded.contains(client.uuid))
            m_clients.push_back(std::move(client));
    }
    for (size_t i = 0; i < m_clients.size(); ++i) {
        const ClientProfile& c = m_clients[i];
        // The date of birth tells apart two people with the same name.
        const QString born = c.dob ? tr("born %1").arg(displayDate(*c.dob)) : tr("date of birth unknown");
        auto* item = new QListWidgetItem(tr("%1 (%2, %3)").arg(clientName(c), c.caseNumber, born), m_list);
        item->setData(Qt::UserRole, qulonglong(i));
    }
    auto* hint = new QLabel(tr("Only people who already have a client record are listed; create the record on "
                               "the Clients page first."));
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Add to household"));
    ok->setObjectName(QStringLiteral("clientPickerOk"));

    auto* findLabel = new QLabel(tr("&Find:"));
    findLabel->setBuddy(m_filter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(findLabel);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &ClientPickerDialog::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, this, [ok](int row) { ok->setEnabled(row >= 0); });
    applyFilter({});
    m_filter->setFocus();
}

void ClientPickerDialog::applyFilter(const QString& text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    int firstVisible = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const ClientProfile& c = m_clients[item->data(Qt::UserRole).toULongLong()];
        const QString haystack = QStringList {c.firstName, c.lastName, c.alias, c.caseNumber}.join(u' ');
        const bool match = std::all_of(words.cbegin(), words.cend(),
                                       [&](const QString& w) { return haystack.contains(w, Qt::CaseInsensitive); });
        item->setHidden(!match);
        if (match && firstVisible < 0)
            firstVisible = i;
    }
    m_list->setCurrentRow(firstVisible);
}

void ClientPickerDialog::setConsent(const QHash<QString, ConsentStatus>& statuses, const QDate& today, int warningDays)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const ClientProfile& c = m_clients[item->data(Qt::UserRole).toULongLong()];
        const QList<ConsentBadge> badges = consentBadges(statuses, c.uuid, today, warningDays);
        const ConsentBadge::Level level = badgeLevel(badges);
        QString text = item->text().section(QStringLiteral(" — "), 0, 0);
        if (level > ConsentBadge::Level::Plain)
            text += QStringLiteral(" — ") + badgeText(badges);
        item->setText(text);
        item->setToolTip(badgeToolTip(badges));
        if (level == ConsentBadge::Level::Alarm) {
            item->setBackground(badgeBackground(level));
            item->setForeground(badgeForeground(level));
        }
    }
}

std::optional<ClientProfile> ClientPickerDialog::chosen() const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return std::nullopt;
    return m_clients[item->data(Qt::UserRole).toULongLong()];
}

bool ClientPickerDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Up and Down move through the matches while the cursor stays in the filter.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            int row = m_list->currentRow();
            do {
                row += key == Qt::Key_Down ? 1 : -1;
            } while (row >= 0 && row < m_list->count() && m_list->item(row)->isHidden());
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace hearth::ui
