#pragma once

#include "core/consent/ConsentPolicy.h"
#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "core/intake/ServiceRecord.h"

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace hearth {

/// @brief A range of calendar days, both ends included.
struct DateRange
{
    QDate from;
    QDate to;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    bool contains(const QDate& day) const { return day >= from && day <= to; }

    friend bool operator==(const DateRange&, const DateRange&) = default;
};

/// The calendar quarter (January–March, April–June, ...) that @p day falls in.
DateRange quarterOf(const QDate& day);
/// The last complete calendar quarter before @p today: the report's default range.
DateRange previousQuarter(const QDate& today);

/// @brief One stay as the caller loaded it for the report: the records as the consent policy released
/// them for the agency's internal use, and the policy's reason toward the central server.
struct NoSharingStayInput
{
    ClientProfile client;
    Enrollment enrollment;
    std::vector<ServiceRecord> services; ///< every service of the enrollment; the report picks those in range
    /// Why the central server was refused this enrollment (Disclosure::Reason::None when it was not).
    Disclosure::Reason centralServer = Disclosure::Reason::None;
};

/// @brief Everything the No Sharing utilization report is computed from.
struct NoSharingUtilizationInput
{
    DateRange range;
    std::vector<Project> projects; ///< in the order the report lists them
    std::vector<NoSharingStayInput> stays; ///< any stays: the report keeps the opted-out ones in range
    bool includeNames = false; ///< full names for internal use; otherwise initials only
    QString agency;
    QDateTime generatedAt;
    QString generatedBy; ///< "Display Name (login)"
};

/// @brief One opted-out stay in the report.
struct NoSharingRow
{
    QString clientUuid; ///< never printed: tells clients apart for the totals
    QString caseNumber;
    QString initials; ///< "A. L."
    QString fullName; ///< empty unless the report was asked for names
    QDate entryDate;
    std::optional<QDate> exitDate;
    int bedNights = 0; ///< bed nights (record type 200) dated in the range
    int otherServices = 0; ///< every other service dated in the range
    QMap<QString, int> servicesByType; ///< the other services by type name ("Case management" -> 2)
    Disclosure::Reason reason = Disclosure::Reason::NoSharing; ///< NoSharing or Revoked
    QString note; ///< "Opted out of HMIS (No Sharing)" or "Opted out of HMIS (consent revoked)"

    /// The client as the report names them: the full name when asked for, else the initials.
    QString clientName() const { return fullName.isEmpty() ? initials : fullName; }
    /// "Case management: 2; Referral: 1".
    QString servicesByTypeText() const;
};

/// @brief One project's opted-out stays and their totals.
struct NoSharingProjectSection
{
    QString projectUuid;
    QString projectName;
    std::vector<NoSharingRow> rows; ///< by entry date, then case number
    int clients = 0; ///< distinct clients
    int bedNights = 0;
    int otherServices = 0;
};

/// @brief Clients served without HMIS records, per project, for a funder's utilization report
/// (Chicago DFSS: "with clear notes indicating that they opted out of HMIS").
struct NoSharingUtilizationReport
{
    DateRange range;
    QString agency;
    QDateTime generatedAt;
    QString generatedBy;
    bool includeNames = false;
    std::vector<NoSharingProjectSection> projects; ///< projects without opted-out stays are left out
    int clients = 0; ///< distinct clients across every project (one client in two projects counts once)
    int stays = 0;
    int bedNights = 0;
    int otherServices = 0;

    bool isEmpty() const { return projects.empty(); }
};

/// True when the central server was refused a record because the client opted out of HMIS.
bool isOptedOut(Disclosure::Reason reason);
/// The note every row carries: "Opted out of HMIS (No Sharing)" / "Opted out of HMIS (consent revoked)".
QString optOutNote(Disclosure::Reason reason);
/// "A. L." from the first and last name; empty when neither was given.
QString clientInitials(const ClientProfile& client);
/// "Ana María López Jr." from the name parts that were given.
QString clientFullName(const ClientProfile& client);

/// Keeps the stays that overlap the range (entry on or before its end, no exit or an exit on or after
/// its start) and that the central server was refused because the client opted out, and counts them.
NoSharingUtilizationReport computeNoSharingUtilization(const NoSharingUtilizationInput& input);

} // namespace hearth
