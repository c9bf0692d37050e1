// The consent service against a real encrypted store: recording each choice with its signature and
// scanned form, refusals that leave nothing behind, creating a client with their first release,
// revocation and restriction requests, the expiry list, the concurrent No Sharing alert and permissions.
#include "core/consent/ConsentJson.h"
#include "core/services/AuditReader.h"
#include "tests/consent/ConsentTestSupport.h"

#include <QJsonDocument>

#include <catch2/generators/catch_generators.hpp>

using namespace hearth;
using namespace hearth::test;

namespace {
bool audited(Vault& vault, const char* action, const QString& uuid = {})
{
    AuditFilter f;
    f.action = QString::fromLatin1(action);
    f.recordUuid = uuid;
    auto entries = AuditReader(vault).query(f);
    REQUIRE_OK(entries);
    return !entries->empty();
}

ConsentAttachments attachmentsWith(const QByteArray& signatureMark)
{
    ConsentAttachments a;
    a.signaturePng = QByteArray("\x89PNG\r\n") + signatureMark;
    a.scannedForm = QByteArray("%PDF-1.7 scanned-roi ") + signatureMark;
    a.scannedFormType = u"application/pdf"_qs;
    a.scannedFormName = u"roi-signed.pdf"_qs;
    return a;
}

std::vector<ChangeRecord> consentChanges(const std::vector<ChangeRecord>& all)
{
    std::vector<ChangeRecord> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [](const ChangeRecord& c) { return c.entity == u"consent"; });
    return out;
}

Project projectOfType(IntakeStore& s, const QString& name, int type)
{
    Project p;
    p.name = name;
    p.projectType = type;
    p.cocCode = u"CA-504"_qs;
    p.operatingStart = QDate(2025, 1, 1);
    auto made = ProjectRecords(*s.vault).create(p);
    REQUIRE_OK(made);
    return *made;
}
} // namespace

TEST_CASE("each choice is recorded with its signature and scanned form, which stay out of the change log",
          "[consent][records]")
{
    ConsentStore s;
    const auto choice = GENERATE(SharingChoice::FullSharing, SharingChoice::LimitedSharing, SharingChoice::Anonymous,
                                 SharingChoice::NoSharing);
    CAPTURE(int(choice));
    const QString client = s.client(u"Rosa"_qs, u"Choice"_qs);
    const QByteArray mark = "signature-strokes-canary-" + QByteArray::number(int(choice));
    const ConsentAttachments attachments = attachmentsWith(mark);

    s.clock.advanceSeconds(60);
    auto made = ConsentRecords(*s.vault).record(releaseFor(client, choice, QDate(2026, 1, 5)), attachments);
    REQUIRE_OK(made);
    const ReleaseOfInformation r = *made;
    CHECK_FALSE(r.uuid.isEmpty());
    CHECK(r.choice == choice);
    CHECK(r.collectedBy == kAdminLogin);
    CHECK(r.collectedByName == u"Ana Admin"_qs);
    CHECK(r.enteringAgency == u"Harbor House"_qs);
    CHECK(r.recordedAt == s.clock.now());
    CHECK(r.expiresOn == QDate(2028, 1, 5)); // two years by default
    CHECK(r.hasSignature);
    CHECK(r.hasScannedForm);

    auto history = ConsentRecords(*s.vault).history(client);
    REQUIRE_OK(history);
    REQUIRE(history->size() == 1);
    CHECK(history->front() == r);
    CHECK(s.status(client).current == r);

    // The attachments come back whole, and looking at them is audited.
    CHECK_FALSE(audited(*s.vault, audit::ConsentAttachmentView, r.uuid));
    auto back = ConsentRecords(*s.vault).attachments(r.uuid);
    REQUIRE_OK(back);
    CHECK(back->signaturePng == attachments.signaturePng);
    CHECK(back->scannedForm == attachments.scannedForm);
    CHECK(back->scannedFormType == u"application/pdf"_qs);
    CHECK(back->scannedFormName == u"roi-signed.pdf"_qs);
    CHECK(audited(*s.vault, audit::ConsentAttachmentView, r.uuid));
    CHECK(audited(*s.vault, audit::ConsentRecord, r.uuid));

    // The change log carries the release as ConsentJson, and nothing of the attachments.
    const auto changes = consentChanges(s.changeLog());
    REQUIRE(changes.size() == 1);
    CHECK(changes.front().entityUuid == r.uuid);
    CHECK(changes.front().operation == u"insert"_qs);
    CHECK(changes.front().fields == consent_json::toJson(r));
    const QByteArray logged = QJsonDocument(changes.front().fields).toJson();
    CHECK_FALSE(logged.contains(mark));
    CHECK_FALSE(logged.contains("roi-signed.pdf"));
    // And the encrypted store holds them unreadably.
    CHECK_FALSE(anyFileContains(s.dir.path(), mark));
}

