#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QFlags>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth {

/// @brief The four choices of the HMIS Release of Information (Sonoma Privacy Plan, Client Rights).
/// Stored as these numbers; never renumber.
enum class SharingChoice
{
    FullSharing = 1, ///< every category, with every HMIS partner agency
    LimitedSharing = 2, ///< only the categories named, only with the agencies named
    Anonymous = 3, ///< de-identified entry: nothing that identifies the person leaves
    NoSharing = 4, ///< nothing leaves this workstation, ever; kept here for the agency's own records
};

/// @brief What a Limited Sharing release may cover. Stored as these bits; never renumber.
enum class ShareCategory : unsigned
{
    IdentifyingProfile = 0x1, ///< name, alias, SSN, date of birth, case number
    EnrollmentsAndServices = 0x2, ///< stays, entry and exit data, services (bed nights, referrals, ...)
    HealthAndDisability = 0x4, ///< disabilities (4.05–4.10), 3.08, health status, health insurance (4.04)
    DomesticViolence = 0x8, ///< 4.11 survivor, when it occurred, currently fleeing
};
Q_DECLARE_FLAGS(ShareCategories, ShareCategory)
Q_DECLARE_OPERATORS_FOR_FLAGS(ShareCategories)

inline constexpr ShareCategories allShareCategories()
{
    return ShareCategories(ShareCategory::IdentifyingProfile) | ShareCategory::EnrollmentsAndServices
        | ShareCategory::HealthAndDisability | ShareCategory::DomesticViolence;
}

/// @brief Which release: the HMIS one, or the separate Coordinated Entry (CES) release.
enum class ReleaseKind
{
    Hmis = 1,
    CoordinatedEntry = 2,
};

/// @brief One signed Release of Information as recorded on this workstation.
///
/// A client's consent is the history of these: the newest HMIS release that is not revoked decides.
/// The signature and the scanned form are kept apart (ConsentAttachments) and never leave the machine.
struct ReleaseOfInformation
{
    QString uuid;
    QString clientUuid;
    ReleaseKind kind = ReleaseKind::Hmis;
    SharingChoice choice = SharingChoice::NoSharing;
    ShareCategories categories; ///< Limited Sharing only; the other choices imply all or none
    QStringList partnerAgencies; ///< Limited Sharing only: the agencies the client named
    /// Sonoma "restricted client": the name is visible only to the entering agency.
    bool restricted = false;
    /// A later consent after No Sharing or a revocation must say whether what was kept before may be
    /// shared too (empty until the user chose; ConsentRules refuses it unset when it is needed).
    std::optional<bool> includePastRecords;
    QDate signedOn;
    QDate expiresOn; ///< default signedOn + the agency's expiry (two years)
    QString collectedBy; ///< login of the staff member who collected it
    QString collectedByName; ///< their display name at the time
    QString enteringAgency; ///< this agency's name when it was recorded
    QString language; ///< "en" or "es": the language the explanation was given in
    bool hasSignature = false;
    bool hasScannedForm = false;
    std::optional<QDateTime> revokedAt;
    QString revokedBy;
    QString revocationNote;
    QDateTime recordedAt;

    bool isRevoked() const { return revokedAt.has_value(); }
    bool isExpiredOn(const QDate& day) const { return expiresOn.isValid() && day > expiresOn; }
    bool shares() const { return choice != SharingChoice::NoSharing; }

    friend bool operator==(const ReleaseOfInformation&, const ReleaseOfInformation&) = default;
};

/// @brief The optional on-screen signature and scanned form of one release (stored encrypted, local only).
struct ConsentAttachments
{
    QByteArray signaturePng; ///< the signature pad's drawing as PNG, empty when none
    QByteArray scannedForm; ///< the scanned paper form as the user picked it, empty when none
    QString scannedFormType; ///< its MIME type ("image/png", "image/jpeg", "application/pdf")
    QString scannedFormName; ///< the file name it came from, shown to staff only
};

} // namespace hearth
