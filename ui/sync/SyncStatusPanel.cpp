#include "ui/sync/SyncStatusPanel.h"

#include "core/vault/Vault.h"
#include "ui/sync/SyncSession.h"
#include "ui/widgets/UiHelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hearth::ui {

namespace {
QLabel* makeValue(const char* name)
{
    auto* label = new QLabel;
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

SyncStatusPanel::SyncStatusPanel(Vault& vault, SyncSession& session, QWidget* parent)
    : QGroupBox(tr("Status"), parent)
    , m_vault(vault)
    , m_session(session)
    , m_server(makeValue("syncServer"))
    , m_lastSync(makeValue("syncLastSuccess"))
    , m_pending(makeValue("syncPending"))
    , m_error(makeValue("syncLastError"))
    , m_lease(makeValue("syncLease"))
    , m_progress(new QProgressBar)
    , m_running(makeValue("syncRunning"))
    , m_syncNow(new QPushButton(tr("Sync &now")))
    , m_interval(new QSpinBox)
{
    setObjectName(QStringLiteral("syncStatusPanel"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_interval->setObjectName(QStringLiteral("syncInterval"));
    m_interval->setRange(0, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("Only when asked"));
    m_interval->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a number, not a line of text
    m_interval->setValue(session.intervalMinutes());
    m_interval->setEnabled(vault.can(Permission::EditAgencySettings));
    m_interval->setToolTip(tr("Hearth also syncs when the network comes back and whenever you press Sync now."));

    auto* form = new QFormLayout;
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Last successful sync:"), m_lastSync);
    form->addRow(tr("Changes waiting:"), m_pending);
    form->addRow(tr("Last problem:"), m_error);
    form->addRow(tr("Offline limit:"), m_lease);
    form->addRow(tr("Sync &automatically every:"), m_interval);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_running);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_syncNow, &QPushButton::clicked, &session, &SyncSession::syncNow);
    connect(m_interval, &QSpinBox::valueChanged, &session, &SyncSession::setIntervalMinutes);
    connect(&session, &SyncSession::changed, this, &SyncStatusPanel::showSnapshot);
    showSnapshot();
}

void SyncStatusPanel::showSnapshot()
{
    const SyncSnapshot& s = m_session.snapshot();
    const QDateTime now = m_vault.clock().now();
    const QLocale locale;

    if (!s.registered)
        m_server->setText(tr("Not connected to a server yet. An administrator connects this workstation below."));
    else if (s.serverUrl.isEmpty())
        m_server->setText(tr("Registered (the details show again once client records are open)"));
    else
        m_server->setText(tr("%1, agency %2 (registered %3 by %4)")
                              .arg(s.serverUrl, s.agency, SyncText::absoluteTime(s.registeredAt), s.registeredBy));

    if (s.outcome.lastSuccessAt)
        m_lastSync->setText(tr("%1 (%2)").arg(SyncText::relativeTime(*s.outcome.lastSuccessAt, now),
                                              SyncText::absoluteTime(*s.outcome.lastSuccessAt)));
    else
        m_lastSync->setText(tr("Never"));

    QString pending = s.pending == 0 ? tr("None: everything this workstation shares has been offered to the server.")
                                     : SyncText::counted(s.pending, tr("1 change, sent at the next sync."),
                                                         tr("%1 changes, sent at the next sync."));
    // The gate never sends these; saying so answers "why is it not going?" before anyone asks.
    pending += u' '
        + (s.pendingKept == 0 ? tr("Records of No Sharing clients are never sent.")
                              : SyncText::counted(s.pendingKept,
                                                  tr("1 change of a client who does not share stays on this "
                                                     "workstation and is never sent."),
                                                  tr("%1 changes of clients who do not share stay on this "
                                                     "workstation and are never sent.")));
    m_pending->setText(pending);

    QString problem = tr("None");
    if (!s.unavailable.isEmpty())
        problem = s.unavailable;
    else if (SyncText::failing(s)) {
        problem = s.lastMessage.isEmpty() ? s.outcome.lastError : s.lastMessage;
        if (s.outcome.lastErrorAt)
            problem += u' ' + tr("(%1)").arg(SyncText::absoluteTime(*s.outcome.lastErrorAt));
        if (s.retryInSeconds)
            problem += u' ' + tr("Trying again in %1.").arg(SyncText::delay(*s.retryInSeconds));
    } else if (s.outcome.lastErrorCode == u"rejected") {
        problem = s.outcome.lastError;
    }
    showStatus(m_error, problem, problem == tr("None") ? Tone::Neutral : Tone::Bad);

    if (!s.lease.applies)
        m_lease->setText(tr("Applies once this workstation is registered."));
    else if (s.lease.expired)
        m_lease->setText(tr("Reached on %1: client records are closed until this workstation reaches the server "
                            "or an administrator unlocks it.")
                             .arg(SyncText::absoluteTime(s.lease.expiresAt)));
    else
        m_lease->setText(tr("If this workstation cannot reach the server by %1, client records close until it "
                            "does (%2 without contact allowed).")
                             .arg(SyncText::absoluteTime(s.lease.expiresAt),
                                  SyncText::counted(s.lease.leaseDays, tr("1 day"), tr("%1 days"))));

    // Disabling the focused Sync now would hand the focus on down the page, to the server address with its
    // text selected, where the next keystroke replaces it: the progress bar holds it meanwhile and gives
    // it back before it hides.
    const bool enable = !s.busy && s.registered;
    if (!s.busy) {
        m_syncNow->setEnabled(enable);
        if (m_focusBack && m_progress->hasFocus())
            m_syncNow->setFocus(Qt::OtherFocusReason);
        m_focusBack = false;
    }
    // A bar only for a sync long enough to report progress; the count says what it stands for.
    const bool showProgress = s.busy && s.total > 0;
    m_progress->setVisible(s.busy);
    m_progress->setRange(0, showProgress ? 1000 : 0);
    if (showProgress)
        m_progress->setValue(int(s.sent * 1000 / s.total));
    m_running->setVisible(s.busy);
    m_running->setText(showProgress ? tr("%1 of %2 changes sent").arg(locale.toString(s.sent), locale.toString(s.total))
                                    : tr("Syncing…"));
    if (s.busy) {
        if (m_syncNow->hasFocus()) {
            m_focusBack = true;
            m_progress->setFocus(Qt::OtherFocusReason);
        }
        m_syncNow->setEnabled(false);
    }
}

void SyncStatusPanel::focusSyncNow()
{
    if (m_syncNow->isEnabled())
        m_syncNow->setFocus(Qt::OtherFocusReason);
}

} // namespace hearth::ui
