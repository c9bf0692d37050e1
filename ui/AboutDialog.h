#pragma once

#include <QDialog>

namespace hearth {
class Vault;
}

namespace hearth::ui {

/// @brief Versions of Hearth and the libraries it relies on for encryption, and the licence.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const Vault& vault, QWidget* parent = nullptr);
};

} // namespace hearth::ui
