#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief In place of the client search while the agency's compliance policy closes client records
/// on this workstation: the reason in plain words and, for the security officer, Open Compliance.
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

private:
    Vault& m_vault;
    QLabel* m_reason;
    QPushButton* m_open;
};

} // namespace hearth::ui
