#include "core/intake/IntakeJson.h"

#include <QJsonArray>

namespace hearth::intake_json {

namespace {
QString isoDate(const std::optional<QDate>& d)
{
    return d && d->isValid() ? d->toString(Qt::ISODate) : QString();
}

std::optional<QDate> dateOrNull(const QJsonValue& v)
{
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QJsonValue optionalInt(const std::optional<int>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

std::optional<int> intOrNull(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
}

void putStamps(QJsonObject& json, const QDateTime& created, const QDateTime& updated, const QString& by)
{
    json.insert(u"DateCreated"_qs, isoTime(created));
    json.insert(u"DateUpdated"_qs, isoTime(updated));
    json.insert(u"UserID"_qs, by);
}
} // namespace

QJsonObject toJson(const ClientProfile& c)
{
    QJsonObject json {{u"PersonalID"_qs, c.uuid},
                      {u"CaseNumber"_qs, c.caseNumber},
                      {u"FirstName"_qs, c.firstName},
                      {u"MiddleName"_qs, c.middleName},
                      {u"LastName"_qs, c.lastName},
                      {u"NameSuffix"_qs, c.nameSuffix},
                      {u"NameDataQuality"_qs, c.nameDataQuality},
                      {u"Alias"_qs, c.alias},
                      {u"SSN"_qs, c.ssn},
                      {u"SSNDataQuality"_qs, c.ssnDataQuality},
                      {u"DOB"_qs, isoDate(c.dob)},
                      {u"DOBDataQuality"_qs, c.dobDataQuality},
                      {u"RaceEthnicity"_qs, QJsonArray::fromStringList(c.raceEthnicity)},
                      {u"RaceNone"_qs, optionalInt(c.raceNone)},
                      {u"AdditionalRaceEthnicity"_qs, c.additionalRaceEthnicity},
                      {u"Sex"_qs, optionalInt(c.sex)},
                      {u"VeteranStatus"_qs, c.veteranStatus},
                      {u"VeteranDetails"_qs, c.veteranDetails.toJson()},
                      {u"AnonymousProfile"_qs, c.anonymousProfile}};
    putStamps(json, c.createdAt, c.updatedAt, c.updatedBy);
    return json;
}

ClientProfile clientFromJson(const QJsonObject& j)
{
    ClientProfile c;
    c.uuid = j.value(u"PersonalID"_qs).toString();
    c.caseNumber = j.value(u"CaseNumber"_qs).toString();
    c.firstName = j.value(u"FirstName"_qs).toString();
    c.middleName = j.value(u"MiddleName"_qs).toString();
    c.lastName = j.value(u"LastName"_qs).toString();
    c.nameSuffix = j.value(u"NameSuffix"_qs).toString();
    c.nameDataQuality = j.value(u"NameDataQuality"_qs).toInt(99);
    c.alias = j.value(u"Alias"_qs).toString();
    c.ssn = j.value(u"SSN"_qs).toString();
    c.ssnDataQuality = j.value(u"SSNDataQuality"_qs).toInt(99);
    c.dob = dateOrNull(j.value(u"DOB"_qs));
    c.dobDataQuality = j.value(u"DOBDataQuality"_qs).toInt(99);
    for (const QJsonValue& v : j.value(u"RaceEthnicity"_qs).toArray())
        c.raceEthnicity.append(v.toString());
    c.raceNone = intOrNull(j.value(u"RaceNone"_qs));
    c.additionalRaceEthnicity = j.value(u"AdditionalRaceEthnicity"_qs).toString();
    c.sex = intOrNull(j.value(u"Sex"_qs));
    c.veteranStatus = j.value(u"VeteranStatus"_qs).toInt(99);
    c.veteranDetails = HudValues::fromJson(j.value(u"VeteranDetails"_qs).toObject());
    c.anonymousProfile = j.value(u"AnonymousProfile"_qs).toString();
    c.createdAt = timeFrom(j.value(u"DateCreated"_qs));
    c.updatedAt = timeFrom(j.value(u"DateUpdated"_qs));
    c.updatedBy = j.value(u"UserID"_qs).toString();
    return c;
}

QJsonObject toJson(const Project& p)
{
    QJsonArray funders;
    for (int f : p.fundingSources)
        funders.append(f);
    QJsonObject json {{u"ProjectID"_qs, p.uuid},
                      {u"ProjectName"_qs, p.name},
                      {u"ProjectType"_qs, p.projectType},
                      {u"CoCCode"_qs, p.cocCode},
                      {u"Funders"_qs, funders},
                      {u"TracksBedNights"_qs, p.tracksBedNights},
                      {u"OperatingStartDate"_qs, isoDate(p.operatingStart)},
                      {u"OperatingEndDate"_qs, isoDate(p.operatingEnd)}};
    putStamps(json, p.createdAt, p.updatedAt, p.updatedBy);
    return json;
}

Project projectFromJson(const QJsonObject& j)
{
    Project p;
    p.uuid = j.value(u"ProjectID"_qs).toString();
    p.name = j.value(u"ProjectName"_qs).toString();
    p.projectType = j.value(u"ProjectType"_qs).toInt();
    p.cocCode = j.value(u"CoCCode"_qs).toString();
    for (const QJsonValue& v : j.value(u"Funders"_qs).toArray())
        p.fundingSources.append(v.toInt());
    p.tracksBedNights = j.value(u"TracksBedNights"_qs).toBool();
    p.operatingStart = dateOrNull(j.value(u"OperatingStartDate"_qs)).value_or(QDate());
    p.operatingEnd = dateOrNull(j.value(u"OperatingEndDate"_qs));
    p.createdAt = timeFrom(j.value(u"DateCreated"_qs));
    p.updatedAt = timeFrom(j.value(u"DateUpdated"_qs));
    p.updatedBy = j.value(u"UserID"_qs).toString();
    return p;
}

QJsonObject toJson(const Assessment& a)
{
    return {{u"File"_qs, a.file},
            {u"DataCollectionStage"_qs, a.dataCollectionStage},
            {u"InformationDate"_qs, isoDate(a.informationDate)},
            {u"Values"_qs, a.values.toJson()}};
}

Assessment assessmentFromJson(const QJsonObject& j)
{
    return {j.value(u"File"_qs).toString(), j.value(u"DataCollectionStage"_qs).toInt(1),
            dateOrNull(j.value(u"InformationDate"_qs)).value_or(QDate()),
            HudValues::fromJson(j.value(u"Values"_qs).toObject())};
}

QJsonObject toJson(const Enrollment& e)
{
    QJsonArray assessments;
    for (const Assessment& a : e.assessments)
        assessments.append(toJson(a));
    QJsonObject json {{u"EnrollmentID"_qs, e.uuid},
                      {u"PersonalID"_qs, e.clientUuid},
                      {u"ProjectID"_qs, e.projectUuid},
                      {u"HouseholdID"_qs, e.householdId},
                      {u"RelationshipToHoH"_qs, e.relationshipToHoH},
                      {u"EntryDate"_qs, isoDate(e.entryDate)},
                      {u"EnrollmentCoC"_qs, e.enrollmentCoC},
                      {u"DisablingCondition"_qs, e.disablingCondition},
                      {u"MoveInDate"_qs, isoDate(e.moveInDate)},
                      {u"DateOfEngagement"_qs, isoDate(e.dateOfEngagement)},
                      {u"EntryValues"_qs, e.entryValues.toJson()},
                      {u"ExitDate"_qs, isoDate(e.exitDate)},
                      {u"Destination"_qs, optionalInt(e.destination)},
                      {u"ExitValues"_qs, e.exitValues.toJson()},
                      {u"Assessments"_qs, assessments}};
    putStamps(json, e.createdAt, e.updatedAt, e.updatedBy);
    return json;
}

Enrollment enrollmentFromJson(const QJsonObject& j)
{
    Enrollment e;
    e.uuid = j.value(u"EnrollmentID"_qs).toString();
    e.clientUuid = j.value(u"PersonalID"_qs).toString();
    e.projectUuid = j.value(u"ProjectID"_qs).toString();
    e.householdId = j.value(u"HouseholdID"_qs).toString();
    e.relationshipToHoH = j.value(u"RelationshipToHoH"_qs).toInt(99);
    e.entryDate = dateOrNull(j.value(u"EntryDate"_qs)).value_or(QDate());
    e.enrollmentCoC = j.value(u"EnrollmentCoC"_qs).toString();
    e.disablingCondition = j.value(u"DisablingCondition"_qs).toInt(99);
    e.moveInDate = dateOrNull(j.value(u"MoveInDate"_qs));
    e.dateOfEngagement = dateOrNull(j.value(u"DateOfEngagement"_qs));
    e.entryValues = HudValues::fromJson(j.value(u"EntryValues"_qs).toObject());
    e.exitDate = dateOrNull(j.value(u"ExitDate"_qs));
    e.destination = intOrNull(j.value(u"Destination"_qs));
    e.exitValues = HudValues::fromJson(j.value(u"ExitValues"_qs).toObject());
    for (const QJsonValue& v : j.value(u"Assessments"_qs).toArray())
        e.assessments.append(assessmentFromJson(v.toObject()));
    e.createdAt = timeFrom(j.value(u"DateCreated"_qs));
    e.updatedAt = timeFrom(j.value(u"DateUpdated"_qs));
    e.updatedBy = j.value(u"UserID"_qs).toString();
    return e;
}

QJsonObject toJson(const ServiceRecord& s)
{
    QJsonObject json {{u"ServicesID"_qs, s.uuid},       {u"EnrollmentID"_qs, s.enrollmentUuid},
                      {u"PersonalID"_qs, s.clientUuid}, {u"DateProvided"_qs, isoDate(s.dateProvided)},
                      {u"RecordType"_qs, s.recordType}, {u"TypeProvided"_qs, s.typeProvided},
                      {u"Notes"_qs, s.notes},           {u"Values"_qs, s.values.toJson()}};
    putStamps(json, s.createdAt, s.updatedAt, s.updatedBy);
    return json;
}

ServiceRecord serviceFromJson(const QJsonObject& j)
{
    ServiceRecord s;
    s.uuid = j.value(u"ServicesID"_qs).toString();
    s.enrollmentUuid = j.value(u"EnrollmentID"_qs).toString();
    s.clientUuid = j.value(u"PersonalID"_qs).toString();
    s.dateProvided = dateOrNull(j.value(u"DateProvided"_qs)).value_or(QDate());
    s.recordType = j.value(u"RecordType"_qs).toInt(200);
    s.typeProvided = j.value(u"TypeProvided"_qs).toInt(200);
    s.notes = j.value(u"Notes"_qs).toString();
    s.values = HudValues::fromJson(j.value(u"Values"_qs).toObject());
    s.createdAt = timeFrom(j.value(u"DateCreated"_qs));
    s.updatedAt = timeFrom(j.value(u"DateUpdated"_qs));
    s.updatedBy = j.value(u"UserID"_qs).toString();
    return s;
}

} // namespace hearth::intake_json
