// Property test: a thousand clients with random release histories and records full of canaries.
// Whatever the history, what leaves for anyone outside the agency never carries what the client
// did not agree to share.
#include "tests/consent/PolicyTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <random>
#include <vector>

using namespace hearth;
using hearth::test::at;
using hearth::test::kOurAgency;
using Standing = ConsentStatus::Standing;
using Form = Disclosure::Form;
using Reason = Disclosure::Reason;
using Kind = OutgoingRecord::Kind;

namespace {

const QDate kToday(2026, 1, 5);
const QStringList kPartners {u"Agency A"_qs, u"Agency B"_qs, u"Agency C"_qs};

/// What a canary stands for: who the person is, what they wrote, health, domestic violence, the
/// stay and its services, or what never leaves (signatures and scanned forms).
enum class Tag
{
    Name,
    Identifying,
    FreeText,
    Health,
    Violence,
    Stay,
    Local,
};

QString tagName(Tag tag)
{
    static const char* const names[] {"name", "ident", "free", "health", "dv", "stay", "local"};
    return QString::fromLatin1(names[static_cast<int>(tag)]);
}

struct Client
{
    int index = 0;
    std::vector<ReleaseOfInformation> history; ///< HMIS releases oldest first, then maybe one CES
    std::vector<OutgoingRecord> records;

    // The model: what the history means, worked out forwards as the releases were recorded.
    Standing standing = Standing::NoneRecorded;
    std::optional<QDate> shareFrom;
    bool restrictionNeeded = false;

    QString canary(Tag tag) const { return u"~%1:%2:"_qs.arg(index).arg(tagName(tag)); }
    QString value(Tag tag, int n) const { return canary(tag) + QString::number(n) + u'~'; }
    QString anything() const { return u"~%1:"_qs.arg(index); }
};

class Generator
{
public:
    explicit Generator(unsigned seed)
        : m_rng(seed)
    {
    }

