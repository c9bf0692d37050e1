#pragma once

#include "core/auth/PasswordPolicy.h"

#include <QLabel>

namespace hearth::ui {

/// @brief Lists, as the user types, which password rules the candidate password still breaks.
class PasswordFeedback : public QLabel
{
    Q_OBJECT
public:
    explicit PasswordFeedback(QWidget* parent = nullptr);

    void setPolicy(const PasswordPolicy& policy);
    const PasswordPolicy& policy() const { return m_policy; }

    /// Re-checks @p password (and that @p confirmation matches it); returns true when acceptable.
    bool evaluate(const QString& password, const QString& userLogin, const QString& confirmation);
    bool acceptable() const { return m_acceptable; }

private:
    PasswordPolicy m_policy;
    bool m_acceptable = false;
};

} // namespace hearth::ui
