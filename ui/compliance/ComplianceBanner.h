#pragma once

#include <QFrame>

class QLabel;

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief For the security officer, over every area: overdue findings, and the quarterly self-audit
/// or the yearly copy to the HMIS Lead overdue or due within 14 days. Hidden otherwise.
class ComplianceBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ComplianceBanner(Vault& vault, QWidget* parent = nullptr);

    QString text() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /// "Open Compliance" was clicked.
    void openRequested();

private:
    Vault& m_vault;
    QLabel* m_text;
};

} // namespace hearth::ui
