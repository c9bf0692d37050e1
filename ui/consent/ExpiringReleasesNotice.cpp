#include "ui/consent/ExpiringReleasesNotice.h"

#include "core/services/ConsentRecords.h"
#include "core/vault/Vault.h"

namespace hearth::ui {

ExpiringReleasesNotice::ExpiringReleasesNotice(Vault& vault, QWidget* parent)
    : QLabel(parent)
    , m_vault(vault)
{
    setObjectName(QStringLiteral("expiringReleasesNotice"));
    setTextFormat(Qt::RichText); // for the link; the text holds counts only, never client data
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setStyleSheet(QStringLiteral("QLabel { background: #fff3c4; color: black; padding: 4px 8px; }"));
    connect(this, &QLabel::linkActivated, this, &ExpiringReleasesNotice::showRequested);
    refresh();
}

void ExpiringReleasesNotice::refresh()
{
    ConsentRecords records(m_vault);
    const int days = records.settings().warningDays;
    const QDate today = m_vault.clock().today();
    auto expiring = records.expiring(today, today.addDays(days), false);
    m_count = expiring ? int(expiring->size()) : 0;
    setText((m_count == 1 ? tr("1 release of information expires in the next %1 days.").arg(days)
                          : tr("%1 releases of information expire in the next %2 days.").arg(m_count).arg(days))
            + QStringLiteral(" <a href=\"expiring\">") + tr("Show them") + QStringLiteral("</a>"));
    setVisible(m_count > 0);
}

} // namespace hearth::ui
