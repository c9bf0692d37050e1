#pragma once

#include <QList>
#include <QString>

#include <algorithm>

namespace hearth {

/// @brief One data-quality result of the intake rules. Refused findings block saving (the data is
/// impossible); warnings explain a likely mistake or a gap in HUD reporting and may be overridden.
struct QualityFinding
{
    enum class Severity
    {
        Refused,
        Warning,
    };
    Severity severity = Severity::Warning;
    QString element; ///< HUD element number, "3.02"
    QString field; ///< column or struct member the message belongs next to ("ssn", "LengthOfStay")
    QString message; ///< a sentence that explains itself to staff

    bool isRefusal() const { return severity == Severity::Refused; }

    friend bool operator==(const QualityFinding&, const QualityFinding&) = default;
};

using QualityFindings = QList<QualityFinding>;

inline bool hasRefusal(const QualityFindings& findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const QualityFinding& f) { return f.isRefusal(); });
}

inline QualityFinding refusedFinding(QString element, QString field, QString message)
{
    return {QualityFinding::Severity::Refused, std::move(element), std::move(field), std::move(message)};
}

inline QualityFinding warningFinding(QString element, QString field, QString message)
{
    return {QualityFinding::Severity::Warning, std::move(element), std::move(field), std::move(message)};
}

} // namespace hearth
