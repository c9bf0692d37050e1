#pragma once

#include <QLabel>

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief The line over the work area after sign-in: "3 releases of information expire in the next
/// 30 days", with a link to the list. Hidden when none do.
class ExpiringReleasesNotice : public QLabel
{
    Q_OBJECT
public:
    explicit ExpiringReleasesNotice(Vault& vault, QWidget* parent = nullptr);

    /// Releases in force that expire within the agency's warning days, as last counted.
    int count() const { return m_count; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /// The user followed the link to the list of expiring releases.
    void showRequested();

private:
    Vault& m_vault;
    int m_count = 0;
};

} // namespace hearth::ui
