#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace hearth::sync {

/// @brief The consent reference every client-data record carries to the server (`fields.Consent`),
/// as core's ConsentPolicy writes it. Choice numbers are core's SharingChoice (never renumbered).
struct ConsentReference
{
    enum Choice
    {
        FullSharing = 1,
        LimitedSharing = 2,
        Anonymous = 3,
        NoSharing = 4,
    };

    QString releaseId;
    int choice = 0;
    int categories = 0; ///< core's ShareCategory bits
    QStringList sharedWith; ///< Limited Sharing: the agencies the client named
    bool restricted = false;
    QString enteringAgency;
    QDate expiresOn;

    /// core's ShareCategory::IdentifyingProfile: without it nothing may identify the person.
    static constexpr int kIdentifyingProfile = 0x1;

    QJsonObject toJson() const;
    /// True when the record may carry name, SSN, date of birth or case number.
    bool allowsIdentifyingData() const { return choice != Anonymous && (categories & kIdentifyingProfile) != 0; }

    /// True when @p agency (a server agency's code or name) may see the client's records.
    bool visibleTo(const QStringList& agencyNames) const;
    /// True when @p agency may see a restricted client's name (entering agency or named in SharedWith).
    bool namesVisibleTo(const QStringList& agencyNames) const;
};

/// @brief Why a consent reference was refused: an error code (error_code::ConsentMissing or
/// ConsentInvalid) and the reason in plain words.
struct ConsentProblem
{
    QString code;
    QString message;
};

/// Checks `fields.Consent` of a client-data record: present, well formed, and a choice that may
/// leave a workstation (Full, Limited or Anonymous). Returns the reference or why it is refused.
std::variant<ConsentReference, ConsentProblem> validateConsentReference(const QJsonObject& fields);

/// True when @p a and @p b name the same agency (case and surrounding spaces ignored).
bool sameAgency(const QString& a, const QString& b);

/// The fields that identify a person (never in an Anonymous record).
const QStringList& identifyingFields();
/// The name fields a restricted client shows only to the entering agency and the agencies named.
const QStringList& restrictedNameFields();

} // namespace hearth::sync
