#include "core/common/DisplayDates.h"
#include "core/hud/HudCodes.h"
#include "core/services/ProjectRecords.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/Workspace.h"
#include "ui/intake/CodeChecklist.h"
#include "ui/intake/ProjectDialog.h"
#include "ui/intake/ProjectListModel.h"
#include "ui/intake/ProjectsPage.h"
#include "ui/widgets/HudCodeCombo.h"
#include "ui/widgets/HudDateEdit.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace hearth;
using namespace hearth::test;
using hearth::ui::ProjectDialog;

TEST_CASE("gui: an administrator adds a night-by-night shelter on the Projects page")
{
    GuiFixture f;
    f.createStore();
    ui::Workspace workspace(f.vault);
    REQUIRE(workspace.areaNames().contains(QStringLiteral("Projects")));
    ui::ProjectsPage* page = workspace.projectsPage();
    REQUIRE(page != nullptr);
    CHECK(page->model()->rowCount() == 0);

    auto ran = onNextModal([](QWidget& dialog) {
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("projectName"));
        auto* type = dialog.findChild<ui::HudCodeCombo*>(QStringLiteral("projectType"));
        auto* coc = dialog.findChild<QLineEdit*>(QStringLiteral("projectCoc"));
        auto* bedNights = dialog.findChild<QCheckBox*>(QStringLiteral("projectBedNights"));
        auto* save = dialog.findChild<QPushButton*>(QStringLiteral("saveProjectButton"));
        CHECK((name && type && coc && bedNights && save));
        if (!(name && type && coc && bedNights && save))
            return;
        // The agency's CoC is the default.
        CHECK(coc->text() == QStringLiteral("CA-504"));
        QTest::keyClicks(name, QStringLiteral("Harbor Night Shelter"));
        type->setCurrentIndex(type->findText(QStringLiteral("Emergency Shelter - Night-by-Night")));
        // Night-by-night shelters always record bed nights.
        CHECK(bedNights->isChecked());
        CHECK_FALSE(bedNights->isEnabled());
        save->click();
    });
    child<QPushButton>(*page, "addProjectButton")->click();
    REQUIRE(*ran);

    REQUIRE(page->model()->rowCount() == 1);
    const QAbstractItemModel& model = *page->model();
    CHECK(model.index(0, ui::ProjectListModel::Name).data().toString() == QStringLiteral("Harbor Night Shelter"));
    CHECK(model.index(0, ui::ProjectListModel::Type).data().toString()
          == QStringLiteral("Emergency Shelter - Night-by-Night"));
    CHECK(model.index(0, ui::ProjectListModel::CoC).data().toString() == QStringLiteral("CA-504"));
    CHECK(model.index(0, ui::ProjectListModel::BedNights).data().toString() == QStringLiteral("Yes"));
    CHECK(model.index(0, ui::ProjectListModel::Operating).data().toString()
          == QStringLiteral("since %1").arg(displayDate(QDate(2026, 1, 5))));
    const auto stored = ProjectRecords(f.vault).list();
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 1);
    CHECK(stored->front().tracksBedNights);
    CHECK(stored->front().projectType == hud::ProjectType::EmergencyShelterNightByNight);
}

TEST_CASE("gui: the project dialog keeps what was typed when the CoC code is wrong, then saves funding sources")
{
    GuiFixture f;
    f.createStore();
    ProjectDialog dialog(f.vault);
    dialog.show();
    auto* name = child<QLineEdit>(dialog, "projectName");
    auto* coc = child<QLineEdit>(dialog, "projectCoc");
    auto* error = child<QLabel>(dialog, "projectError");
    auto* bedNights = child<QCheckBox>(dialog, "projectBedNights");
    auto* type = child<ui::HudCodeCombo>(dialog, "projectType");
    auto* save = child<QPushButton>(dialog, "saveProjectButton");

    QTest::keyClicks(name, QStringLiteral("Family Transitional Housing"));
    type->setCurrentIndex(type->findText(QStringLiteral("Transitional Housing")));
    CHECK(bedNights->isEnabled());
    CHECK_FALSE(bedNights->isChecked());
    coc->clear();
    QTest::keyClicks(coc, QStringLiteral("ca504"));
    CHECK(coc->text() == QStringLiteral("CA504")); // typed in upper case
    save->click();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(error->isVisible());
    CHECK(error->text().contains(QStringLiteral("CA-504")));
    CHECK(name->text() == QStringLiteral("Family Transitional Housing"));

    // Funding: filter, Down into the list, Space to check.
    auto* filter = child<QLineEdit>(dialog, "projectFundingFilter");
    auto* list = child<QListWidget>(dialog, "projectFundingList");
    QTest::keyClicks(filter, QStringLiteral("Transitional Housing"));
    QTest::keyClick(filter, Qt::Key_Down);
    REQUIRE(list->currentItem() != nullptr);
    const QString chosen = list->currentItem()->text();
    CHECK(chosen.contains(QStringLiteral("Transitional Housing")));
    QTest::keyClick(list, Qt::Key_Space);
    CHECK(list->currentItem()->checkState() == Qt::Checked);

    coc->clear();
    QTest::keyClicks(coc, QStringLiteral("CA-505"));
    save->click();
    REQUIRE(dialog.result() == QDialog::Accepted);
    const Project& saved = dialog.saved();
    CHECK(saved.name == QStringLiteral("Family Transitional Housing"));
    CHECK(saved.cocCode == QStringLiteral("CA-505"));
    CHECK(saved.projectType == hud::ProjectType::TransitionalHousing);
    REQUIRE(saved.fundingSources.size() == 1);
    CHECK(HudCatalog::instance().label(hud::list::FundingSource, saved.fundingSources.first()) == chosen);
    CHECK(ProjectRecords(f.vault).find(saved.uuid).ok());
}

TEST_CASE("gui: editing a project keeps its values and saves the change")
{
    GuiFixture f;
    f.createStore();
    const Project existing = makeProject(f.vault, QStringLiteral("Outreach"), hud::ProjectType::StreetOutreach);
    ProjectDialog dialog(f.vault, existing);
    CHECK(child<QLineEdit>(dialog, "projectName")->text() == QStringLiteral("Outreach"));
    CHECK(child<ui::HudCodeCombo>(dialog, "projectType")->code() == hud::ProjectType::StreetOutreach);
    QTest::keyClicks(child<ui::HudDateEdit>(dialog, "projectEnd")->lineEdit(), QStringLiteral("12/31/2025"));
    child<QPushButton>(dialog, "saveProjectButton")->click();
    REQUIRE(dialog.result() == QDialog::Accepted);
    const auto stored = ProjectRecords(f.vault).find(existing.uuid);
    REQUIRE(stored.ok());
    CHECK(stored->operatingEnd == QDate(2025, 12, 31));
    CHECK(stored->name == QStringLiteral("Outreach"));
}
