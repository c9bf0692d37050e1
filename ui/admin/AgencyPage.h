#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace hearth::ui {

/// @brief Set-up page 1: the agency's name and its HUD Continuum of Care code.
class AgencyPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AgencyPage(QWidget* parent = nullptr);
    bool isComplete() const override;

private:
    void revalidate();

    QLineEdit* m_name;
    QLineEdit* m_coc;
    QLabel* m_error;
};

} // namespace hearth::ui
