#pragma once

#include "core/services/ConsentRecords.h"

#include <QSet>
#include <QString>

#include <vector>

class QWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// The alert in plain words: "3 clients who chose No Sharing are enrolled at Harbor Night Shelter on
/// 01/05/2026; the limit is 2. ..." with what DFSS-funded shelters must do.
QString noSharingAlertText(const ConcurrentNoSharingAlert& alert);

/// The ids of the alerts open now (empty when they cannot be read).
QSet<QString> openNoSharingAlertIds(Vault& vault);

/// @brief Tells the user who just enrolled or reopened about a concurrent No Sharing alert that
/// their save raised: take the open alerts before the action, call warnAboutNew() after it succeeded.
class NoSharingAlertWatch
{
public:
    explicit NoSharingAlertWatch(Vault& vault);

    /// Alerts open now that were not open when the watch started.
    std::vector<ConcurrentNoSharingAlert> raised() const;
    /// Shows a warning for each alert raised meanwhile; returns how many it showed. The widget may be
    /// gone when it returns (a lock during the message box deletes it).
    int warnAboutNew(QWidget* parent) const;

private:
    Vault& m_vault;
    QSet<QString> m_before;
};

} // namespace hearth::ui
