#pragma once

#include "core/services/ConsentRecords.h"

#include <QFrame>

#include <vector>

class QLabel;
class QVBoxLayout;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief For administrators: the concurrent No Sharing alerts not yet acknowledged, each with what
/// DFSS-funded shelters must do and an Acknowledge button. Hidden when there are none.
class NoSharingAlertBanner : public QFrame
{
    Q_OBJECT
public:
    explicit NoSharingAlertBanner(Vault& vault, QWidget* parent = nullptr);

    const std::vector<ConcurrentNoSharingAlert>& alerts() const { return m_alerts; }

public Q_SLOTS:
    void refresh();
    void acknowledge(const QString& alertUuid);

private:
    Vault& m_vault;
    std::vector<ConcurrentNoSharingAlert> m_alerts;
    QVBoxLayout* m_rows;
    QLabel* m_error;
};

} // namespace hearth::ui
