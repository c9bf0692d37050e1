// A real run on this machine with the real probe: every automatic item ends determinate with
// evidence, and where an established tool looks at the same fact, Hearth agrees with it.
#include "core/compliance/LocalSystemProbe.h"
#include "core/compliance/linux/LinuxChecks.h"
#include "core/vault/AgencySettings.h"
#include "tests/compliance/ComplianceTestSupport.h"
#include "tests/core/CoreTestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

using namespace hearth;
using namespace hearth::compliance;

namespace {

// A real encrypted store in a temporary folder, as Hearth's own items need one.
struct RealRun
{
    hearth::test::TestStore store;
    LocalSystemProbe probe;
    Checklist checklist = compliance::test::CheckFixture::builtInChecklist();
    HearthFacts facts;

    RealRun()
    {
        store.create();
        facts = {store.dir.path(), store.vault->settings().autoLockMinutes(), {}};
    }

    CheckResult run(const QString& id) const
    {
        const ChecklistItem* item = checklist.item(id);
        REQUIRE(item);
        const CheckFunction check = checksFor(currentPlatform()).value(id);
        REQUIRE(check);
        return check(CheckContext {probe, checklist, *item, QDateTime::currentDateTimeUtc(), facts});
    }
};

// Runs an established tool directly (not through Hearth's probe); nullopt when it cannot run here.
std::optional<QByteArray> tool(const QString& program, const QStringList& arguments)
{
    QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(program, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    if (path.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(path, arguments);
    if (!process.waitForFinished(10'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

} // namespace

TEST_CASE("A real run on this machine completes with a determinate verdict and evidence for every item")
{
    RealRun real;
    QElapsedTimer timer;
    timer.start();
    const QList<ItemResult> results
        = runAutomaticChecks(real.checklist, real.probe, real.facts, QDateTime::currentDateTimeUtc());
    REQUIRE(results.size() == real.checklist.itemsOfKind(ItemKind::Automatic).size());
    for (const ItemResult& item : results) {
        INFO(item.itemId.toStdString() << ": " << verdictName(item.result.verdict).toStdString() << "\n"
                                       << item.result.evidence.toStdString() << "\n"
                                       << item.result.detail.toStdString());
        CHECK((item.result.verdict == Verdict::Pass || item.result.verdict == Verdict::Fail
               || item.result.verdict == Verdict::Unknown));
        CHECK_FALSE(item.result.evidence.trimmed().isEmpty());
        CHECK_FALSE(item.result.detail.trimmed().isEmpty());
    }
    // A security officer waits for this; every probe has a timeout.
    CHECK(timer.elapsed() < 120'000);
    // Hearth's own items are determinate against a real store.
    for (const ItemResult& item : results) {
        if (item.itemId == u"hearth-store-encrypted" || item.itemId == u"hearth-auto-lock"
            || item.itemId == u"hearth-no-saved-passwords")
            CHECK(item.result.verdict == Verdict::Pass);
    }
}

#if defined(Q_OS_LINUX)
TEST_CASE("The disk-encryption verdict agrees with lsblk's own view of the data folder's device")
{
    RealRun real;
    const auto source = tool(QStringLiteral("findmnt"),
                             {QStringLiteral("-n"), QStringLiteral("-o"), QStringLiteral("SOURCE"),
                              QStringLiteral("--target"), real.store.dir.path()});
    if (!source || !source->startsWith("/dev/"))
        SKIP("findmnt cannot name a block device for the temporary folder here");
    QString device = QString::fromUtf8(*source).trimmed();
    device = device.section(u'[', 0, 0);
    // lsblk's tree form with its default (possibly UTF-8) glyphs: "crypt" anywhere in the inverse tree.
    const auto types
        = tool(QStringLiteral("lsblk"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("TYPE"), device});
    if (!types)
        SKIP("lsblk cannot list " << device.toStdString());
    const bool lsblkSaysEncrypted = types->contains("crypt");
    const CheckResult result = real.run(QStringLiteral("disk-encryption"));
    INFO(result.evidence.toStdString());
    CHECK(result.verdict == (lsblkSaysEncrypted ? Verdict::Pass : Verdict::Fail));
}

TEST_CASE("The firewall verdict agrees with ufw or nft when they can be asked here")
{
    RealRun real;
    const CheckResult result = real.run(QStringLiteral("firewall-active"));
    INFO(result.evidence.toStdString());
    if (const auto status = tool(QStringLiteral("ufw"), {QStringLiteral("status")});
        status && result.verdict != Verdict::Unknown) {
        // `ufw status` is localized; this comparison runs under the test's own (C or English) locale.
        if (status->contains("Status: active"))
            CHECK(result.verdict == Verdict::Pass);
    }
    if (const auto ruleset = tool(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")})) {
        if (ruleset->trimmed().isEmpty())
            CHECK(result.verdict != Verdict::Pass);
    }
    const bool anyTool = tool(QStringLiteral("ufw"), {QStringLiteral("version")})
        || tool(QStringLiteral("nft"), {QStringLiteral("--version")})
        || tool(QStringLiteral("iptables"), {QStringLiteral("--version")})
        || tool(QStringLiteral("firewall-cmd"), {QStringLiteral("--version")});
    if (!anyTool)
        CHECK(result.verdict == Verdict::Fail); // nothing is installed that could filter
}

TEST_CASE("The swap verdict agrees with /proc/swaps")
{
    RealRun real;
    QFile swaps(QStringLiteral("/proc/swaps"));
    if (!swaps.open(QIODevice::ReadOnly))
        SKIP("no /proc/swaps");
    QStringList lines = QString::fromUtf8(swaps.readAll()).split(u'\n', Qt::SkipEmptyParts);
    lines.removeFirst();
    const CheckResult result = real.run(QStringLiteral("swap-encryption"));
    INFO(result.evidence.toStdString());
    bool allZram = true;
    for (const QString& line : lines)
        allZram = allZram && line.startsWith(QStringLiteral("/dev/zram"));
    if (allZram)
        CHECK(result.verdict == Verdict::Pass);
}
#endif

#if defined(Q_OS_UNIX)
TEST_CASE("The real probe runs without a shell, unlocalized, and reports missing tools and timeouts")
{
    LocalSystemProbe probe;
    const CommandResult env = probe.run(QStringLiteral("env"), {});
    REQUIRE(env.succeeded());
    CHECK(QString::fromUtf8(env.standardOutput).split(u'\n').contains(QStringLiteral("LC_ALL=C")));
    // Shell syntax in an argument reaches the program as text.
    const CommandResult literal
        = probe.run(QStringLiteral("printf"), {QStringLiteral("%s"), QStringLiteral("$HOME; echo injected")});
    REQUIRE(literal.succeeded());
    CHECK(literal.standardOutput == "$HOME; echo injected");
    CHECK(probe.run(QStringLiteral("hearth-no-such-tool"), {}).status == ProbeStatus::NotFound);
    CHECK(probe.run(QStringLiteral("sleep"), {QStringLiteral("5")}, 300).status == ProbeStatus::TimedOut);
    const CommandResult failing = probe.run(QStringLiteral("false"), {});
    CHECK(failing.ran());
    CHECK(failing.exitCode == 1);
    CHECK(probe.readFile(QStringLiteral("/hearth/no/such/file")).status == ProbeStatus::NotFound);
    CHECK(probe.listDirectory(QStringLiteral("/hearth/no/such/dir")).status == ProbeStatus::NotFound);
    CHECK(probe.readFile(QStringLiteral("/proc/self/status"), 5).content.size() == 5);
}
#endif
