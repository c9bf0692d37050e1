#include "sync/protocol/ConsentReference.h"

#include "sync/protocol/Messages.h"
#include "sync/protocol/Protocol.h"

#include <QJsonArray>

namespace hearth::sync {

namespace {

constexpr int kAllCategories = 0xF;

ConsentProblem invalid(const QString& message)
{
    return {error_code::ConsentInvalid, message};
}

bool namedIn(const QStringList& list, const QStringList& agencyNames)
{
    for (const QString& named : list)
        for (const QString& agency : agencyNames)
            if (sameAgency(named, agency))
                return true;
    return false;
}

} // namespace

QJsonObject ConsentReference::toJson() const
{
    return {{u"ReleaseID"_qs, releaseId},
            {u"Choice"_qs, choice},
            {u"Categories"_qs, categories},
            {u"SharedWith"_qs, QJsonArray::fromStringList(sharedWith)},
            {u"Restricted"_qs, restricted},
            {u"EnteringAgency"_qs, enteringAgency},
            {u"ExpiresOn"_qs, expiresOn.toString(Qt::ISODate)}};
}

bool ConsentReference::visibleTo(const QStringList& agencyNames) const
{
    if (choice == FullSharing || choice == Anonymous)
        return true;
    if (choice != LimitedSharing)
        return false;
    return namedIn({enteringAgency}, agencyNames) || namedIn(sharedWith, agencyNames);
}

bool ConsentReference::namesVisibleTo(const QStringList& agencyNames) const
{
    return !restricted || namedIn({enteringAgency}, agencyNames) || namedIn(sharedWith, agencyNames);
}

std::variant<ConsentReference, ConsentProblem> validateConsentReference(const QJsonObject& fields)
{
    const QJsonValue value = fields.value(u"Consent");
    if (value.isUndefined() || value.isNull())
        return ConsentProblem {error_code::ConsentMissing,
                               QStringLiteral("The record carries no consent reference (fields.Consent).")};
    if (!value.isObject())
        return invalid(QStringLiteral("The consent reference is not an object."));
    const QJsonObject json = value.toObject();
    ConsentReference ref;
    ref.releaseId = json.value(u"ReleaseID").toString().trimmed();
    if (!isIdentifier(ref.releaseId, 64))
        return invalid(QStringLiteral("The consent reference names no release (ReleaseID of at most 64 characters)."));
    const QJsonValue choice = json.value(u"Choice");
    ref.choice = choice.toInt();
    if (!choice.isDouble() || ref.choice < ConsentReference::FullSharing || ref.choice > ConsentReference::Anonymous)
        return invalid(QStringLiteral("The consent choice must be Full Sharing, Limited Sharing or Anonymous."));
    const QJsonValue categories = json.value(u"Categories");
    ref.categories = categories.toInt(-1);
    if (!categories.isDouble() || ref.categories < 0 || ref.categories > kAllCategories)
        return invalid(QStringLiteral("The consent categories are not a valid set."));
    if (ref.choice == ConsentReference::LimitedSharing && ref.categories == 0)
        return invalid(QStringLiteral("A Limited Sharing release must name at least one category."));
    const QJsonValue sharedWith = json.value(u"SharedWith");
    if (!sharedWith.isArray())
        return invalid(QStringLiteral("The consent reference lists no agencies (SharedWith)."));
    for (const QJsonValue& agency : sharedWith.toArray()) {
        if (!agency.isString())
            return invalid(QStringLiteral("SharedWith must list agency names."));
        ref.sharedWith.append(agency.toString());
    }
    const QJsonValue restricted = json.value(u"Restricted");
    if (!restricted.isBool())
        return invalid(QStringLiteral("The consent reference does not say whether the client is restricted."));
    ref.restricted = restricted.toBool();
    ref.enteringAgency = json.value(u"EnteringAgency").toString().trimmed();
    if (ref.enteringAgency.isEmpty())
        return invalid(QStringLiteral("The consent reference names no entering agency."));
    ref.expiresOn = QDate::fromString(json.value(u"ExpiresOn").toString(), Qt::ISODate);
    if (!ref.expiresOn.isValid())
        return invalid(QStringLiteral("The consent reference has no valid expiry date."));
    return ref;
}

bool sameAgency(const QString& a, const QString& b)
{
    const QString left = a.trimmed();
    return !left.isEmpty() && left.compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

const QStringList& identifyingFields()
{
    static const QStringList fields {u"FirstName"_qs, u"MiddleName"_qs, u"LastName"_qs, u"NameSuffix"_qs,
                                     u"Alias"_qs,     u"SSN"_qs,        u"DOB"_qs,      u"CaseNumber"_qs};
    return fields;
}

const QStringList& restrictedNameFields()
{
    static const QStringList fields {u"FirstName"_qs, u"MiddleName"_qs, u"LastName"_qs, u"NameSuffix"_qs, u"Alias"_qs};
    return fields;
}

} // namespace hearth::sync
