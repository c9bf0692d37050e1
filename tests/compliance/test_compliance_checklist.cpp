// The checklist as data: the built-in file is well-formed, complete and fully implemented, and a
// malformed file is refused.
#include "tests/compliance/ComplianceTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hearth::compliance;
using namespace hearth::compliance::test;

namespace {

QByteArray builtInJson()
{
    QFile file(QStringLiteral(":/hearth/compliance/checklist.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// The built-in JSON with @p edit applied to its first item.
QByteArray withFirstItem(const std::function<void(QJsonObject&)>& edit)
{
    QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
    QJsonArray items = root.value(u"items").toArray();
    QJsonObject first = items.at(0).toObject();
    edit(first);
    items.replace(0, first);
    root.insert(QStringLiteral("items"), items);
    return QJsonDocument(root).toJson();
}

} // namespace

TEST_CASE("Every built-in item is well-formed")
{
    const Checklist checklist = CheckFixture::builtInChecklist();
    REQUIRE(checklist.items.size() >= 20);
    for (const ChecklistItem& item : checklist.items) {
        INFO(item.id.toStdString());
        CHECK_FALSE(item.id.isEmpty());
        CHECK(item.wording.endsWith(u'.'));
        CHECK_FALSE(item.why.isEmpty());
        CHECK_FALSE(item.policySection.isEmpty());
    }
}

TEST_CASE("Every automatic item has a check on every platform")
{
    const Checklist checklist = CheckFixture::builtInChecklist();
    for (Platform platform : {Platform::Linux, Platform::Windows, Platform::MacOS}) {
        const QHash<QString, CheckFunction> checks = checksFor(platform);
        for (const ChecklistItem& item : checklist.itemsOfKind(ItemKind::Automatic)) {
            INFO(item.id.toStdString() << " on platform " << static_cast<int>(platform));
            CHECK(checks.value(item.id) != nullptr);
        }
        // And no check is left without an item that runs it.
        for (auto it = checks.begin(); it != checks.end(); ++it) {
            INFO(it.key().toStdString());
            REQUIRE(checklist.item(it.key()) != nullptr);
            CHECK(checklist.item(it.key())->kind == ItemKind::Automatic);
        }
    }
}

TEST_CASE("The checklist holds the issue's items with the policy's thresholds")
{
    const Checklist checklist = CheckFixture::builtInChecklist();
    const QStringList automatic {QStringLiteral("antivirus-running"),
                                 QStringLiteral("antivirus-definitions"),
                                 QStringLiteral("antivirus-full-scan"),
                                 QStringLiteral("firewall-active"),
                                 QStringLiteral("os-supported"),
                                 QStringLiteral("os-updates"),
                                 QStringLiteral("screen-lock"),
                                 QStringLiteral("disk-encryption"),
                                 QStringLiteral("swap-encryption"),
                                 QStringLiteral("os-sign-in"),
                                 QStringLiteral("hearth-store-encrypted"),
                                 QStringLiteral("hearth-auto-lock"),
                                 QStringLiteral("hearth-no-saved-passwords"),
                                 QStringLiteral("hearth-server-tls")};
    const QStringList attestations {QStringLiteral("workstation-not-public"),
                                    QStringLiteral("monitor-privacy"),
                                    QStringLiteral("printer-secure"),
                                    QStringLiteral("no-written-passwords"),
                                    QStringLiteral("unique-user-ids"),
                                    QStringLiteral("security-training-current"),
                                    QStringLiteral("confidentiality-agreements-current"),
                                    QStringLiteral("administrator-background-checks")};
    for (const QString& id : automatic) {
        INFO(id.toStdString());
        REQUIRE(checklist.item(id));
        CHECK(checklist.item(id)->kind == ItemKind::Automatic);
    }
    for (const QString& id : attestations) {
        INFO(id.toStdString());
        REQUIRE(checklist.item(id));
        CHECK(checklist.item(id)->kind == ItemKind::Attestation);
    }
    CHECK(checklist.items.size() == automatic.size() + attestations.size());
    CHECK(checklist.item(QStringLiteral("antivirus-definitions"))
              ->threshold(QStringLiteral("antivirusDefinitionsMaxAgeHours"), 0)
          == 24);
    CHECK(checklist.item(QStringLiteral("antivirus-full-scan"))->threshold(QStringLiteral("fullScanMaxAgeDays"), 0)
          == 7);
    CHECK(checklist.item(QStringLiteral("screen-lock"))->threshold(QStringLiteral("idleLockMaxMinutes"), 0) == 15);
    CHECK(checklist.item(QStringLiteral("hearth-auto-lock"))->threshold(QStringLiteral("autoLockMaxMinutes"), 0) == 15);
    CHECK(checklist.item(QStringLiteral("firewall-active"))->policySection == u"Firewall");
    CHECK(checklist.item(QStringLiteral("antivirus-running"))->severity == Severity::Critical);
    REQUIRE(checklist.release(QStringLiteral("debian"), QStringLiteral("12")));
    CHECK(checklist.release(QStringLiteral("debian"), QStringLiteral("12"))->supportedUntil == QDate(2028, 6, 30));
    CHECK_FALSE(checklist.linuxScanLogs.isEmpty());
}

TEST_CASE("A malformed checklist is refused with a reason")
{
    REQUIRE(Checklist::fromJson(builtInJson()).ok());
    CHECK_FALSE(Checklist::fromJson("{ not json").ok());
    CHECK_FALSE(Checklist::fromJson(R"({"version": 1, "title": "x", "items": []})").ok());
    const auto missingWording
        = Checklist::fromJson(withFirstItem([](QJsonObject& o) { o.remove(QStringLiteral("wording")); }));
    REQUIRE_FALSE(missingWording.ok());
    CHECK(missingWording.message().contains(QStringLiteral("antivirus-running")));
    CHECK_FALSE(Checklist::fromJson(withFirstItem([](QJsonObject& o) {
                    o.insert(QStringLiteral("kind"), QStringLiteral("manual"));
                })).ok());
    CHECK_FALSE(Checklist::fromJson(withFirstItem([](QJsonObject& o) {
                    o.insert(QStringLiteral("severity"), QStringLiteral("urgent"));
                })).ok());
    CHECK_FALSE(Checklist::fromJson(withFirstItem([](QJsonObject& o) {
                    o.insert(QStringLiteral("thresholds"), QJsonObject {{QStringLiteral("maxHours"), -1}});
                })).ok());
    const auto duplicate = Checklist::fromJson(
        withFirstItem([](QJsonObject& o) { o.insert(QStringLiteral("id"), QStringLiteral("firewall-active")); }));
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.message().contains(QStringLiteral("used twice")));
}

TEST_CASE("An HMIS Lead's edited threshold reaches the checks")
{
    const auto edited = Checklist::fromJson(withFirstItem([](QJsonObject& o) {
        o.insert(QStringLiteral("thresholds"), QJsonObject {{QStringLiteral("someLimit"), 48}});
    }));
    REQUIRE(edited.ok());
    CHECK(edited->item(QStringLiteral("antivirus-running"))->threshold(QStringLiteral("someLimit"), 0) == 48);
}

TEST_CASE("Running every automatic item gives one result per item, in checklist order, with evidence")
{
    CheckFixture f;
    const QList<ItemResult> results = runAutomaticChecks(f.checklist, f.probe, f.hearth, f.now, Platform::Linux);
    const QList<ChecklistItem> automatic = f.checklist.itemsOfKind(ItemKind::Automatic);
    REQUIRE(results.size() == automatic.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        INFO(results[i].itemId.toStdString());
        CHECK(results[i].itemId == automatic[i].id);
        CHECK_FALSE(results[i].result.evidence.isEmpty());
    }
}

TEST_CASE("An item without a check on this platform is unknown, never a pass")
{
    CheckFixture f;
    ChecklistItem extra = f.checklist.items.first();
    extra.id = QStringLiteral("usb-storage-blocked");
    f.checklist.items << extra;
    const QList<ItemResult> results = runAutomaticChecks(f.checklist, f.probe, f.hearth, f.now, Platform::Linux);
    REQUIRE(results.last().itemId == u"usb-storage-blocked");
    CHECK(results.last().result.verdict == Verdict::Unknown);
    CHECK(results.last().result.needsAttestation());
}
