#include "core/services/NoSharingAlerts.h"

#include "core/consent/ConsentPolicy.h"
#include "core/intake/Project.h"
#include "core/services/RecordSupport.h"
#include "core/store/ConsentRepository.h"
#include "core/store/EnrollmentRepository.h"
#include "core/store/Store.h"
#include "core/vault/OpenStore.h"
#include "core/vault/Vault.h"

#include <QSet>

namespace hearth {

bool NoSharingAlerts::isShelter(const Project& project)
{
    return project.projectType == 0 || project.projectType == 1;
}

Result<int> NoSharingAlerts::count(const QString& projectUuid, const QDate& day) const
{
    Store& s = m_vault.openStore().store();
    auto enrolled = EnrollmentRepository(s).activeInProject(projectUuid, day);
    if (!enrolled)
        return enrolled.error();
    QStringList clients;
    QSet<QString> seen;
    for (const Enrollment& e : *enrolled) {
        if (!seen.contains(e.clientUuid)) {
            seen.insert(e.clientUuid);
            clients.append(e.clientUuid);
        }
    }
    auto histories = ConsentRepository(s).forClients(clients);
    if (!histories)
        return histories.error();
    const QDate today = m_vault.clock().today();
    int noSharing = 0;
    for (const QString& client : clients) {
        if (consentStatus(histories->value(client), today).isNoSharing())
            ++noSharing;
    }
    return noSharing;
}

Status NoSharingAlerts::checkProject(const QString& projectUuid)
{
    Store& s = m_vault.openStore().store();
    auto project = records::loadProject(s, projectUuid);
    if (!project)
        return project.error();
    if (!isShelter(*project))
        return {};
    ConsentRepository repo(s);
    auto open = repo.hasOpenAlert(projectUuid);
    if (!open)
        return open.error();
    if (*open)
        return {}; // one alert until someone has seen it
    auto settings = repo.settings();
    if (!settings)
        return settings.error();
    const QDate today = m_vault.clock().today();
    auto noSharing = count(projectUuid, today);
    if (!noSharing)
        return noSharing.error();
    if (*noSharing <= settings->concurrentNoSharingLimit)
        return {};
    ConcurrentNoSharingAlert alert;
    alert.uuid = records::newId();
    alert.projectUuid = projectUuid;
    alert.projectName = project->name;
    alert.day = today;
    alert.count = *noSharing;
    alert.limit = settings->concurrentNoSharingLimit;
    alert.raisedAt = m_vault.clock().now();
    alert.raisedBy = m_vault.user()->login;
    if (auto st = repo.insertAlert(alert); !st)
        return st;
    return m_vault.openStore().appendAudit(
        QString::fromLatin1(audit::ConcurrentAlert), QStringLiteral("project"), projectUuid,
        QStringLiteral("%1 No Sharing clients, limit %2").arg(alert.count).arg(alert.limit));
}

Status NoSharingAlerts::checkClient(const QString& clientUuid)
{
    auto enrollments = EnrollmentRepository(m_vault.openStore().store()).forClient(clientUuid);
    if (!enrollments)
        return enrollments.error();
    const QDate today = m_vault.clock().today();
    QSet<QString> checked;
    for (const Enrollment& e : *enrollments) {
        const bool enrolledToday = e.entryDate <= today && (!e.exitDate || *e.exitDate > today);
        if (!enrolledToday || checked.contains(e.projectUuid))
            continue;
        checked.insert(e.projectUuid);
        if (auto st = checkProject(e.projectUuid); !st)
            return st;
    }
    return {};
}

} // namespace hearth
