#include "core/consent/ConsentJson.h"

#include "core/common/IsoText.h"

#include <QJsonArray>

namespace hearth::consent_json {

namespace {
QDate dateFrom(const QJsonValue& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

SharingChoice choiceFrom(const QJsonValue& v)
{
    const int n = v.toInt();
    // An unknown number shares nothing.
    return n >= 1 && n <= 4 ? SharingChoice(n) : SharingChoice::NoSharing;
}
} // namespace

QString kindName(ReleaseKind kind)
{
    return kind == ReleaseKind::CoordinatedEntry ? QStringLiteral("ces") : QStringLiteral("hmis");
}

QJsonObject toJson(const ReleaseOfInformation& r)
{
    const QDateTime revokedAt = r.revokedAt.value_or(QDateTime());
    return QJsonObject {
        {u"ReleaseID"_qs, r.uuid},
        {u"PersonalID"_qs, r.clientUuid},
        {u"Kind"_qs, kindName(r.kind)},
        {u"Choice"_qs, int(r.choice)},
        {u"Categories"_qs, int(r.categories.toInt())},
        {u"PartnerAgencies"_qs, QJsonArray::fromStringList(r.partnerAgencies)},
        {u"Restricted"_qs, r.restricted},
        {u"IncludePastRecords"_qs, r.includePastRecords ? QJsonValue(*r.includePastRecords) : QJsonValue()},
        {u"SignedOn"_qs, isoDate(r.signedOn)},
        {u"ExpiresOn"_qs, isoDate(r.expiresOn)},
        {u"CollectedBy"_qs, r.collectedBy},
        {u"CollectedByName"_qs, r.collectedByName},
        {u"EnteringAgency"_qs, r.enteringAgency},
        {u"Language"_qs, r.language},
        {u"HasSignature"_qs, r.hasSignature},
        {u"HasScannedForm"_qs, r.hasScannedForm},
        {u"RevokedAt"_qs, r.revokedAt ? QJsonValue(isoTime(revokedAt)) : QJsonValue()},
        {u"RevokedBy"_qs, r.revokedBy},
        {u"RevocationNote"_qs, r.revocationNote},
        {u"RecordedAt"_qs, isoTime(r.recordedAt)},
    };
}

ReleaseOfInformation releaseFromJson(const QJsonObject& j)
{
    ReleaseOfInformation r;
    r.uuid = j.value(u"ReleaseID"_qs).toString();
    r.clientUuid = j.value(u"PersonalID"_qs).toString();
    r.kind = j.value(u"Kind"_qs).toString() == u"ces" ? ReleaseKind::CoordinatedEntry : ReleaseKind::Hmis;
    r.choice = choiceFrom(j.value(u"Choice"_qs));
    r.categories = ShareCategories::fromInt(j.value(u"Categories"_qs).toInt()) & allShareCategories();
    for (const QJsonValue& agency : j.value(u"PartnerAgencies"_qs).toArray())
        r.partnerAgencies.append(agency.toString());
    r.restricted = j.value(u"Restricted"_qs).toBool();
    const QJsonValue past = j.value(u"IncludePastRecords"_qs);
    if (past.isBool())
        r.includePastRecords = past.toBool();
    r.signedOn = dateFrom(j.value(u"SignedOn"_qs));
    r.expiresOn = dateFrom(j.value(u"ExpiresOn"_qs));
    r.collectedBy = j.value(u"CollectedBy"_qs).toString();
    r.collectedByName = j.value(u"CollectedByName"_qs).toString();
    r.enteringAgency = j.value(u"EnteringAgency"_qs).toString();
    r.language = j.value(u"Language"_qs).toString();
    r.hasSignature = j.value(u"HasSignature"_qs).toBool();
    r.hasScannedForm = j.value(u"HasScannedForm"_qs).toBool();
    const QDateTime revokedAt = timeFrom(j.value(u"RevokedAt"_qs));
    if (revokedAt.isValid())
        r.revokedAt = revokedAt;
    r.revokedBy = j.value(u"RevokedBy"_qs).toString();
    r.revocationNote = j.value(u"RevocationNote"_qs).toString();
    r.recordedAt = timeFrom(j.value(u"RecordedAt"_qs));
    return r;
}

QJsonObject toJson(const ConsentSettings& s)
{
    return QJsonObject {
        {u"expiryMonths"_qs, s.expiryMonths},
        {u"warningDays"_qs, s.warningDays},
        {u"concurrentNoSharingLimit"_qs, s.concurrentNoSharingLimit},
        {u"partnerAgencies"_qs, QJsonArray::fromStringList(s.partnerAgencies)},
    };
}

ConsentSettings settingsFromJson(const QJsonObject& j)
{
    ConsentSettings s;
    const auto atLeast = [&](QStringView key, int minimum, int fallback) {
        const int v = j.value(key).toInt(fallback);
        return v >= minimum ? v : fallback;
    };
    s.expiryMonths = atLeast(u"expiryMonths", 1, s.expiryMonths);
    s.warningDays = atLeast(u"warningDays", 0, s.warningDays);
    s.concurrentNoSharingLimit = atLeast(u"concurrentNoSharingLimit", 0, s.concurrentNoSharingLimit);
    for (const QJsonValue& agency : j.value(u"partnerAgencies"_qs).toArray())
        s.partnerAgencies.append(agency.toString());
    return s;
}

} // namespace hearth::consent_json