TEST_CASE("a refused release leaves nothing behind", "[consent][records]")
{
    ConsentStore s;
    const QString client = s.client(u"Ida"_qs, u"Refused"_qs);
    ConsentRecords consent(*s.vault);
    const auto logBefore = s.changeLog().size();

    SECTION("Limited Sharing without categories or agencies names both problems")
    {
        ReleaseOfInformation r = releaseFor(client, SharingChoice::LimitedSharing, QDate(2026, 1, 5));
        r.categories = {};
        r.partnerAgencies.clear();
        auto refused = consent.record(r, attachmentsWith("x"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.code() == ErrorCode::InvalidInput);
        CHECK(refused.message().contains(u"kind of information"_qs));
        CHECK(refused.message().contains(u"partner agency"_qs));
    }
    SECTION("a release signed tomorrow")
    {
        auto refused = consent.record(releaseFor(client, SharingChoice::FullSharing, QDate(2026, 1, 6)));
        CHECK(refused.code() == ErrorCode::InvalidInput);
    }
    SECTION("a scanned form over 20 MB")
    {
        ConsentAttachments big;
        big.scannedForm = QByteArray(ConsentRecords::kMaxScannedFormBytes + 1, 'x');
        auto refused = consent.record(releaseFor(client, SharingChoice::FullSharing, QDate(2026, 1, 5)), big);
        CHECK(refused.code() == ErrorCode::InvalidInput);
        CHECK(refused.message().contains(u"20 MB"_qs));
    }
    SECTION("a client that does not exist")
    {
        auto refused = consent.record(releaseFor(u"no-such-client"_qs, SharingChoice::FullSharing, QDate(2026, 1, 5)));
        CHECK(refused.code() == ErrorCode::NotFound);
    }
    CHECK(consent.history(client).value().empty());
    CHECK(s.status(client).standing == ConsentStatus::Standing::NoneRecorded);
    CHECK(s.changeLog().size() == logBefore);
    CHECK_FALSE(audited(*s.vault, audit::ConsentRecord));
    CHECK(consent.pendingRestrictions().value().empty());
}

TEST_CASE("a later consent after No Sharing must say whether past records go too", "[consent][records]")
{
    ConsentStore s;
    const QString client = s.client(u"Nia"_qs, u"Later"_qs);
    s.record(client, SharingChoice::NoSharing);
    s.clock.advanceSeconds(60);
    ConsentRecords consent(*s.vault);
    auto refused = consent.record(releaseFor(client, SharingChoice::FullSharing, s.clock.today()));
    CHECK(refused.code() == ErrorCode::InvalidInput);
    CHECK(s.status(client).isNoSharing());
    CHECK(consent.history(client).value().size() == 1);

    const ReleaseOfInformation later = s.record(client, SharingChoice::FullSharing, false);
    const ConsentStatus now = s.status(client);
    CHECK(now.standing == ConsentStatus::Standing::Active);
    CHECK(now.current == later);
    CHECK(now.shareFrom == later.signedOn);
    // Never shared before the No Sharing: nothing to restrict on the server.
    CHECK(consent.pendingRestrictions().value().empty());
}

TEST_CASE("a client is created only together with their first release", "[consent][records]")
{
    ConsentStore s;
    ConsentRecords consent(*s.vault);
    ClientProfile p;
    p.firstName = u"Tomas"_qs;
    p.lastName = u"Together"_qs;
    p.nameDataQuality = 1;
    const auto clientsBefore = ClientRecords(*s.vault).list().value().size();

    SECTION("refused release: no client is kept")
    {
        ReleaseOfInformation r = releaseFor({}, SharingChoice::LimitedSharing, QDate(2026, 1, 5));
        r.partnerAgencies.clear();
        const auto logBefore = s.changeLog().size();
        auto refused = consent.createClient(p, r, attachmentsWith("c"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.code() == ErrorCode::InvalidInput);
        CHECK(ClientRecords(*s.vault).list().value().size() == clientsBefore);
        CHECK(s.changeLog().size() == logBefore);
        CHECK_FALSE(audited(*s.vault, audit::RecordCreate));
    }
    SECTION("refused client: no release is kept")
    {
        ClientProfile nameless;
        nameless.nameDataQuality = 1;
        auto refused = consent.createClient(nameless, releaseFor({}, SharingChoice::FullSharing, QDate(2026, 1, 5)));
        CHECK(refused.code() == ErrorCode::InvalidInput);
        CHECK(ClientRecords(*s.vault).list().value().size() == clientsBefore);
        CHECK_FALSE(audited(*s.vault, audit::ConsentRecord));
    }
    SECTION("both kept, in one change-log run, and the client is searchable")
    {
        auto made = consent.createClient(p, releaseFor({}, SharingChoice::NoSharing, QDate(2026, 1, 5)),
                                         attachmentsWith("c"));
        REQUIRE_OK(made);
        CHECK_FALSE(made->caseNumber.isEmpty());
        CHECK(ClientRecords(*s.vault).list().value().size() == clientsBefore + 1);
        const ConsentStatus st = s.status(made->uuid);
        CHECK(st.isNoSharing());
        CHECK(st.current->hasSignature);
        CHECK_FALSE(st.restrictionNeeded);
        const auto log = s.changeLog();
        REQUIRE(log.size() >= 2);
        CHECK(log[log.size() - 2].entity == u"client"_qs);
        CHECK(log[log.size() - 2].entityUuid == made->uuid);
        CHECK(log.back().entity == u"consent"_qs);
        CHECK(log.back().fields.value(u"PersonalID").toString() == made->uuid);
    }
}

TEST_CASE("moving to No Sharing or revoking queues a restriction request; a first No Sharing does not",
          "[consent][records][transitions]")
{
    ConsentStore s;
    ConsentRecords consent(*s.vault);
    const QString shared = s.client(u"Fay"_qs, u"Full"_qs);
    const QString never = s.client(u"Ned"_qs, u"Never"_qs);
    s.record(shared, SharingChoice::FullSharing);
    s.record(never, SharingChoice::NoSharing);
    CHECK(consent.pendingRestrictions().value().empty());

    SECTION("Full to No Sharing")
    {
        s.record(shared, SharingChoice::NoSharing);
        CHECK(s.status(shared).isNoSharing());
        auto pending = consent.pendingRestrictions();
        REQUIRE_OK(pending);
        REQUIRE(pending->size() == 1);
        CHECK(pending->front().clientUuid == shared);
        CHECK(pending->front().reason == u"no-sharing"_qs);
        CHECK(pending->front().requestedBy == kAdminLogin);
        REQUIRE_OK(consent.markRestrictionDelivered(pending->front().uuid));
        CHECK(consent.pendingRestrictions().value().empty());
        CHECK(consent.markRestrictionDelivered(pending->front().uuid).code() == ErrorCode::NotFound);
    }
    SECTION("revocation")
    {
        s.clock.advanceSeconds(60);
        REQUIRE_OK(consent.revoke(shared, u"  asked at the front desk "_qs));
        const ConsentStatus st = s.status(shared);
        CHECK(st.standing == ConsentStatus::Standing::Revoked);
        REQUIRE(st.current);
        CHECK(st.current->revokedAt == s.clock.now());
        CHECK(st.current->revokedBy == kAdminLogin);
        CHECK(st.current->revocationNote == u"asked at the front desk"_qs);
        auto pending = consent.pendingRestrictions();
        REQUIRE_OK(pending);
        REQUIRE(pending->size() == 1);
        CHECK(pending->front().reason == u"revoked"_qs);
        CHECK(audited(*s.vault, audit::ConsentRevoke, st.current->uuid));
        const auto changes = consentChanges(s.changeLog());
        REQUIRE_FALSE(changes.empty());
        CHECK(changes.back().operation == u"update"_qs);
        CHECK(changes.back().entityUuid == st.current->uuid);
        CHECK_FALSE(changes.back().fields.value(u"RevokedAt").toString().isEmpty());

        CHECK(consent.revoke(shared, {}).code() == ErrorCode::InvalidInput); // already revoked
        CHECK(consent.pendingRestrictions().value().size() == 1);
    }
    SECTION("nothing to revoke")
    {
        CHECK(consent.revoke(never, {}).code() == ErrorCode::InvalidInput);
        CHECK(consent.revoke(s.client(u"No"_qs, u"Release"_qs), {}).code() == ErrorCode::InvalidInput);
        CHECK(consent.pendingRestrictions().value().empty());
    }
}

TEST_CASE("the expiry list shows releases running out and lapsed ones, soonest first", "[consent][records][expiry]")
{
    ConsentStore s;
    ConsentRecords consent(*s.vault);
    const QString soon = s.client(u"Sol"_qs, u"Soon"_qs);
    const QString later = s.client(u"Lee"_qs, u"Later"_qs);
    const QString lapsed = s.client(u"Lou"_qs, u"Lapsed"_qs);
    const QString renewed = s.client(u"Ren"_qs, u"Renewed"_qs);
    const QString optedOut = s.client(u"Opal"_qs, u"Out"_qs);
    const auto recordWith = [&](const QString& client, SharingChoice choice, QDate signedOn, QDate expires) {
        s.clock.advanceSeconds(60);
        ReleaseOfInformation r = releaseFor(client, choice, signedOn);
        r.expiresOn = expires;
        REQUIRE_OK(consent.record(r));
    };
    recordWith(soon, SharingChoice::FullSharing, QDate(2024, 1, 20), QDate(2026, 1, 20));
    recordWith(later, SharingChoice::FullSharing, QDate(2025, 6, 1), QDate(2027, 6, 1));
    recordWith(lapsed, SharingChoice::LimitedSharing, QDate(2023, 12, 1), QDate(2025, 12, 1));
    recordWith(renewed, SharingChoice::FullSharing, QDate(2024, 1, 25), QDate(2026, 1, 25));
    recordWith(renewed, SharingChoice::FullSharing, QDate(2026, 1, 5), QDate());
    recordWith(optedOut, SharingChoice::NoSharing, QDate(2024, 1, 10), QDate(2026, 1, 10));

    auto month = consent.expiring(QDate(2026, 1, 1), QDate(2026, 1, 31));
    REQUIRE_OK(month);
    REQUIRE(month->size() == 2);
    CHECK(month->at(0).clientUuid == lapsed);
    CHECK(month->at(0).clientName == u"Lou Lapsed"_qs);
    CHECK_FALSE(month->at(0).caseNumber.isEmpty());
    CHECK(month->at(1).clientUuid == soon);
    CHECK(month->at(1).release.expiresOn == QDate(2026, 1, 20));

    auto onlyComing = consent.expiring(QDate(2026, 1, 1), QDate(2026, 1, 31), false);
    REQUIRE_OK(onlyComing);
    REQUIRE(onlyComing->size() == 1);
    CHECK(onlyComing->front().clientUuid == soon);

    SECTION("once the day passes, the release counts as expired until it is renewed")
    {
        s.clock.set(QDateTime(QDate(2026, 1, 21), QTime(9, 0), Qt::UTC));
        CHECK(s.status(soon).standing == ConsentStatus::Standing::Expired);
        s.record(soon, SharingChoice::FullSharing);
        const ConsentStatus st = s.status(soon);
        CHECK(st.standing == ConsentStatus::Standing::Active);
        CHECK(st.expiresOn == QDate(2028, 1, 21));
        CHECK(consent.expiring(QDate(2026, 1, 1), QDate(2026, 1, 31)).value().size() == 1); // only the lapsed one
    }
}

TEST_CASE("more than two No Sharing clients in one shelter raise one alert until an administrator sees it",
          "[consent][records][alerts]")
{
    ConsentStore s;
    ConsentRecords consent(*s.vault);
    const Project housing = projectOfType(s, u"Bridge Housing"_qs, 2); // transitional housing: not a shelter
    QStringList noSharing;
    for (const QString& name : {u"Ann"_qs, u"Ben"_qs, u"Cy"_qs, u"Dee"_qs}) {
        const QString client = s.client(name, u"Private"_qs);
        s.record(client, SharingChoice::NoSharing);
        noSharing.append(client);
    }
    const QString sharing = s.client(u"Eve"_qs, u"Open"_qs);
    s.record(sharing, SharingChoice::FullSharing);

    // A non-shelter project may hold any number.
    for (int i = 0; i < 3; ++i)
        s.enroll(noSharing.at(i), housing.uuid);
    CHECK(consent.openAlerts().value().empty());
    CHECK(consent.concurrentNoSharing(housing.uuid, s.clock.today()).value() == 3);

    s.enroll(noSharing.at(0), s.shelter.uuid);
    s.enroll(noSharing.at(1), s.shelter.uuid);
    s.enroll(sharing, s.shelter.uuid);
    CHECK(consent.concurrentNoSharing(s.shelter.uuid, s.clock.today()).value() == 2);
    CHECK(consent.openAlerts().value().empty()); // two is the limit, not over it

    SECTION("the third No Sharing enrollment")
    {
        s.enroll(noSharing.at(2), s.shelter.uuid);
    }
    SECTION("an enrolled client who chooses No Sharing")
    {
        s.record(sharing, SharingChoice::NoSharing);
    }
    SECTION("a No Sharing client's stay reopened")
    {
        EnrollmentRecords stays(*s.vault);
        auto current = stays.activeInProject(s.shelter.uuid, s.clock.today());
        REQUIRE_OK(current);
        const auto leaving = std::find_if(current->begin(), current->end(),
                                          [&](const Enrollment& e) { return e.clientUuid == noSharing.at(1); });
        REQUIRE(leaving != current->end());
        ExitRequest exit;
        exit.enrollmentUuid = leaving->uuid;
        exit.exitDate = QDate(2026, 1, 4);
        exit.destination = 116;
        REQUIRE_OK(stays.exit({exit}));
        s.enroll(noSharing.at(2), s.shelter.uuid);
        CHECK(consent.openAlerts().value().empty()); // still two at once
        REQUIRE_OK(stays.reopen(leaving->uuid));
    }
    auto alerts = consent.openAlerts();
    REQUIRE_OK(alerts);
    REQUIRE(alerts->size() == 1);
    const ConcurrentNoSharingAlert alert = alerts->front();
    CHECK(alert.projectUuid == s.shelter.uuid);
    CHECK(alert.projectName == u"Harbor Night Shelter"_qs);
    CHECK(alert.count == 3);
    CHECK(alert.limit == 2);
    CHECK(alert.day == s.clock.today());
    CHECK(alert.raisedBy == kAdminLogin);
    CHECK(audited(*s.vault, audit::ConcurrentAlert, s.shelter.uuid));

    // Not twice while unacknowledged.
    s.enroll(noSharing.at(3), s.shelter.uuid);
    CHECK(consent.openAlerts().value().size() == 1);

    // Staff see it but cannot dismiss it.
    s.addUser(u"sam.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.switchTo(u"sam.staff"_qs, kThirdPassword);
    CHECK(consent.openAlerts().value().size() == 1);
    CHECK(consent.acknowledgeAlert(alert.uuid).code() == ErrorCode::PermissionDenied);
    s.switchTo(kAdminLogin, kAdminPassword);
    REQUIRE_OK(consent.acknowledgeAlert(alert.uuid));
    CHECK(consent.openAlerts().value().empty());
    CHECK(audited(*s.vault, audit::AlertAcknowledge, alert.uuid));
}

TEST_CASE("a raised limit is kept, and only administrators change consent settings", "[consent][records][settings]")
{
    ConsentStore s;
    ConsentRecords consent(*s.vault);
    CHECK(consent.settings() == ConsentSettings {});

    ConsentSettings changed;
    changed.expiryMonths = 12;
    changed.concurrentNoSharingLimit = 3;
    changed.partnerAgencies = {u" Coastal  Outreach "_qs, u"Coastal Outreach"_qs, u""_qs, u"Sonoma Family"_qs};
    REQUIRE_OK(consent.setSettings(changed));
    CHECK(audited(*s.vault, audit::SettingsChange));
    const ConsentSettings kept = consent.settings();
    CHECK(kept.expiryMonths == 12);
    CHECK(kept.concurrentNoSharingLimit == 3);
    CHECK(kept.partnerAgencies == QStringList {u"Coastal Outreach"_qs, u"Sonoma Family"_qs});
    // The expiry setting is what a new release defaults to.
    const QString client = s.client(u"Kai"_qs, u"Kept"_qs);
    CHECK(s.record(client, SharingChoice::FullSharing).expiresOn == QDate(2027, 1, 5));

    ConsentSettings impossible;
    impossible.expiryMonths = 0;
    CHECK(consent.setSettings(impossible).code() == ErrorCode::InvalidInput);

    s.addUser(u"sam.staff"_qs, Role::AgencyStaff, kThirdPassword);
    s.switchTo(u"sam.staff"_qs, kThirdPassword);
    CHECK(consent.setSettings(ConsentSettings {}).code() == ErrorCode::PermissionDenied);
    CHECK(consent.settings().concurrentNoSharingLimit == 3);
    // Staff record releases and see standings, but the signature and form need ViewAllClientData.
    const ReleaseOfInformation r = s.record(client, SharingChoice::NoSharing);
    CHECK(r.collectedBy == u"sam.staff"_qs);
    CHECK(s.status(client).isNoSharing());
    CHECK(consent.attachments(r.uuid).code() == ErrorCode::PermissionDenied);
    s.vault->lock();
    CHECK(consent.status(client).code() == ErrorCode::Locked);
}
