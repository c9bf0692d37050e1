#pragma once

#include "core/consent/Consent.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hearth {

/// @brief Where a client's consent stands on a given day, worked out from their release history.
struct ConsentStatus
{
    enum class Standing
    {
        NoneRecorded, ///< no HMIS release at all (records kept before consent existed): nothing leaves
        Active, ///< a sharing release (Full, Limited or Anonymous) in force
        Expired, ///< the newest sharing release has expired: no new data leaves until renewed
        Revoked, ///< the client revoked: nothing leaves from that moment on
        NoSharing, ///< the client chose No Sharing: nothing leaves, ever
    };

    Standing standing = Standing::NoneRecorded;
    /// The newest HMIS release (revoked or not); empty when none was recorded.
    std::optional<ReleaseOfInformation> current;
    /// Records dated before this day stay local: set when a later consent after No Sharing or a
    /// revocation did not include past records.
    std::optional<QDate> shareFrom;
    /// The newest CES release in force, if any.
    std::optional<ReleaseOfInformation> coordinatedEntry;
    /// The day the HMIS release stops counting (set for Active and Expired).
    std::optional<QDate> expiresOn;
    /// True when a sharing release ever existed and the client then opted out (No Sharing or
    /// revocation): the central server must be told to restrict what it already holds.
    bool restrictionNeeded = false;

    bool shares() const { return standing == Standing::Active || standing == Standing::Expired; }
    bool isNoSharing() const { return standing == Standing::NoSharing; }
    /// Active and expiring within @p days of @p today (the 30-day warning).
    bool expiresWithin(const QDate& today, int days) const;
};

/// Works out @p history (any order, any kinds, one client) as of @p today.
ConsentStatus consentStatus(const std::vector<ReleaseOfInformation>& history, const QDate& today);

/// @brief Something that might leave this machine: one record of one client, in the JSON form the
/// change log carries (intake_json field names).
struct OutgoingRecord
{
    enum class Kind
    {
        ClientProfile, ///< intake_json::toJson(ClientProfile)
        Enrollment, ///< an enrollment with its exit data and assessments, and so its household link
        Service, ///< a bed night or another service
        Release, ///< the ROI itself (the consent reference the server requires), without attachments
        Signature, ///< the signature drawing: never leaves
        ScannedForm, ///< the scanned paper form: never leaves
        Note, ///< free-text case notes
    };

    Kind kind = Kind::ClientProfile;
    QString uuid;
    QString clientUuid; ///< the client the record belongs to
    QJsonObject fields;
    /// The day the record is about: entry date of an enrollment, date of a service; empty for a profile.
    std::optional<QDate> occurredOn;
    /// For a service: the entry date of its enrollment (a service goes only with its enrollment).
    std::optional<QDate> parentOccurredOn;
    /// When this version of the record was written (decides "new data" after an expiry or revocation).
    QDateTime changedAt;
};

/// @brief Who would receive a record.
struct Audience
{
    enum class Kind
    {
        CentralServer, ///< the CoC's HMIS server (sync): it scopes by agency itself
        PartnerAgency, ///< a named agency viewing, or receiving an export or printout
        AgencyInternal, ///< this agency's own internal reports (the No Sharing utilization report)
    };
    Kind kind = Kind::CentralServer;
    QString agency; ///< PartnerAgency: its name

    static Audience centralServer() { return {Kind::CentralServer, {}}; }
    static Audience partner(const QString& agency) { return {Kind::PartnerAgency, agency}; }
    static Audience agencyInternal() { return {Kind::AgencyInternal, {}}; }
};

/// @brief The policy's answer for one record and one audience.
struct Disclosure
{
    enum class Form
    {
        Withheld, ///< nothing of the record may leave
        Whole, ///< the record as it is
        Deidentified, ///< identifying and free-text fields removed (Anonymous, or no identifying consent)
        Partial, ///< only the consented categories (Limited Sharing)
    };
    /// Why something was withheld or reduced; stable values for reports and tests.
    enum class Reason
    {
        None,
        NoSharing,
        Revoked,
        NoConsentRecorded,
        Expired, ///< written after the release expired
        BeforeConsent, ///< dated before a later consent that did not include past records
        CategoryNotConsented,
        AgencyNotConsented,
        LocalOnly, ///< signatures and scanned forms are kept on this workstation only
        Restricted, ///< a restricted client's name, to an agency other than the entering one
        AnonymousClient,
        HeldBack, ///< entered here, then removed from the server: kept, not shared, until an administrator decides
    };

    Form form = Form::Withheld;
    Reason reason = Reason::None;
    QJsonObject fields; ///< what may leave (empty when withheld)
    QString explanation; ///< the reason in plain words, for the Sync page and refusals

    bool allowed() const { return form != Form::Withheld; }
};

/// @brief The one answer to "may this record, or this field, leave this machine, and in which form?"
///
/// Every path that shares, syncs, exports or prints asks it (through ConsentGate, which loads the
/// consent history from the store); nothing else decides. Pure: no store, no clock.
class ConsentPolicy
{
public:
    /// @p ourAgency: this workstation's agency (the entering agency of what it records).
    explicit ConsentPolicy(QString ourAgency);

    Disclosure decide(const ConsentStatus& status, const OutgoingRecord& record, const Audience& audience) const;

    /// What the client's choice allows, in plain words, one line each ("Shared with the HMIS: ...",
    /// "Kept on this workstation only: ..."), for the client page.
    QStringList explain(const ConsentStatus& status, const QDate& today) const;

    /// The client fields that identify a person (never in Anonymous or de-identified output).
    static const QStringList& identifyingFields();
    /// Free-text fields anywhere in the records (they may name a person; dropped when de-identifying).
    static const QStringList& freeTextFields();
    /// True when @p fields, or any object nested in it, carries a non-empty identifying or free-text field.
    static bool carriesIdentifyingData(const QJsonObject& fields);

private:
    QString m_ourAgency;
};

/// The category name as the screens show it ("Health and disability").
QString shareCategoryName(ShareCategory category);
/// The choice as the screens show it ("No Sharing").
QString sharingChoiceName(SharingChoice choice);

} // namespace hearth
