#include "ui/sync/SyncPage.h"

#include "core/vault/Vault.h"
#include "sync/client/SyncEngine.h"
#include "ui/sync/ConflictsView.h"
#include "ui/sync/HeldBackView.h"
#include "ui/sync/SyncRegistrationForm.h"
#include "ui/sync/SyncSession.h"
#include "ui/sync/SyncStatusPanel.h"
#include "ui/widgets/UiHelpers.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hearth::ui {

SyncPage::SyncPage(Vault& vault, SyncSession& session, QWidget* parent)
    : QWidget(parent)
    , m_status(new SyncStatusPanel(vault, session))
    , m_conflicts(new ConflictsView(vault))
{
    setObjectName(QStringLiteral("syncPage"));
    auto* title = new QLabel(tr("Sync with the agency server"));
    title->setFont(scaledFont(1.4, true));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addWidget(m_conflicts, 1);
    if (vault.can(Permission::EditAgencySettings)) {
        m_heldBack = new HeldBackView(vault);
        layout->addWidget(m_heldBack);
        m_registration = new SyncRegistrationForm(session);
        layout->addWidget(m_registration);
        // A pull may keep records here that the server removed.
        connect(&session.engine(), &sync::SyncEngine::pulled, m_heldBack, &HeldBackView::reload);
    }

    // A pull or a push reply may bring conflicts; resolving one changes the counts elsewhere.
    connect(&session.engine(), &sync::SyncEngine::conflictsChanged, m_conflicts, &ConflictsView::reload);
    connect(m_conflicts, &ConflictsView::resolved, &session, &SyncSession::refresh);
    connect(m_conflicts, &ConflictsView::resolved, this, [this] {
        if (m_conflicts->count() == 0)
            m_status->focusSyncNow(); // all settled: sending the choices is next
    });
}

} // namespace hearth::ui
