#pragma once

#include "core/consent/ConsentPolicy.h"

#include <QColor>
#include <QDate>
#include <QHash>
#include <QLabel>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::ui {

/// @brief One mark of a client's consent as every screen shows it ("NO SHARING · kept on this
/// workstation only", "ROI expires in 12 days", "Limited Sharing"), with the plain-words reason.
struct ConsentBadge
{
    /// How loudly the mark shows; the order is the severity.
    enum class Level
    {
        Plain, ///< nothing to act on (Full Sharing)
        Notice, ///< sharing with conditions (Limited, Anonymous, restricted name)
        Warning, ///< act soon (no consent, expiring, expired)
        Alarm, ///< nothing leaves (No Sharing, revoked)
    };

    QString text; ///< as a badge shows it
    QString shortText; ///< for crowded cells (household members): "NO SHARING"
    QString toolTip;
    Level level = Level::Plain;
};

/// The badges of a client whose consent is @p status on @p today, most severe first; @p warningDays:
/// how long before the expiry "expires in N days" shows. No status means no release was recorded.
QList<ConsentBadge> consentBadges(const std::optional<ConsentStatus>& status, const QDate& today, int warningDays);

/// The badges of @p clientUuid from a ConsentRecords::statuses() answer (absent: none recorded).
QList<ConsentBadge> consentBadges(const QHash<QString, ConsentStatus>& statuses, const QString& clientUuid,
                                  const QDate& today, int warningDays);

/// The badges' texts joined for one line or cell.
QString badgeText(const QList<ConsentBadge>& badges);
/// The shortest form that still says the most severe thing ("NO SHARING", "ROI expired").
QString badgeShortText(const QList<ConsentBadge>& badges);
/// Every badge's reason, one per line.
QString badgeToolTip(const QList<ConsentBadge>& badges);
/// The highest level among @p badges (Plain when there are none).
ConsentBadge::Level badgeLevel(const QList<ConsentBadge>& badges);

/// Cell and label colours of a level; an invalid colour leaves the style's own.
QColor badgeBackground(ConsentBadge::Level level);
QColor badgeForeground(ConsentBadge::Level level);

/// @brief A label that shows a client's consent badges, coloured by the most severe one (No Sharing in
/// strong red, white bold text): the client page header and the consent tab.
class ConsentBadgeLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ConsentBadgeLabel(QWidget* parent = nullptr);

    void setBadges(const QList<ConsentBadge>& badges);
    const QList<ConsentBadge>& badges() const { return m_badges; }
    ConsentBadge::Level level() const { return badgeLevel(m_badges); }

private:
    QList<ConsentBadge> m_badges;
};

} // namespace hearth::ui
