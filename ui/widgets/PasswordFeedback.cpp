#include "ui/widgets/PasswordFeedback.h"

namespace hearth::ui {

PasswordFeedback::PasswordFeedback(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("passwordFeedback"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
}

void PasswordFeedback::setPolicy(const PasswordPolicy& policy)
{
    m_policy = policy;
}

bool PasswordFeedback::evaluate(const QString& password, const QString& userLogin, const QString& confirmation)
{
    if (password.isEmpty()) {
        clear();
        m_acceptable = false;
        return false;
    }
    QList<PasswordViolation> violations = m_policy.check(password, userLogin);
    if (confirmation != password)
        violations.append({PasswordRule::Mismatch, passwordRuleMessage(PasswordRule::Mismatch, m_policy.config())});
    m_acceptable = violations.isEmpty();
    if (m_acceptable)
        setText(tr("The password meets every rule."));
    else
        setText(tr("Not yet:") + QLatin1Char('\n') + PasswordPolicy::explain(violations));
    return m_acceptable;
}

} // namespace hearth::ui
