#pragma once

#include "core/intake/QualityFinding.h"

#include <QListWidget>

namespace hearth::ui {

/// @brief The data-quality findings of a form as the user types: what blocks saving first, in red,
/// then the warnings. Each message already says which person and element it is about.
class FindingsView : public QListWidget
{
    Q_OBJECT
public:
    explicit FindingsView(QWidget* parent = nullptr);

    void setFindings(const QualityFindings& findings);
    const QualityFindings& findings() const { return m_findings; }
    bool hasRefusal() const { return hearth::hasRefusal(m_findings); }
    /// Every message shown, in order (tests and screen readers).
    QStringList messages() const;

private:
    QualityFindings m_findings;
};

/// A copy of @p findings with "@p who: " before each message (several people in one form).
QualityFindings findingsAbout(const QString& who, QualityFindings findings);

} // namespace hearth::ui
