#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace hearth {

/// @brief A note, kept until the sync module delivers it, that the central server must restrict a client.
struct RestrictionRequest
{
    QString uuid;
    QString clientUuid;
    QDateTime requestedAt;
    QString requestedBy;
    QString reason; ///< "no-sharing" or "revoked"
    std::optional<QDateTime> deliveredAt;
};

/// @brief More No Sharing clients in one shelter at once than the agency allows (Chicago DFSS rule).
struct ConcurrentNoSharingAlert
{
    QString uuid;
    QString projectUuid;
    QString projectName;
    QDate day; ///< the day the limit was passed
    int count = 0; ///< No Sharing clients enrolled that day
    int limit = 0;
    QDateTime raisedAt;
    QString raisedBy;
    std::optional<QDateTime> acknowledgedAt;
    QString acknowledgedBy;
};

} // namespace hearth
