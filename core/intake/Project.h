#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

/// @brief One of the agency's projects (HUD 2.02 and 2.06). Enrollments belong to a project.
struct Project
{
    QString uuid;
    QString name; ///< 2.02.2
    int projectType = 0; ///< 2.02.6
    QString cocCode; ///< 2.03.1, "CA-504"
    QList<int> fundingSources; ///< 2.06.1 codes
    bool tracksBedNights = false; ///< night-by-night shelter: check-in records a 4.14 bed night
    QDate operatingStart; ///< 2.02.3
    std::optional<QDate> operatingEnd; ///< 2.02.4
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;

    friend bool operator==(const Project&, const Project&) = default;
};

} // namespace hearth
