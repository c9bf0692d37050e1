#include "ui/consent/ConsentBadges.h"

#include "core/common/DisplayDates.h"

#include <QCoreApplication>

#include <algorithm>

namespace hearth::ui {

namespace {

struct ConsentBadgesText
{
    Q_DECLARE_TR_FUNCTIONS(hearth::ui::ConsentBadges)
};

QString day(const QDate& date)
{
    return displayDate(date);
}

QString categoryList(ShareCategories categories)
{
    QStringList names;
    for (const ShareCategory c : {ShareCategory::IdentifyingProfile, ShareCategory::EnrollmentsAndServices,
                                  ShareCategory::HealthAndDisability, ShareCategory::DomesticViolence}) {
        if (categories.testFlag(c))
            names << shareCategoryName(c);
    }
    return names.isEmpty() ? ConsentBadgesText::tr("nothing") : names.join(QStringLiteral(", "));
}

/// What an active release shares: the choice itself, and a restricted name.
void addSharingBadges(QList<ConsentBadge>& badges, const ReleaseOfInformation& release)
{
    switch (release.choice) {
    case SharingChoice::FullSharing:
        badges << ConsentBadge {
            ConsentBadgesText::tr("Full Sharing"), ConsentBadgesText::tr("Full Sharing"),
            ConsentBadgesText::tr("Full Sharing: the client's records are shared with the HMIS partner agencies."),
            ConsentBadge::Level::Plain};
        break;
    case SharingChoice::LimitedSharing:
        badges << ConsentBadge {ConsentBadgesText::tr("Limited Sharing"), ConsentBadgesText::tr("Limited"),
                                ConsentBadgesText::tr("Limited Sharing: only %1, only with %2.")
                                    .arg(categoryList(release.categories),
                                         release.partnerAgencies.isEmpty()
                                             ? ConsentBadgesText::tr("no agency")
                                             : release.partnerAgencies.join(QStringLiteral(", "))),
                                ConsentBadge::Level::Notice};
        break;
    case SharingChoice::Anonymous:
        badges << ConsentBadge {
            ConsentBadgesText::tr("Anonymous"), ConsentBadgesText::tr("Anonymous"),
            ConsentBadgesText::tr("Anonymous: a de-identified entry; nothing that identifies the person leaves this "
                                  "workstation."),
            ConsentBadge::Level::Notice};
        break;
    case SharingChoice::NoSharing:
        break;
    }
    if (release.restricted) {
        badges << ConsentBadge {
            ConsentBadgesText::tr("Restricted name"), ConsentBadgesText::tr("Restricted"),
            release.choice == SharingChoice::LimitedSharing
                ? ConsentBadgesText::tr(
                      "Restricted client: the name is visible only to the entering agency (%1) and the agencies the "
                      "client named.")
                      .arg(release.enteringAgency)
                : ConsentBadgesText::tr("Restricted client: the name is visible only to the entering agency (%1).")
                      .arg(release.enteringAgency),
            ConsentBadge::Level::Notice};
    }
}

} // namespace

QList<ConsentBadge> consentBadges(const std::optional<ConsentStatus>& status, const QDate& today, int warningDays)
{
    QList<ConsentBadge> badges;
    if (!status || status->standing == ConsentStatus::Standing::NoneRecorded) {
        badges << ConsentBadge {
            ConsentBadgesText::tr("No consent recorded"), ConsentBadgesText::tr("No consent"),
            ConsentBadgesText::tr("No Release of Information is recorded for this client: nothing about them leaves "
                                  "this workstation until one is signed."),
            ConsentBadge::Level::Warning};
        return badges;
    }
    switch (status->standing) {
    case ConsentStatus::Standing::NoSharing:
        badges << ConsentBadge {
            ConsentBadgesText::tr("NO SHARING · kept on this workstation only"), ConsentBadgesText::tr("NO SHARING"),
            ConsentBadgesText::tr("The client chose No Sharing: nothing about them, their enrollments or their "
                                  "services leaves this workstation, ever. The record is kept here for the agency's "
                                  "own records and internal reports."),
            ConsentBadge::Level::Alarm};
        break;
    case ConsentStatus::Standing::Revoked: {
        const QDate revoked = status->current && status->current->revokedAt
            ? status->current->revokedAt->toLocalTime().date()
            : QDate();
        badges << ConsentBadge {
            ConsentBadgesText::tr("Consent revoked"), ConsentBadgesText::tr("REVOKED"),
            ConsentBadgesText::tr(
                "The client revoked their release%1: nothing leaves this workstation from then on, and the central "
                "server is asked to restrict what it holds.")
                .arg(revoked.isValid() ? ConsentBadgesText::tr(" on %1").arg(day(revoked)) : QString()),
            ConsentBadge::Level::Alarm};
        break;
    }
    case ConsentStatus::Standing::Expired: {
        const QDate expired = status->expiresOn.value_or(QDate());
        badges << ConsentBadge {
            ConsentBadgesText::tr("ROI expired %1").arg(day(expired)), ConsentBadgesText::tr("ROI expired"),
            ConsentBadgesText::tr(
                "The release expired on %1: no new data leaves this workstation until the client signs a new one.")
                .arg(day(expired)),
            ConsentBadge::Level::Warning};
        break;
    }
    case ConsentStatus::Standing::Active:
        if (status->expiresOn && status->expiresWithin(today, warningDays)) {
            const int days = int(today.daysTo(*status->expiresOn));
            badges << ConsentBadge {
                days <= 0       ? ConsentBadgesText::tr("ROI expires today")
                    : days == 1 ? ConsentBadgesText::tr("ROI expires tomorrow")
                                : ConsentBadgesText::tr("ROI expires in %1 days").arg(days),
                ConsentBadgesText::tr("ROI expiring"),
                ConsentBadgesText::tr(
                    "The release expires on %1; renew it with the client before then, or no new data leaves after it.")
                    .arg(day(*status->expiresOn)),
                ConsentBadge::Level::Warning};
        }
        if (status->current)
            addSharingBadges(badges, *status->current);
        break;
    case ConsentStatus::Standing::NoneRecorded:
        break;
    }
    std::stable_sort(badges.begin(), badges.end(),
                     [](const ConsentBadge& a, const ConsentBadge& b) { return a.level > b.level; });
    return badges;
}

QList<ConsentBadge> consentBadges(const QHash<QString, ConsentStatus>& statuses, const QString& clientUuid,
                                  const QDate& today, int warningDays)
{
    const auto it = statuses.constFind(clientUuid);
    return consentBadges(it == statuses.constEnd() ? std::nullopt : std::optional<ConsentStatus>(it.value()), today,
                         warningDays);
}

QString badgeText(const QList<ConsentBadge>& badges)
{
    QStringList texts;
    for (const ConsentBadge& b : badges)
        texts << b.text;
    return texts.join(QStringLiteral(", "));
}

QString badgeShortText(const QList<ConsentBadge>& badges)
{
    return badges.isEmpty() ? QString() : badges.constFirst().shortText;
}

QString badgeToolTip(const QList<ConsentBadge>& badges)
{
    QStringList tips;
    for (const ConsentBadge& b : badges)
        tips << b.toolTip;
    return tips.join(u'\n');
}

ConsentBadge::Level badgeLevel(const QList<ConsentBadge>& badges)
{
    ConsentBadge::Level level = ConsentBadge::Level::Plain;
    for (const ConsentBadge& b : badges)
        level = std::max(level, b.level);
    return level;
}

QColor badgeBackground(ConsentBadge::Level level)
{
    switch (level) {
    case ConsentBadge::Level::Alarm:
        return QColor(0xb0, 0x00, 0x20);
    case ConsentBadge::Level::Warning:
        return QColor(0xff, 0xd5, 0x4f);
    case ConsentBadge::Level::Notice:
        return QColor(0xd6, 0xe4, 0xf5);
    case ConsentBadge::Level::Plain:
        break;
    }
    return {};
}

QColor badgeForeground(ConsentBadge::Level level)
{
    switch (level) {
    case ConsentBadge::Level::Alarm:
        return QColor(Qt::white);
    case ConsentBadge::Level::Warning:
    case ConsentBadge::Level::Notice:
        return QColor(Qt::black);
    case ConsentBadge::Level::Plain:
        break;
    }
    return {};
}

ConsentBadgeLabel::ConsentBadgeLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setVisible(false);
}

void ConsentBadgeLabel::setBadges(const QList<ConsentBadge>& badges)
{
    m_badges = badges;
    setText(badgeText(badges));
    setToolTip(badgeToolTip(badges));
    const ConsentBadge::Level level = badgeLevel(badges);
    const QColor background = badgeBackground(level);
    // A style sheet, not the palette: the fill must show on every platform style.
    setStyleSheet(background.isValid() ? QStringLiteral("QLabel { background: %1; color: %2; font-weight: %3; "
                                                        "padding: 2px 8px; border-radius: 3px; }")
                                             .arg(background.name(), badgeForeground(level).name(),
                                                  level >= ConsentBadge::Level::Warning ? QStringLiteral("bold")
                                                                                        : QStringLiteral("normal"))
                                       : QString());
    setVisible(!badges.isEmpty());
}

} // namespace hearth::ui
