#include "core/reports/NoSharingUtilization.h"

#include "core/intake/ServiceTypes.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace hearth {

namespace {
struct NoSharingUtilizationText
{
    Q_DECLARE_TR_FUNCTIONS(NoSharingUtilization)
};

bool overlaps(const Enrollment& e, const DateRange& range)
{
    return e.entryDate <= range.to && (!e.exitDate || *e.exitDate >= range.from);
}

NoSharingRow makeRow(const NoSharingStayInput& stay, const DateRange& range, bool includeNames)
{
    NoSharingRow row;
    row.clientUuid = stay.client.uuid.isEmpty() ? stay.enrollment.clientUuid : stay.client.uuid;
    row.caseNumber = stay.client.caseNumber;
    row.initials = clientInitials(stay.client);
    if (includeNames)
        row.fullName = clientFullName(stay.client);
    row.entryDate = stay.enrollment.entryDate;
    row.exitDate = stay.enrollment.exitDate;
    row.reason = stay.centralServer;
    row.note = optOutNote(stay.centralServer);
    for (const ServiceRecord& s : stay.services) {
        if (!range.contains(s.dateProvided))
            continue;
        if (s.isBedNight()) {
            ++row.bedNights;
        } else {
            ++row.otherServices;
            ++row.servicesByType[serviceTypeName(s)];
        }
    }
    return row;
}
} // namespace

DateRange quarterOf(const QDate& day)
{
    const int firstMonth = (day.month() - 1) / 3 * 3 + 1;
    const QDate from(day.year(), firstMonth, 1);
    return {from, from.addMonths(3).addDays(-1)};
}

DateRange previousQuarter(const QDate& today)
{
    return quarterOf(quarterOf(today).from.addDays(-1));
}

QString NoSharingRow::servicesByTypeText() const
{
    QStringList parts;
    for (auto it = servicesByType.cbegin(); it != servicesByType.cend(); ++it)
        parts << it.key() + QStringLiteral(": ") + QString::number(it.value());
    return parts.join(QStringLiteral("; "));
}

bool isOptedOut(Disclosure::Reason reason)
{
    return reason == Disclosure::Reason::NoSharing || reason == Disclosure::Reason::Revoked;
}

QString optOutNote(Disclosure::Reason reason)
{
    return reason == Disclosure::Reason::Revoked ? NoSharingUtilizationText::tr("Opted out of HMIS (consent revoked)")
                                                 : NoSharingUtilizationText::tr("Opted out of HMIS (No Sharing)");
}

QString clientInitials(const ClientProfile& client)
{
    QStringList parts;
    for (const QString& name : {client.firstName, client.lastName}) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty())
            parts << trimmed.left(1).toUpper() + u'.';
    }
    return parts.join(u' ');
}

QString clientFullName(const ClientProfile& client)
{
    QStringList parts;
    for (const QString& name : {client.firstName, client.middleName, client.lastName, client.nameSuffix}) {
        if (!name.trimmed().isEmpty())
            parts << name.trimmed();
    }
    return parts.join(u' ');
}

NoSharingUtilizationReport computeNoSharingUtilization(const NoSharingUtilizationInput& input)
{
    NoSharingUtilizationReport report;
    report.range = input.range;
    report.agency = input.agency;
    report.generatedAt = input.generatedAt;
    report.generatedBy = input.generatedBy;
    report.includeNames = input.includeNames;

    // Stays of projects the caller did not list still count, under their project id, after the others.
    std::vector<NoSharingProjectSection> sections;
    for (const Project& p : input.projects)
        sections.push_back({p.uuid, p.name, {}, 0, 0, 0});
    auto sectionFor = [&](const QString& projectUuid) -> NoSharingProjectSection& {
        auto it = std::find_if(sections.begin(), sections.end(),
                               [&](const NoSharingProjectSection& s) { return s.projectUuid == projectUuid; });
        if (it != sections.end())
            return *it;
        sections.push_back({projectUuid, projectUuid, {}, 0, 0, 0});
        return sections.back();
    };

    for (const NoSharingStayInput& stay : input.stays) {
        if (!isOptedOut(stay.centralServer) || !overlaps(stay.enrollment, input.range))
            continue;
        sectionFor(stay.enrollment.projectUuid).rows.push_back(makeRow(stay, input.range, input.includeNames));
    }

    QSet<QString> everyone;
    for (NoSharingProjectSection& section : sections) {
        if (section.rows.empty())
            continue;
        std::sort(section.rows.begin(), section.rows.end(), [](const NoSharingRow& a, const NoSharingRow& b) {
            return a.entryDate != b.entryDate ? a.entryDate < b.entryDate : a.caseNumber < b.caseNumber;
        });
        QSet<QString> clients;
        for (const NoSharingRow& row : section.rows) {
            clients.insert(row.clientUuid);
            everyone.insert(row.clientUuid);
            section.bedNights += row.bedNights;
            section.otherServices += row.otherServices;
        }
        section.clients = int(clients.size());
        report.stays += int(section.rows.size());
        report.bedNights += section.bedNights;
        report.otherServices += section.otherServices;
        report.projects.push_back(std::move(section));
    }
    report.clients = int(everyone.size());
    return report;
}

} // namespace hearth
