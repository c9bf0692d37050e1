#include "ui/consent/ReleaseDraft.h"

#include <QJsonArray>

namespace hearth::ui {

namespace {
const QString kKind = QStringLiteral("kind");
const QString kChoice = QStringLiteral("choice");
const QString kCategories = QStringLiteral("categories");
const QString kAgencies = QStringLiteral("partnerAgencies");
const QString kRestricted = QStringLiteral("restricted");
const QString kPast = QStringLiteral("includePastRecords");
const QString kSignedOn = QStringLiteral("signedOn");
const QString kExpiresOn = QStringLiteral("expiresOn");
const QString kCollectedBy = QStringLiteral("collectedBy");
const QString kCollectedByName = QStringLiteral("collectedByName");
const QString kLanguage = QStringLiteral("language");
const QString kSignature = QStringLiteral("signaturePng");
const QString kForm = QStringLiteral("scannedForm");
const QString kFormType = QStringLiteral("scannedFormType");
const QString kFormName = QStringLiteral("scannedFormName");

QByteArray fromBase64(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}
} // namespace

QJsonObject releaseDraft(const ReleaseOfInformation& r, const ConsentAttachments& a)
{
    QJsonObject o {{kKind, int(r.kind)},
                   {kChoice, int(r.choice)},
                   {kCategories, int(r.categories.toInt())},
                   {kAgencies, QJsonArray::fromStringList(r.partnerAgencies)},
                   {kRestricted, r.restricted},
                   {kSignedOn, r.signedOn.toString(Qt::ISODate)},
                   {kExpiresOn, r.expiresOn.toString(Qt::ISODate)},
                   {kCollectedBy, r.collectedBy},
                   {kCollectedByName, r.collectedByName},
                   {kLanguage, r.language}};
    if (r.includePastRecords)
        o.insert(kPast, *r.includePastRecords);
    if (!a.signaturePng.isEmpty())
        o.insert(kSignature, QString::fromLatin1(a.signaturePng.toBase64()));
    if (!a.scannedForm.isEmpty()) {
        o.insert(kForm, QString::fromLatin1(a.scannedForm.toBase64()));
        o.insert(kFormType, a.scannedFormType);
        o.insert(kFormName, a.scannedFormName);
    }
    return o;
}

std::optional<std::pair<ReleaseOfInformation, ConsentAttachments>> releaseFromDraft(const QJsonObject& o)
{
    const int choice = o.value(kChoice).toInt();
    if (choice < int(SharingChoice::FullSharing) || choice > int(SharingChoice::NoSharing))
        return std::nullopt;
    ReleaseOfInformation r;
    r.kind = o.value(kKind).toInt() == int(ReleaseKind::CoordinatedEntry) ? ReleaseKind::CoordinatedEntry
                                                                          : ReleaseKind::Hmis;
    r.choice = SharingChoice(choice);
    r.categories = ShareCategories::fromInt(o.value(kCategories).toInt()) & allShareCategories();
    const QJsonArray agencies = o.value(kAgencies).toArray();
    for (const QJsonValue& agency : agencies)
        r.partnerAgencies.append(agency.toString());
    r.restricted = o.value(kRestricted).toBool();
    if (o.contains(kPast))
        r.includePastRecords = o.value(kPast).toBool();
    r.signedOn = QDate::fromString(o.value(kSignedOn).toString(), Qt::ISODate);
    r.expiresOn = QDate::fromString(o.value(kExpiresOn).toString(), Qt::ISODate);
    r.collectedBy = o.value(kCollectedBy).toString();
    r.collectedByName = o.value(kCollectedByName).toString();
    r.language = o.value(kLanguage).toString();
    ConsentAttachments a;
    a.signaturePng = fromBase64(o.value(kSignature));
    a.scannedForm = fromBase64(o.value(kForm));
    if (!a.scannedForm.isEmpty()) {
        a.scannedFormType = o.value(kFormType).toString();
        a.scannedFormName = o.value(kFormName).toString();
    }
    r.hasSignature = !a.signaturePng.isEmpty();
    r.hasScannedForm = !a.scannedForm.isEmpty();
    return std::pair {r, a};
}

} // namespace hearth::ui
