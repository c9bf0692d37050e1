#include "sync/protocol/ConsentFields.h"

#include "sync/protocol/ConsentReference.h"

#include <QJsonArray>

namespace hearth::sync {

namespace {

// core's ShareCategory bits (never renumbered).
constexpr int kHealthAndDisability = 0x4;
constexpr int kDomesticViolence = 0x8;

bool removeFrom(QJsonValue& value, const WithdrawnFields& withdrawn);

bool removeFromArray(QJsonArray& array, const WithdrawnFields& withdrawn)
{
    bool removed = false;
    for (qsizetype i = array.size() - 1; i >= 0; --i) {
        QJsonValue item = array.at(i);
        if (withdrawn.disabilities && item.toObject().value(u"File").toString() == u"Disabilities") {
            array.removeAt(i);
            removed = true;
        } else if (removeFrom(item, withdrawn)) {
            array.replace(i, item);
            removed = true;
        }
    }
    return removed;
}

bool removeFrom(QJsonValue& value, const WithdrawnFields& withdrawn)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        if (!removeWithdrawn(object, withdrawn))
            return false;
        value = object;
        return true;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        if (!removeFromArray(array, withdrawn))
            return false;
        value = array;
        return true;
    }
    return false;
}

} // namespace

WithdrawnFields withdrawnBy(const ConsentReference& reference)
{
    WithdrawnFields out;
    if (!reference.allowsIdentifyingData())
        out.fields = consent_fields::identifying() + consent_fields::freeText();
    // Anonymous keeps every category but the identifying one (core's sharedCategories()).
    if (reference.choice == ConsentReference::Anonymous)
        return out;
    if (!(reference.categories & kHealthAndDisability)) {
        out.fields += consent_fields::health();
        out.disabilities = true;
    }
    if (!(reference.categories & kDomesticViolence))
        out.fields += consent_fields::domesticViolence();
    return out;
}

bool removeWithdrawn(QJsonObject& json, const WithdrawnFields& withdrawn)
{
    bool removed = false;
    for (auto it = json.begin(); it != json.end();) {
        if (withdrawn.fields.contains(it.key())) {
            it = json.erase(it);
            removed = true;
            continue;
        }
        QJsonValue value = it.value();
        if (removeFrom(value, withdrawn)) {
            it.value() = value;
            removed = true;
        }
        ++it;
    }
    return removed;
}

namespace consent_fields {

const QSet<QString>& identifying()
{
    static const QSet<QString> fields(identifyingFields().cbegin(), identifyingFields().cend());
    return fields;
}

const QSet<QString>& freeText()
{
    // The S-typed HMIS CSV columns that hold what a person typed, plus Hearth's own note text.
    static const QSet<QString> fields {u"AdditionalRaceEthnicity"_qs,
                                       u"Notes"_qs,
                                       u"OtherDestination"_qs,
                                       u"OtherIncomeSourceIdentify"_qs,
                                       u"OtherBenefitsSourceIdentify"_qs,
                                       u"OtherInsuranceIdentify"_qs,
                                       u"OtherTypeProvided"_qs,
                                       u"MovingOnOtherType"_qs,
                                       u"VerifiedBy"_qs,
                                       u"LocationDetails"_qs,
                                       u"AssessmentLocation"_qs,
                                       u"AssessmentAnswer"_qs,
                                       u"AssessmentResult"_qs,
                                       u"LocationCrisisOrPHHousing"_qs,
                                       u"Note"_qs};
    return fields;
}

const QSet<QString>& health()
{
    // 3.08, health status (R7–R10), health insurance (4.04) and HOPWA's ADAP and Ryan White (W3).
    static const QSet<QString> fields {u"DisablingCondition"_qs,
                                       u"GeneralHealthStatus"_qs,
                                       u"DentalHealthStatus"_qs,
                                       u"MentalHealthStatus"_qs,
                                       u"PregnancyStatus"_qs,
                                       u"DueDate"_qs,
                                       u"InsuranceFromAnySource"_qs,
                                       u"Medicaid"_qs,
                                       u"NoMedicaidReason"_qs,
                                       u"Medicare"_qs,
                                       u"NoMedicareReason"_qs,
                                       u"SCHIP"_qs,
                                       u"NoSCHIPReason"_qs,
                                       u"VHAServices"_qs,
                                       u"NoVHAReason"_qs,
                                       u"EmployerProvided"_qs,
                                       u"NoEmployerProvidedReason"_qs,
                                       u"COBRA"_qs,
                                       u"NoCOBRAReason"_qs,
                                       u"PrivatePay"_qs,
                                       u"NoPrivatePayReason"_qs,
                                       u"StateHealthIns"_qs,
                                       u"NoStateHealthInsReason"_qs,
                                       u"IndianHealthServices"_qs,
                                       u"NoIndianHealthServicesReason"_qs,
                                       u"OtherInsurance"_qs,
                                       u"OtherInsuranceIdentify"_qs,
                                       u"ADAP"_qs,
                                       u"NoADAPReason"_qs,
                                       u"RyanWhiteMedDent"_qs,
                                       u"NoRyanWhiteReason"_qs};
    return fields;
}

const QSet<QString>& domesticViolence()
{
    static const QSet<QString> fields {u"DomesticViolenceSurvivor"_qs, u"WhenOccurred"_qs, u"CurrentlyFleeing"_qs};
    return fields;
}

} // namespace consent_fields

} // namespace hearth::sync
