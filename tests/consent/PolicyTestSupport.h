// Shared helpers for the pure consent policy and rule tests: readable output for Qt strings and the
// policy's enums, and releases that pass every rule, for a test to change one thing at a time.
#pragma once

#include "core/consent/Consent.h"
#include "core/consent/ConsentPolicy.h"
#include "tests/support/QtStringMakers.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <catch2/catch_test_macros.hpp>

#include <string>

namespace Catch {
template<>
struct StringMaker<hearth::ConsentStatus::Standing>
{
    static std::string convert(hearth::ConsentStatus::Standing s)
    {
        using S = hearth::ConsentStatus::Standing;
        switch (s) {
        case S::NoneRecorded:
            return "NoneRecorded";
        case S::Active:
            return "Active";
        case S::Expired:
            return "Expired";
        case S::Revoked:
            return "Revoked";
        case S::NoSharing:
            return "NoSharing";
        }
        return "?";
    }
};
template<>
struct StringMaker<hearth::Disclosure::Form>
{
    static std::string convert(hearth::Disclosure::Form f)
    {
        using F = hearth::Disclosure::Form;
        switch (f) {
        case F::Withheld:
            return "Withheld";
        case F::Whole:
            return "Whole";
        case F::Deidentified:
            return "Deidentified";
        case F::Partial:
            return "Partial";
        }
        return "?";
    }
};
template<>
struct StringMaker<hearth::Disclosure::Reason>
{
    static std::string convert(hearth::Disclosure::Reason r)
    {
        using R = hearth::Disclosure::Reason;
        switch (r) {
        case R::None:
            return "None";
        case R::NoSharing:
            return "NoSharing";
        case R::Revoked:
            return "Revoked";
        case R::NoConsentRecorded:
            return "NoConsentRecorded";
        case R::Expired:
            return "Expired";
        case R::BeforeConsent:
            return "BeforeConsent";
        case R::CategoryNotConsented:
            return "CategoryNotConsented";
        case R::AgencyNotConsented:
            return "AgencyNotConsented";
        case R::LocalOnly:
            return "LocalOnly";
        case R::Restricted:
            return "Restricted";
        case R::AnonymousClient:
            return "AnonymousClient";
        case R::HeldBack:
            return "HeldBack";
        }
        return "?";
    }
};
} // namespace Catch

namespace hearth::test {

inline const QString kOurAgency = u"Hearth House"_qs;

inline QDateTime at(const QDate& day, int hour = 10)
{
    return QDateTime(day, QTime(hour, 0), QTimeZone::utc());
}

/// A release that passes every rule: signed on @p signedOn, recorded that morning, two years long.
inline ReleaseOfInformation release(SharingChoice choice, const QDate& signedOn, ReleaseKind kind = ReleaseKind::Hmis)
{
    static int next = 0;
    ReleaseOfInformation r;
    r.uuid = u"release-%1"_qs.arg(++next);
    r.clientUuid = u"client-1"_qs;
    r.kind = kind;
    r.choice = choice;
    r.signedOn = signedOn;
    r.expiresOn = signedOn.addMonths(24);
    r.collectedBy = u"caseworker"_qs;
    r.collectedByName = u"Case Worker"_qs;
    r.enteringAgency = kOurAgency;
    r.language = u"en"_qs;
    r.recordedAt = at(signedOn);
    return r;
}

inline ReleaseOfInformation limited(const QDate& signedOn, ShareCategories categories, const QStringList& agencies)
{
    ReleaseOfInformation r = release(SharingChoice::LimitedSharing, signedOn);
    r.categories = categories;
    r.partnerAgencies = agencies;
    return r;
}

inline ReleaseOfInformation revoked(ReleaseOfInformation r, const QDate& on)
{
    r.revokedAt = at(on, 15);
    r.revokedBy = u"caseworker"_qs;
    return r;
}

} // namespace hearth::test
