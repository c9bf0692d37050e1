#pragma once

#include "core/consent/Consent.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace hearth::ui {

/// @brief What the explanation beside a release's choices is about.
enum class ExplanationTopic
{
    FullSharing,
    LimitedSharing,
    Anonymous,
    NoSharing,
    CoordinatedEntry, ///< agrees to share with Coordinated Entry
    CoordinatedEntryDeclined,
};

/// The topic explaining @p choice on a release of @p kind (a CES release knows only agree and decline).
ExplanationTopic explanationTopic(ReleaseKind kind, SharingChoice choice);

/// @brief One choice in plain language, as shown to the client.
struct TopicExplanation
{
    QString title;
    QString shared; ///< what is shared
    QString withWhom;
    QStringList consequences;
};

/// @brief Everything the client is shown, in one language (resources/consent/explanations.json).
struct ConsentExplanations
{
    QString language; ///< "en" or "es"
    QString languageName; ///< in that language: "English", "Español"
    QString about; ///< what the HMIS is
    QString prompt; ///< shown before a choice is made
    QString sharedHeading;
    QString withWhomHeading;
    QString consequencesHeading;
    QString rightsTitle;
    QStringList rights; ///< the client rights of the Sonoma Privacy Plan
    QMap<ExplanationTopic, TopicExplanation> topics;

    /// The languages there are explanations in, English first.
    static QStringList languages();
    /// The explanations in @p language; English when there are none in it.
    static const ConsentExplanations& in(const QString& language);
};

} // namespace hearth::ui
