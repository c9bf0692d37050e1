#pragma once

#include "core/syncstate/SyncConflicts.h"

#include <QGroupBox>
#include <QJsonValue>

#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace hearth::ui {

/// @brief The conflicts the server could not merge: a field changed here and at another workstation.
/// Each shows the client, the kind of record, the field in words and both values; a person keeps the
/// server's, keeps this workstation's or enters a new value (refused with the record's own message
/// when it is not valid). Resolving goes through SyncConflicts, which audits it.
class ConflictsView : public QGroupBox
{
    Q_OBJECT
public:
    explicit ConflictsView(Vault& vault, QWidget* parent = nullptr);

    /// Reads the open conflicts again.
    void reload();
    int count() const { return int(m_conflicts.size()); }

    /// What a typed value means for @p conflict: a number where the record holds numbers, an ISO date
    /// for a date typed as MM/DD/YYYY, null when empty; otherwise the text as typed.
    static QJsonValue typedValue(const QString& text, const SyncConflict& conflict);

Q_SIGNALS:
    /// A conflict was resolved (the badge and the status bar count again).
    void resolved();

private:
    void resolve(ConflictChoice choice);
    void updateButtons();

    SyncConflicts m_service;
    std::vector<SyncConflict> m_conflicts;
    QLabel* m_summary;
    QLabel* m_detail; ///< who made each side of the selected conflict, where and when
    QTableWidget* m_table;
    QPushButton* m_keepServer;
    QPushButton* m_keepDevice;
    QWidget* m_actions = nullptr;
    QLineEdit* m_newValue;
    QPushButton* m_useNew;
    QLabel* m_error;
};

} // namespace hearth::ui
