#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"

#include <QDate>
#include <QList>
#include <QString>

namespace hearth {

/// @brief How complete a client's universal data is: the share of the elements that apply which
/// hold real answers rather than 8 / 9 / 99 or nothing. The Sonoma plan's goal is at most 5% missing.
struct Completeness
{
    struct Element
    {
        QString id; ///< "3.02"
        QString title; ///< "Social Security Number"
        bool answered = false;
    };
    QList<Element> elements; ///< every element that applies, in HUD order
    int answered = 0;
    int total = 0;

    /// 0–100, rounded down; 100 when nothing applies.
    int percent() const { return total == 0 ? 100 : answered * 100 / total; }
    QList<Element> missing() const;
};

/// Completeness of @p client's 3.01–3.07 and 4.21 (veteran status only for adults), and, for each
/// enrollment given, 3.08, 3.15, 3.16, 3.917 (head and adults), 3.20 (heads in permanent housing is
/// not counted: an empty move-in date is often correct) and, when exited, 3.12.
Completeness completenessOf(const ClientProfile& client, QDate today, const QList<Enrollment>& enrollments = {});

} // namespace hearth
