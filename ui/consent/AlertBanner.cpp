#include "ui/consent/AlertBanner.h"

#include "core/vault/Vault.h"
#include "ui/consent/NoSharingAlertWatch.h"
#include "ui/widgets/UiHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hearth::ui {

NoSharingAlertBanner::NoSharingAlertBanner(Vault& vault, QWidget* parent)
    : QFrame(parent)
    , m_vault(vault)
    , m_rows(new QVBoxLayout)
    , m_error(makeErrorLabel(QStringLiteral("noSharingAlertError")))
{
    setObjectName(QStringLiteral("noSharingAlertBanner"));
    setFrameShape(QFrame::StyledPanel);
    // Scoped to the frame: its buttons keep the platform look.
    setStyleSheet(QStringLiteral("#noSharingAlertBanner { background: #fde7ea; border: 2px solid #b00020; }"));
    auto* title = new QLabel(tr("No Sharing clients over the limit"));
    title->setFont(scaledFont(1.1, true));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(m_rows);
    layout->addWidget(m_error);
    refresh();
}

void NoSharingAlertBanner::refresh()
{
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* inner = row->takeAt(0)) {
                if (QWidget* widget = inner->widget()) {
                    widget->hide();
                    widget->deleteLater(); // later: refresh may run inside this button's clicked()
                }
                delete inner;
            }
        }
        delete item;
    }
    m_alerts.clear();
    // Closed client records close their alerts too; the Clients area says why, once.
    if (!m_vault.clientAccessBlock().isEmpty()) {
        showError(m_error, {});
        hide();
        return;
    }
    auto alerts = ConsentRecords(m_vault).openAlerts();
    if (alerts) {
        m_alerts = std::move(alerts.value());
        showError(m_error, {});
    } else {
        showError(m_error, alerts.message());
    }
    for (const ConcurrentNoSharingAlert& alert : m_alerts) {
        auto* text = new QLabel(noSharingAlertText(alert));
        text->setObjectName(QStringLiteral("noSharingAlertText"));
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        auto* button = new QPushButton(tr("Acknowledge"));
        button->setObjectName(QStringLiteral("acknowledgeAlertButton"));
        button->setToolTip(tr("You have seen this alert and taken the steps it asks for (such as notifying DFSS)."));
        const QString uuid = alert.uuid;
        connect(button, &QPushButton::clicked, this, [this, uuid] { acknowledge(uuid); });
        auto* row = new QHBoxLayout;
        row->addWidget(text, 1);
        row->addWidget(button, 0, Qt::AlignTop);
        m_rows->addLayout(row);
    }
    setVisible(!m_alerts.empty() || m_error->isVisibleTo(this));
}

void NoSharingAlertBanner::acknowledge(const QString& alertUuid)
{
    const Status done = ConsentRecords(m_vault).acknowledgeAlert(alertUuid);
    if (!done) {
        showError(m_error, done.message());
        return;
    }
    refresh();
}

} // namespace hearth::ui