    Client client(int index)
    {
        Client c;
        c.index = index;
        makeHistory(c);
        makeRecords(c);
        return c;
    }

private:
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_rng); }
    QDate dayBetween(const QDate& from, const QDate& to)
    {
        return from >= to ? from : from.addDays(between(0, static_cast<int>(from.daysTo(to))));
    }

    void makeHistory(Client& c)
    {
        QDate day = QDate(2022, 1, 1).addDays(between(0, 700));
        const int count = between(0, 4);
        bool optedOut = false;
        for (int i = 0; i < count && day <= kToday; ++i) {
            ReleaseOfInformation r;
            r.uuid = u"~%1:rel:%2~"_qs.arg(c.index).arg(i);
            r.clientUuid = c.anything() + u"id~"_qs;
            r.choice = static_cast<SharingChoice>(between(1, 4));
            r.categories = ShareCategories::fromInt(between(0, 15));
            for (const QString& agency : kPartners)
                if (chance(0.4))
                    r.partnerAgencies.append(agency);
            r.restricted = chance(0.3);
            if (const int past = between(0, 2); past > 0)
                r.includePastRecords = past == 2;
            r.signedOn = day;
            r.expiresOn = day.addMonths(between(3, 24));
            r.collectedBy = u"caseworker"_qs;
            r.collectedByName = u"Case Worker"_qs;
            r.enteringAgency = chance(0.85) ? kOurAgency : u"Agency C"_qs;
            r.recordedAt = at(day, between(8, 17));
            const QDate next = day.addDays(between(1, 400));
            if (chance(0.2)) {
                r.revokedAt = at(dayBetween(day, std::min(next.addDays(-1), kToday)), 18);
                r.revokedBy = u"caseworker"_qs;
            }
            // Forwards: an opt-out starts over; the first sharing release after one decides.
            if (!r.shares() || r.isRevoked()) {
                optedOut = true;
                c.shareFrom.reset();
            } else if (optedOut) {
                optedOut = false;
                c.shareFrom = r.includePastRecords == true ? std::nullopt : std::optional<QDate>(r.signedOn);
            }
            c.history.push_back(r);
            day = next;
        }
        if (!c.history.empty()) {
            const ReleaseOfInformation& current = c.history.back();
            if (current.isRevoked())
                c.standing = Standing::Revoked;
            else if (!current.shares())
                c.standing = Standing::NoSharing;
            else
                c.standing = current.isExpiredOn(kToday) ? Standing::Expired : Standing::Active;
            const bool everShared = std::any_of(c.history.begin(), c.history.end(),
                                                [](const ReleaseOfInformation& r) { return r.shares(); });
            c.restrictionNeeded = (c.standing == Standing::Revoked || c.standing == Standing::NoSharing) && everShared;
        }
        if (c.standing != Standing::Active && c.standing != Standing::Expired)
            c.shareFrom.reset();
        if (chance(0.3)) {
            ReleaseOfInformation ces = c.history.empty() ? ReleaseOfInformation() : c.history.front();
            ces.uuid = u"~%1:rel:ces~"_qs.arg(c.index);
            ces.kind = ReleaseKind::CoordinatedEntry;
            ces.choice = SharingChoice::FullSharing;
            ces.signedOn = QDate(2025, 6, 1);
            ces.expiresOn = QDate(2027, 6, 1);
            ces.recordedAt = at(QDate(2025, 6, 1));
            ces.revokedAt.reset();
            c.history.push_back(ces);
        }
        // The store hands the history over in no particular order.
        std::shuffle(c.history.begin(), c.history.end(), m_rng);
    }

    QDateTime changedAfter(const QDate& day) { return at(dayBetween(day, kToday), between(0, 23)); }

    QJsonObject assessment(const QString& file, const QJsonObject& values)
    {
        return {{u"File"_qs, file}, {u"DataCollectionStage"_qs, between(1, 3)}, {u"Values"_qs, values}};
    }

    void makeRecords(Client& c)
    {
        int n = 0;
        auto v = [&](Tag tag) {
            return c.value(tag, ++n);
        };
        const QString personalId = c.anything() + u"id~"_qs;

        const QJsonObject profile {{u"PersonalID"_qs, personalId},
                                   {u"CaseNumber"_qs, v(Tag::Identifying)},
                                   {u"FirstName"_qs, v(Tag::Name)},
                                   {u"MiddleName"_qs, v(Tag::Name)},
                                   {u"LastName"_qs, v(Tag::Name)},
                                   {u"NameSuffix"_qs, v(Tag::Name)},
                                   {u"Alias"_qs, v(Tag::Name)},
                                   {u"NameDataQuality"_qs, 1},
                                   {u"SSN"_qs, v(Tag::Identifying)},
                                   {u"SSNDataQuality"_qs, 1},
                                   {u"DOB"_qs, v(Tag::Identifying)},
                                   {u"DOBDataQuality"_qs, 1},
                                   {u"AdditionalRaceEthnicity"_qs, v(Tag::FreeText)},
                                   {u"VeteranDetails"_qs, QJsonObject {{u"YearEnteredService"_qs, 1990}}}};
        c.records.push_back({Kind::ClientProfile, personalId, personalId, profile, std::nullopt, std::nullopt,
                             chance(0.05) ? QDateTime() : changedAfter(QDate(2022, 1, 1))});

        const int stays = between(0, 3);
        for (int s = 0; s < stays; ++s) {
            const QDate entry
                = QDate(2022, 1, 1).addDays(between(0, static_cast<int>(QDate(2022, 1, 1).daysTo(kToday))));
            const QJsonArray assessments {
                assessment(u"Disabilities"_qs,
                           {{u"DisabilityType"_qs, between(5, 10)},
                            {u"DisabilityResponse"_qs, v(Tag::Health)},
                            {u"TCellCount"_qs, v(Tag::Health)}}),
                assessment(u"HealthAndDV"_qs,
                           {{u"DomesticViolenceSurvivor"_qs, v(Tag::Violence)},
                            {u"WhenOccurred"_qs, v(Tag::Violence)},
                            {u"CurrentlyFleeing"_qs, v(Tag::Violence)},
                            {u"GeneralHealthStatus"_qs, v(Tag::Health)},
                            {u"MentalHealthStatus"_qs, v(Tag::Health)},
                            {u"DueDate"_qs, QJsonObject {{u"date"_qs, v(Tag::Health)}}}}),
                assessment(u"IncomeBenefits"_qs,
                           {{u"Earned"_qs, v(Tag::Stay)},
                            {u"OtherIncomeSourceIdentify"_qs, v(Tag::FreeText)},
                            {u"OtherBenefitsSourceIdentify"_qs, v(Tag::FreeText)},
                            {u"Medicaid"_qs, v(Tag::Health)},
                            {u"NoMedicareReason"_qs, v(Tag::Health)},
                            {u"OtherInsuranceIdentify"_qs, v(Tag::Health)},
                            {u"RyanWhiteMedDent"_qs, v(Tag::Health)}}),
            };
            const QString enrollmentId = u"~%1:enr:%2~"_qs.arg(c.index).arg(s);
            const QJsonObject stay {{u"EnrollmentID"_qs, enrollmentId},
                                    {u"PersonalID"_qs, personalId},
                                    {u"EntryDate"_qs, entry.toString(Qt::ISODate)},
                                    {u"EnrollmentCoC"_qs, v(Tag::Stay)},
                                    {u"DisablingCondition"_qs, v(Tag::Health)},
                                    {u"EntryValues"_qs, QJsonObject {{u"LivingSituation"_qs, v(Tag::Stay)}}},
                                    {u"ExitValues"_qs, QJsonObject {{u"OtherDestination"_qs, v(Tag::FreeText)}}},
                                    {u"Assessments"_qs, assessments}};
            c.records.push_back(
                {Kind::Enrollment, enrollmentId, personalId, stay, entry, std::nullopt, changedAfter(entry)});
            const int services = between(0, 3);
            for (int k = 0; k < services; ++k) {
                const QDate provided = dayBetween(entry, kToday);
                const QJsonObject service {{u"ServicesID"_qs, u"~%1:svc:%2.%3~"_qs.arg(c.index).arg(s).arg(k)},
                                           {u"EnrollmentID"_qs, enrollmentId},
                                           {u"PersonalID"_qs, personalId},
                                           {u"TypeProvided"_qs, v(Tag::Stay)},
                                           {u"Notes"_qs, v(Tag::FreeText)},
                                           {u"Values"_qs, QJsonObject {{u"OtherTypeProvided"_qs, v(Tag::FreeText)}}}};
                c.records.push_back(
                    {Kind::Service, u"svc"_qs, personalId, service, provided, entry, changedAfter(provided)});
            }
            if (chance(0.5))
                c.records.push_back(
                    {Kind::Note,
                     u"note"_qs,
                     personalId,
                     {{u"NoteID"_qs, u"~%1:note:%2~"_qs.arg(c.index).arg(s)}, {u"Note"_qs, v(Tag::FreeText)}},
                     entry,
                     std::nullopt,
                     changedAfter(entry)});
        }
        for (const ReleaseOfInformation& r : c.history) {
            const QJsonObject json {{u"ReleaseID"_qs, r.uuid},
                                    {u"PersonalID"_qs, personalId},
                                    {u"Choice"_qs, static_cast<int>(r.choice)},
                                    {u"SignedOn"_qs, r.signedOn.toString(Qt::ISODate)},
                                    {u"CollectedByName"_qs, r.collectedByName}};
            c.records.push_back({Kind::Release, r.uuid, personalId, json, r.signedOn, std::nullopt, r.recordedAt});
            if (r.hasSignature || chance(0.5))
                c.records.push_back({Kind::Signature,
                                     r.uuid,
                                     personalId,
                                     {{u"Png"_qs, v(Tag::Local)}},
                                     r.signedOn,
                                     std::nullopt,
                                     r.recordedAt});
            if (chance(0.3))
                c.records.push_back({Kind::ScannedForm,
                                     r.uuid,
                                     personalId,
                                     {{u"Pdf"_qs, v(Tag::Local)}},
                                     r.signedOn,
                                     std::nullopt,
                                     r.recordedAt});
        }
    }

    std::mt19937 m_rng;
};

