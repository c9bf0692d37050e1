// The automatic checks start programs and can take seconds: they run off the UI thread, the window
// keeps working meanwhile, and a lock that destroys the screens mid-run loses nothing but the run.
#include "tests/gui/GuiTestSupport.h"
#include "tests/gui/compliance/ComplianceGuiSupport.h"
#include "ui/Workspace.h"
#include "ui/compliance/ComplianceArea.h"
#include "ui/compliance/ComplianceRunView.h"

#include <QComboBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace hearth;
using namespace hearth::test;

namespace {

/// A recorded workstation whose commands wait until the test opens the gate, as a slow machine would.
class GatedProbe final : public compliance::SystemProbe
{
public:
    explicit GatedProbe(std::shared_ptr<compliance::test::FakeSystemProbe> inner)
        : m_inner(std::move(inner))
    {
    }

    void open() { m_gate.release(1000); }
    QThread* callerThread() const { return m_caller.load(); }

    compliance::CommandResult run(const QString& program, const QStringList& arguments, int timeoutMs) const override
    {
        m_caller.store(QThread::currentThread());
        // Bounded: if the checks ran on the UI thread the test would fail here instead of hanging.
        if (!m_gate.tryAcquire(1, 5000))
            return {};
        return m_inner->run(program, arguments, timeoutMs);
    }
    compliance::FileResult readFile(const QString& path, qint64 maxBytes) const override
    {
        return m_inner->readFile(path, maxBytes);
    }
    compliance::DirectoryResult listDirectory(const QString& path) const override
    {
        return m_inner->listDirectory(path);
    }
    QString environment(const QString& name) const override { return m_inner->environment(name); }
    QString which(const QString& program) const override { return m_inner->which(program); }
    QString homePath() const override { return m_inner->homePath(); }

private:
    std::shared_ptr<compliance::test::FakeSystemProbe> m_inner;
    mutable QSemaphore m_gate;
    mutable std::atomic<QThread*> m_caller {nullptr};
};

} // namespace

TEST_CASE("gui: the checks run on a worker thread; the button waits and the busy bar shows until they finish")
{
    GuiFixture f;
    f.createStore();
    ui::Workspace workspace(f.vault);
    workspace.resize(1280, 800);
    workspace.show();
    ui::ComplianceArea& area = openComplianceArea(workspace);
    auto probe = std::make_shared<GatedProbe>(openFirewallWorkstation());
    area.setProbe(probe);

    auto* run = child<QPushButton>(area, "runChecklistButton");
    auto* busy = child<QProgressBar>(area, "complianceBusy");
    CHECK_FALSE(busy->isVisible());
    QTest::mouseClick(run, Qt::LeftButton);
    // Back in the event loop while the checks wait on the gate: the UI thread is free.
    REQUIRE(area.isChecking());
    CHECK_FALSE(run->isEnabled());
    CHECK_FALSE(child<QComboBox>(area, "complianceAuditKind")->isEnabled());
    CHECK(busy->isVisible());
    REQUIRE(QTest::qWaitFor([&] { return probe->callerThread() != nullptr; }, 5000));
    CHECK(probe->callerThread() != QThread::currentThread());
    QTest::mouseClick(run, Qt::LeftButton); // a second click while running starts nothing

    probe->open();
    REQUIRE(QTest::qWaitFor([&] { return !area.isChecking(); }, 20'000));
    CHECK(run->isEnabled());
    CHECK_FALSE(busy->isVisible());
    CHECK(area.runView()->isEditing());
    CHECK(area.runView()->run().item(QStringLiteral("firewall-active"))->effective() == compliance::Verdict::Fail);
}

TEST_CASE("gui: a lock that destroys the Compliance area mid-run drops the late result without a crash")
{
    GuiFixture f;
    f.createStore();
    auto probe = std::make_shared<GatedProbe>(openFirewallWorkstation());
    QPointer<ui::ComplianceArea> gone;
    {
        ui::Workspace workspace(f.vault);
        workspace.show();
        ui::ComplianceArea& area = openComplianceArea(workspace);
        area.setProbe(probe);
        QTest::mouseClick(child<QPushButton>(area, "runChecklistButton"), Qt::LeftButton);
        REQUIRE(area.isChecking());
        gone = &area;
    }
    CHECK(gone.isNull());
    probe->open();
    // The worker finishes on its own, its result has nowhere to go, and the thread is cleaned up
    // (it held the last other reference to the probe).
    CHECK(QTest::qWaitFor([&] { return probe.use_count() == 1; }, 10'000));
}
