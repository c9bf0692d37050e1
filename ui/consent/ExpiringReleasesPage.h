#pragma once

#include "core/services/ConsentRecords.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The Consent area: releases of information that expire this month, and those that expired
/// and were not renewed, soonest first, so staff can ask the clients to renew. Opening a row opens
/// the client.
class ExpiringReleasesPage : public QWidget
{
    Q_OBJECT
public:
    explicit ExpiringReleasesPage(Vault& vault, QWidget* parent = nullptr);

    const std::vector<ExpiringRelease>& releases() const { return m_releases; }

public Q_SLOTS:
    void reload();
    void openSelected();

Q_SIGNALS:
    /// The user asked to open the client of a row.
    void openClientRequested(const QString& clientUuid);

protected:
    void showEvent(QShowEvent* event) override;

private:
    Vault& m_vault;
    std::vector<ExpiringRelease> m_releases;
    QLabel* m_summary;
    QTableWidget* m_table;
    QPushButton* m_openButton;
    QLabel* m_error;
};

} // namespace hearth::ui
