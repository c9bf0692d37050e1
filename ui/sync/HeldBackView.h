#pragma once

#include "core/syncstate/SyncInbox.h"

#include <QGroupBox>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth::ui {

/// @brief For administrators: the clients whose records, entered here, were kept after the server removed
/// them (a restriction or a delete from another desk). They are not shared; an administrator keeps them
/// here or deletes them from this workstation too, after a confirmation that says what goes.
class HeldBackView : public QGroupBox
{
    Q_OBJECT
public:
    explicit HeldBackView(Vault& vault, QWidget* parent = nullptr);

    /// Reads the kept records again; the view hides itself while there are none.
    void reload();
    int count() const { return int(m_clients.size()); }

private:
    void confirmDiscard();
    void discard(const HeldBackClient& client);

    SyncInbox m_service;
    std::vector<HeldBackClient> m_clients;
    QLabel* m_summary;
    QTableWidget* m_table;
    QPushButton* m_discard;
    QLabel* m_error;
};

} // namespace hearth::ui
