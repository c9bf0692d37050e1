#include "core/services/ConsentReports.h"

#include "core/intake/IntakeJson.h"
#include "core/reports/NoSharingReportOutput.h"
#include "core/services/ConsentGate.h"
#include "core/services/RecordSupport.h"
#include "core/store/ClientRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/ProjectRepository.h"
#include "core/store/ServiceRepository.h"
#include "core/store/Store.h"
#include "core/vault/AgencySettings.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

namespace hearth {

namespace {
const QString kRecordType = QStringLiteral("report");
const QString kCsv = QStringLiteral("csv");
const QString kPdf = QStringLiteral("pdf");
const QString kPrint = QStringLiteral("print");
const QString kPrintToFile = QStringLiteral("print-to-file");

OutgoingRecord outgoing(const Enrollment& e)
{
    return {
        OutgoingRecord::Kind::Enrollment, e.uuid, e.clientUuid, intake_json::toJson(e), e.entryDate, {}, e.updatedAt};
}

OutgoingRecord outgoing(const ServiceRecord& s, const Enrollment& e)
{
    return {OutgoingRecord::Kind::Service,
            s.uuid,
            s.clientUuid,
            intake_json::toJson(s),
            s.dateProvided,
            e.entryDate,
            s.updatedAt};
}

OutgoingRecord outgoing(const ClientProfile& c)
{
    return {OutgoingRecord::Kind::ClientProfile, c.uuid, c.uuid, intake_json::toJson(c), {}, {}, c.updatedAt};
}

/// One opted-out stay with everything the report may print of it, in the order they go to the policy.
struct Candidate
{
    NoSharingStayInput stay;
    size_t firstRecord = 0; ///< index of the profile in the agency-internal review; enrollment and services follow
};
} // namespace

QString ConsentReports::auditDetail(const NoSharingUtilizationReport& report, const QString& form)
{
    QString detail = QStringLiteral("no-sharing-utilization ") + form + u' ' + report.range.from.toString(Qt::ISODate)
        + QStringLiteral("..") + report.range.to.toString(Qt::ISODate) + QStringLiteral(", ")
        + QString::number(report.clients)
        + (report.clients == 1 ? QStringLiteral(" client") : QStringLiteral(" clients"));
    if (report.includeNames)
        detail += QStringLiteral(", full names");
    return detail;
}

Result<NoSharingUtilizationReport> ConsentReports::noSharingUtilization(const QDate& from, const QDate& to,
                                                                        bool includeNames)
{
    if (auto st = m_vault.require(Permission::RunAllReports); !st)
        return st.error();
    if (!from.isValid() || !to.isValid())
        return records::refuse(QObject::tr("Choose the first and the last day of the report."));
    if (from > to)
        return records::refuse(QObject::tr("The first day of the report is after its last day."));
    auto agency = m_vault.settings().agency();
    if (!agency)
        return agency.error();
    Store& s = m_vault.openStore().store();
    auto projects = ProjectRepository(s).list();
    if (!projects)
        return projects.error();
    auto enrollments = EnrollmentRepository(s).overlapping(from, to);
    if (!enrollments)
        return enrollments.error();

    // Which stays the central server is refused because the client opted out.
    std::vector<OutgoingRecord> stays;
    stays.reserve(enrollments->size());
    for (const Enrollment& e : *enrollments)
        stays.push_back(outgoing(e));
    const ConsentGate gate(m_vault);
    auto toServer = gate.review(stays, Audience::centralServer());
    if (!toServer)
        return toServer.error();

    // What the agency's own report may show of those stays: the policy decides that too.
    std::vector<Candidate> candidates;
    std::vector<OutgoingRecord> content;
    for (size_t i = 0; i < enrollments->size(); ++i) {
        const Disclosure::Reason reason = toServer->at(i).reason;
        if (!isOptedOut(reason))
            continue;
        const Enrollment& e = enrollments->at(i);
        auto client = ClientRepository(s).find(e.clientUuid);
        if (!client)
            return client.error();
        auto services = ServiceRepository(s).forEnrollment(e.uuid);
        if (!services)
            return services.error();
        Candidate c;
        c.stay.client = client->value_or(ClientProfile {});
        c.stay.client.uuid = e.clientUuid;
        c.stay.enrollment = e;
        c.stay.services = std::move(services).value();
        c.stay.centralServer = reason;
        c.firstRecord = content.size();
        content.push_back(outgoing(c.stay.client));
        content.push_back(outgoing(e));
        for (const ServiceRecord& service : c.stay.services)
            content.push_back(outgoing(service, e));
        candidates.push_back(std::move(c));
    }
    auto internal = gate.review(content, Audience::agencyInternal());
    if (!internal)
        return internal.error();

    NoSharingUtilizationInput input;
    input.range = {from, to};
    input.projects = std::move(projects).value();
    input.includeNames = includeNames;
    input.agency = agency->name;
    input.generatedAt = m_vault.clock().now();
    input.generatedBy = m_vault.user()->displayName.isEmpty()
        ? m_vault.user()->login
        : m_vault.user()->displayName + QStringLiteral(" (") + m_vault.user()->login + u')';
    for (Candidate& c : candidates) {
        const Disclosure& profile = internal->at(c.firstRecord);
        if (!internal->at(c.firstRecord + 1).allowed())
            continue; // the stay itself may not be shown
        // The profile as the policy released it: a withheld or reduced one prints without what it dropped.
        ClientProfile shown = profile.allowed() ? intake_json::clientFromJson(profile.fields) : ClientProfile {};
        shown.uuid = c.stay.client.uuid;
        c.stay.client = shown;
        std::vector<ServiceRecord> services;
        for (size_t k = 0; k < c.stay.services.size(); ++k) {
            if (internal->at(c.firstRecord + 2 + k).allowed())
                services.push_back(c.stay.services.at(k));
        }
        c.stay.services = std::move(services);
        input.stays.push_back(std::move(c.stay));
    }

    NoSharingUtilizationReport report = computeNoSharingUtilization(input);
    if (auto st = m_vault.openStore().recordAudit(QString::fromLatin1(audit::RecordView), kRecordType, {},
                                                  auditDetail(report, QStringLiteral("report")));
        !st)
        return st.error();
    return report;
}

Result<QByteArray> ConsentReports::exportCsv(const NoSharingUtilizationReport& report)
{
    if (auto st = recordOutput(report, kCsv); !st)
        return st.error();
    return toCsv(report);
}

Status ConsentReports::recordOutput(const NoSharingUtilizationReport& report, const QString& form)
{
    if (form != kCsv && form != kPdf && form != kPrint && form != kPrintToFile)
        return records::refuse(QObject::tr("A report is saved as CSV or PDF, or printed."));
    // A printout that goes to a file is a file like any other: an export.
    const bool file = form != kPrint;
    if (auto st = m_vault.require(file ? Permission::ExportData : Permission::RunAllReports); !st)
        return st;
    return m_vault.openStore().recordAudit(QString::fromLatin1(file ? audit::Export : audit::Print), kRecordType, {},
                                           auditDetail(report, form));
}

} // namespace hearth
