#pragma once

#include "core/common/Result.h"
#include "core/intake/ClientProfile.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

/// @brief How an agency records a client who does not want to be identified. Profiles are data:
/// the agency picks one; apply() fills the identifying 3.01–3.03 (and, for Sonoma, 3.07) fields.
/// Race, sex and everything else are still asked as normal; the alias is kept (it never leaves
/// Hearth and is how staff find the record again).
struct AnonymousProfile
{
    enum class Names
    {
        Empty, ///< no name stored
        ClientAndCaseNumber, ///< first "Client", last the case number (Sonoma)
        Anonymous, ///< first and last "Anonymous" (Connecticut)
    };

    QString id;
    QString name; ///< for the settings screen
    QString description; ///< what it stores and which procedure it follows
    Names names = Names::Empty;
    int nameDataQuality = 9;
    int ssnDataQuality = 9; ///< the SSN itself is always cleared, except with keepGivenSsnAndDob
    int dobDataQualityWithoutAge = 9; ///< when no approximate age is given
    bool keepGivenSsnAndDob = false; ///< the client agreed to give them (Connecticut)
    std::optional<int> veteranStatus; ///< set by the profile; unset keeps the client's answer
};

/// The ready-made profiles: "hud-clean" (the default), "sonoma" and "connecticut".
const QList<AnonymousProfile>& anonymousProfiles();
std::optional<AnonymousProfile> findAnonymousProfile(const QString& id);
inline QString defaultAnonymousProfileId()
{
    return QStringLiteral("hud-clean");
}

/// Applies profile @p profileId to @p client and records the profile id in it. @p approximateAge,
/// when the client gives one, becomes an approximate DOB on 1 January (data quality 2).
/// Fails (InvalidInput) for an unknown profile, an age outside 0–110, or a profile that needs the
/// case number when @p caseNumber is empty; @p client is unchanged then.
Status applyAnonymousProfile(const QString& profileId, ClientProfile& client, const QString& caseNumber, QDate today,
                             std::optional<int> approximateAge = std::nullopt);

} // namespace hearth
