#include "core/consent/DisclosureFields.h"

#include "core/consent/ConsentPolicy.h"

#include <QJsonArray>

namespace hearth {

namespace {

// Strings, arrays and objects that are empty say nothing about a person.
bool carriesValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return !value.toString().trimmed().isEmpty();
    case QJsonValue::Array:
        return !value.toArray().isEmpty();
    case QJsonValue::Object:
        return !value.toObject().isEmpty();
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return true;
    default:
        return false;
    }
}

bool carriesIdentifying(const QJsonValue& value, const QSet<QString>& keys);

bool carriesIdentifying(const QJsonObject& object, const QSet<QString>& keys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (keys.contains(it.key()) && carriesValue(it.value()))
            return true;
        if (carriesIdentifying(it.value(), keys))
            return true;
    }
    return false;
}

bool carriesIdentifying(const QJsonValue& value, const QSet<QString>& keys)
{
    if (value.isObject())
        return carriesIdentifying(value.toObject(), keys);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array)
            if (carriesIdentifying(item, keys))
                return true;
    }
    return false;
}

bool removeKeysFrom(QJsonValue& value, const QSet<QString>& keys)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        if (!disclosure_fields::removeKeys(object, keys))
            return false;
        value = object;
        return true;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        bool removed = false;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (removeKeysFrom(item, keys)) {
                array.replace(i, item);
                removed = true;
            }
        }
        if (removed)
            value = array;
        return removed;
    }
    return false;
}

} // namespace

const QStringList& ConsentPolicy::identifyingFields()
{
    static const QStringList fields {u"FirstName"_qs, u"MiddleName"_qs, u"LastName"_qs, u"NameSuffix"_qs,
                                     u"Alias"_qs,     u"SSN"_qs,        u"DOB"_qs,      u"CaseNumber"_qs};
    return fields;
}

const QStringList& ConsentPolicy::freeTextFields()
{
    // The S-typed HMIS CSV columns that hold what a person typed (they may name someone), plus our
    // own free text. Staff data on a release (CollectedByName, RevocationNote) is not client data.
    static const QStringList fields {
        u"AdditionalRaceEthnicity"_qs, // Client 3.04.2
        u"Notes"_qs, // services and case notes
        u"OtherDestination"_qs, // Exit 3.12.B
        u"OtherIncomeSourceIdentify"_qs, // IncomeBenefits 4.02.P
        u"OtherBenefitsSourceIdentify"_qs, // IncomeBenefits 4.03.A
        u"OtherInsuranceIdentify"_qs, // IncomeBenefits 4.04.12A
        u"OtherTypeProvided"_qs, // Services V2.D, V8.A
        u"MovingOnOtherType"_qs, // Services C2.A
        u"VerifiedBy"_qs, // CurrentLivingSituation 4.12.3
        u"LocationDetails"_qs, // CurrentLivingSituation 4.12.4
        u"AssessmentLocation"_qs, // Assessment 4.19.2
        u"AssessmentAnswer"_qs, // AssessmentQuestions 4.19.A
        u"AssessmentResult"_qs, // AssessmentResults 4.19.B
        u"LocationCrisisOrPHHousing"_qs, // Event 4.20.C
        u"Note"_qs, // a case note's text
    };
    return fields;
}

bool ConsentPolicy::carriesIdentifyingData(const QJsonObject& fields)
{
    return carriesIdentifying(fields, disclosure_fields::identifyingColumns())
        || carriesIdentifying(fields, disclosure_fields::freeTextColumns());
}

namespace disclosure_fields {

const QSet<QString>& nameFields()
{
    static const QSet<QString> fields {u"FirstName"_qs, u"MiddleName"_qs, u"LastName"_qs, u"NameSuffix"_qs,
                                       u"Alias"_qs};
    return fields;
}

const QSet<QString>& healthColumns()
{
    static const QSet<QString> columns {
        u"DisablingCondition"_qs, // 3.08
        // HealthAndDV R7–R10
        u"GeneralHealthStatus"_qs, u"DentalHealthStatus"_qs, u"MentalHealthStatus"_qs, u"PregnancyStatus"_qs,
        u"DueDate"_qs,
        // IncomeBenefits 4.04 health insurance
        u"InsuranceFromAnySource"_qs, u"Medicaid"_qs, u"NoMedicaidReason"_qs, u"Medicare"_qs, u"NoMedicareReason"_qs,
        u"SCHIP"_qs, u"NoSCHIPReason"_qs, u"VHAServices"_qs, u"NoVHAReason"_qs, u"EmployerProvided"_qs,
        u"NoEmployerProvidedReason"_qs, u"COBRA"_qs, u"NoCOBRAReason"_qs, u"PrivatePay"_qs, u"NoPrivatePayReason"_qs,
        u"StateHealthIns"_qs, u"NoStateHealthInsReason"_qs, u"IndianHealthServices"_qs,
        u"NoIndianHealthServicesReason"_qs, u"OtherInsurance"_qs, u"OtherInsuranceIdentify"_qs,
        // IncomeBenefits W3 (HOPWA)
        u"ADAP"_qs, u"NoADAPReason"_qs, u"RyanWhiteMedDent"_qs, u"NoRyanWhiteReason"_qs};
    return columns;
}

const QSet<QString>& domesticViolenceColumns()
{
    static const QSet<QString> columns {u"DomesticViolenceSurvivor"_qs, u"WhenOccurred"_qs, u"CurrentlyFleeing"_qs};
    return columns;
}

const QSet<QString>& identifyingColumns()
{
    static const QSet<QString> columns(ConsentPolicy::identifyingFields().cbegin(),
                                       ConsentPolicy::identifyingFields().cend());
    return columns;
}

const QSet<QString>& freeTextColumns()
{
    static const QSet<QString> columns(ConsentPolicy::freeTextFields().cbegin(),
                                       ConsentPolicy::freeTextFields().cend());
    return columns;
}

bool removeKeys(QJsonObject& json, const QSet<QString>& keys)
{
    bool removed = false;
    for (auto it = json.begin(); it != json.end();) {
        if (keys.contains(it.key())) {
            it = json.erase(it);
            removed = true;
            continue;
        }
        QJsonValue value = it.value();
        if (removeKeysFrom(value, keys)) {
            it.value() = value;
            removed = true;
        }
        ++it;
    }
    return removed;
}

bool removeAssessments(QJsonObject& json, const QString& file)
{
    const QJsonArray assessments = json.value(u"Assessments"_qs).toArray();
    QJsonArray kept;
    for (const QJsonValue& assessment : assessments)
        if (assessment.toObject().value(u"File"_qs).toString() != file)
            kept.append(assessment);
    if (kept.size() == assessments.size())
        return false;
    json.insert(u"Assessments"_qs, kept);
    return true;
}

QJsonObject deidentifiedProfile(QJsonObject profile)
{
    removeKeys(profile, identifyingColumns());
    removeKeys(profile, freeTextColumns());
    constexpr int clientPrefersNotToAnswer = 9; // list 1.8 / 3.01.5 / 3.02.2 / 3.03.2
    for (const QString& quality : {u"NameDataQuality"_qs, u"SSNDataQuality"_qs, u"DOBDataQuality"_qs})
        profile.insert(quality, clientPrefersNotToAnswer);
    return profile;
}

} // namespace disclosure_fields
} // namespace hearth
