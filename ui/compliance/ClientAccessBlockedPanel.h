#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief In place of the client search while client records are closed on this workstation: by the
/// agency's compliance policy (for the security officer, Open Compliance) or by the offline lease (Sync
/// now and, for administrators, Unlock this workstation).
class ClientAccessBlockedPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ClientAccessBlockedPanel(Vault& vault, QWidget* parent = nullptr);

    /// Reads the block again; shows the panel when there is one. Returns the reason (empty: not blocked).
    QString refresh();
    QString reason() const;

Q_SIGNALS:
    void openComplianceRequested();
    /// The offline lease ran out: the user asks for a sync (which renews it when the server answers).
    void syncNowRequested();
    /// An administrator unlocked the expired lease: client records may open again.
    void leaseUnlocked();

private:
    void unlockLease();

    Vault& m_vault;
    QLabel* m_reason;
    QLabel* m_advice;
    QPushButton* m_open;
    QPushButton* m_syncNow;
    QPushButton* m_unlock;
    QLabel* m_error;
};

} // namespace hearth::ui
