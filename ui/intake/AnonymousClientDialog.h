#pragma once

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace hearth::ui {

/// @brief Chooses how an anonymous client is recorded: the anonymous-client profile (the agency's
/// default first) and, optionally, the age the client gives.
class AnonymousClientDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AnonymousClientDialog(QWidget* parent = nullptr);

    QString profileId() const;
    std::optional<int> approximateAge() const;

private:
    void describe();

    QComboBox* m_profile;
    QSpinBox* m_age;
    QLabel* m_description;
};

} // namespace hearth::ui
