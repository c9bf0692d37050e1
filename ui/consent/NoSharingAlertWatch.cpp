#include "ui/consent/NoSharingAlertWatch.h"

#include "core/common/DisplayDates.h"
#include "core/common/Plural.h"
#include "core/vault/Vault.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPointer>

namespace hearth::ui {

namespace {
struct NoSharingAlertWatchText
{
    Q_DECLARE_TR_FUNCTIONS(hearth::ui::NoSharingAlerts)
};
} // namespace

QString noSharingAlertText(const ConcurrentNoSharingAlert& alert)
{
    // plural() puts the count in %1: the project and the day take the next two.
    const QString enrolled
        = plural(alert.count, NoSharingAlertWatchText::tr("1 client who chose No Sharing is enrolled at %1 on %2;"),
                 NoSharingAlertWatchText::tr("%1 clients who chose No Sharing are enrolled at %2 on %3;"))
              .arg(alert.projectName, displayDate(alert.day));
    return enrolled + u' '
        + NoSharingAlertWatchText::tr(
              "the limit is %1. DFSS-funded shelters must notify DFSS immediately when they serve more than one "
              "or two clients without HMIS records at the same time, and include them in the quarterly "
              "utilization report.")
              .arg(alert.limit);
}

QSet<QString> openNoSharingAlertIds(Vault& vault)
{
    QSet<QString> ids;
    auto alerts = ConsentRecords(vault).openAlerts();
    if (!alerts)
        return ids;
    for (const ConcurrentNoSharingAlert& alert : *alerts)
        ids.insert(alert.uuid);
    return ids;
}

NoSharingAlertWatch::NoSharingAlertWatch(Vault& vault)
    : m_vault(vault)
    , m_before(openNoSharingAlertIds(vault))
{
}

std::vector<ConcurrentNoSharingAlert> NoSharingAlertWatch::raised() const
{
    std::vector<ConcurrentNoSharingAlert> raised;
    auto alerts = ConsentRecords(m_vault).openAlerts();
    if (!alerts)
        return raised;
    for (ConcurrentNoSharingAlert& alert : alerts.value()) {
        if (!m_before.contains(alert.uuid))
            raised.push_back(std::move(alert));
    }
    return raised;
}

int NoSharingAlertWatch::warnAboutNew(QWidget* parent) const
{
    int shown = 0;
    QPointer<QWidget> alive(parent);
    for (const ConcurrentNoSharingAlert& alert : raised()) {
        if (!alive)
            break;
        QPointer<QMessageBox> box
            = new QMessageBox(QMessageBox::Warning, NoSharingAlertWatchText::tr("No Sharing clients in one shelter"),
                              noSharingAlertText(alert), QMessageBox::Ok, parent);
        box->setObjectName(QStringLiteral("noSharingAlertBox"));
        box->setInformativeText(
            NoSharingAlertWatchText::tr("Administrators see this alert until one of them acknowledges it."));
        box->exec();
        delete box;
        ++shown;
    }
    return shown;
}

} // namespace hearth::ui