QString compactJson(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

bool before(const std::optional<QDate>& day, const QDate& limit)
{
    return day && *day < limit;
}

struct Tally
{
    int clients = 0;
    int decisions = 0;
    std::map<Standing, int> standings;
    std::map<Form, int> forms;
    std::map<Reason, int> reasons;
};

} // namespace

TEST_CASE("Property: nothing leaves that the client did not agree to share")
{
    const ConsentPolicy policy(kOurAgency);
    const std::vector<Audience> audiences {Audience::centralServer(),         Audience::partner(kOurAgency),
                                           Audience::partner(u"Agency A"_qs), Audience::partner(u"Agency B"_qs),
                                           Audience::partner(u"Agency C"_qs), Audience::partner(u"Agency D"_qs)};
    Generator generate(20260105u);
    Tally tally;

    for (int index = 1; index <= 1500; ++index) {
        const Client c = generate.client(index);
        const ConsentStatus status = consentStatus(c.history, kToday);
        INFO("client " << index << " standing " << Catch::StringMaker<Standing>::convert(c.standing));
        ++tally.clients;
        ++tally.standings[status.standing];

        // The status agrees with the history read forwards.
        REQUIRE(status.standing == c.standing);
        REQUIRE(status.shareFrom == c.shareFrom);
        REQUIRE(status.restrictionNeeded == c.restrictionNeeded);
        REQUIRE(status.expiresOn.has_value() == status.shares());

        const bool optedOut = !status.shares();
        const ReleaseOfInformation* current = status.current ? &*status.current : nullptr;
        for (const Audience& audience : audiences) {
            QString out; // everything this audience receives about the client
            for (const OutgoingRecord& record : c.records) {
                const Disclosure d = policy.decide(status, record, audience);
                ++tally.decisions;
                ++tally.forms[d.form];
                ++tally.reasons[d.reason];
                CHECK_FALSE(d.explanation.isEmpty());
                if (!d.allowed()) {
                    REQUIRE(d.fields.isEmpty());
                    continue;
                }
                const QString text = compactJson(d.fields);
                out += text;
                if (d.form == Form::Deidentified) {
                    REQUIRE_FALSE(ConsentPolicy::carriesIdentifyingData(d.fields));
                    REQUIRE_FALSE(text.contains(c.canary(Tag::Name)));
                    REQUIRE_FALSE(text.contains(c.canary(Tag::Identifying)));
                    REQUIRE_FALSE(text.contains(c.canary(Tag::FreeText)));
                }
                // Only an allowed record from a release in force; dated records keep to the run's start.
                REQUIRE(current);
                if (c.shareFrom) {
                    REQUIRE_FALSE(before(record.occurredOn, *c.shareFrom));
                    REQUIRE_FALSE(before(record.parentOccurredOn, *c.shareFrom));
                }
                if (status.standing == Standing::Expired)
                    REQUIRE((record.changedAt.isValid() && record.changedAt.date() <= current->expiresOn));
                if (audience.kind == Audience::Kind::CentralServer)
                    REQUIRE(d.fields.value(u"Consent"_qs).toObject().value(u"ReleaseID"_qs).toString()
                            == current->uuid);
            }
            if (audience.kind == Audience::Kind::AgencyInternal)
                continue;
            // Signatures and scanned forms never leave, whatever the consent.
            REQUIRE_FALSE(out.contains(c.canary(Tag::Local)));
            if (optedOut) {
                REQUIRE(out.isEmpty());
                REQUIRE_FALSE(out.contains(c.anything()));
                continue;
            }
            const ReleaseOfInformation& release = *current;
            const bool entering = audience.kind == Audience::Kind::PartnerAgency
                && audience.agency.compare(release.enteringAgency, Qt::CaseInsensitive) == 0;
            if (release.choice == SharingChoice::Anonymous) {
                REQUIRE_FALSE(out.contains(c.canary(Tag::Name)));
                REQUIRE_FALSE(out.contains(c.canary(Tag::Identifying)));
                REQUIRE_FALSE(out.contains(c.canary(Tag::FreeText)));
            }
            // A restricted name reaches only the entering agency and, under Limited Sharing, the
            // agencies the client granted access.
            if (release.restricted && audience.kind == Audience::Kind::PartnerAgency && !entering
                && !(release.choice == SharingChoice::LimitedSharing
                     && release.partnerAgencies.contains(audience.agency)))
                REQUIRE_FALSE(out.contains(c.canary(Tag::Name)));
            if (release.choice == SharingChoice::LimitedSharing) {
                const ShareCategories agreed = release.categories;
                if (audience.kind == Audience::Kind::PartnerAgency && !entering
                    && !release.partnerAgencies.contains(audience.agency))
                    REQUIRE(out.isEmpty());
                if (!agreed.testFlag(ShareCategory::IdentifyingProfile)) {
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Name)));
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Identifying)));
                    REQUIRE_FALSE(out.contains(c.canary(Tag::FreeText)));
                }
                if (!agreed.testFlag(ShareCategory::EnrollmentsAndServices)) {
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Stay)));
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Health)));
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Violence)));
                }
                if (!agreed.testFlag(ShareCategory::HealthAndDisability))
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Health)));
                if (!agreed.testFlag(ShareCategory::DomesticViolence))
                    REQUIRE_FALSE(out.contains(c.canary(Tag::Violence)));
            }
            // And not too much withheld: a Full Sharing release in force sends the server everything
            // that is not kept back by date.
            if (release.choice == SharingChoice::FullSharing && status.standing == Standing::Active && !c.shareFrom
                && audience.kind == Audience::Kind::CentralServer) {
                REQUIRE(out.contains(c.canary(Tag::Name)));
                REQUIRE(out.contains(c.canary(Tag::Identifying)));
            }
        }
        // The agency's own reports keep every record as it is.
        for (const OutgoingRecord& record : c.records) {
            const Disclosure internal = policy.decide(status, record, Audience::agencyInternal());
            REQUIRE(internal.form == Form::Whole);
            REQUIRE(internal.fields == record.fields);
        }
    }

    // The histories reached every standing and every form, so the checks above were exercised.
    for (const Standing s :
         {Standing::NoneRecorded, Standing::Active, Standing::Expired, Standing::Revoked, Standing::NoSharing}) {
        CAPTURE(s);
        CHECK(tally.standings[s] >= 50);
    }
    for (const Form f : {Form::Withheld, Form::Whole, Form::Deidentified, Form::Partial}) {
        CAPTURE(f);
        CHECK(tally.forms[f] >= 100);
    }
    for (const Reason r : {Reason::BeforeConsent, Reason::Expired, Reason::Restricted, Reason::AgencyNotConsented,
                           Reason::CategoryNotConsented, Reason::AnonymousClient, Reason::LocalOnly}) {
        CAPTURE(r);
        CHECK(tally.reasons[r] >= 20);
    }
}
