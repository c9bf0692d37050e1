#pragma once
// Shared by test_client_intake.cpp and test_client_ssn.cpp: typing into the client search and reading a
// client back from the store.

#include "core/services/ClientRecords.h"
#include "tests/gui/intake/IntakeGuiSupport.h"
#include "ui/intake/ClientsPage.h"
#include "ui/widgets/HudDateEdit.h"

#include <QLineEdit>
#include <QTest>

namespace hearth::test::clientintake {

inline void typeInto(QLineEdit* edit, const QString& text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

/// Types into the search fields; the search runs after its pause, or at once with @p now.
inline void search(ui::ClientsPage& page, const QString& first, const QString& last, const QString& dob = {})
{
    typeInto(child<QLineEdit>(page, "searchFirstName"), first);
    typeInto(child<QLineEdit>(page, "searchLastName"), last);
    typeInto(child<ui::HudDateEdit>(page, "searchDob")->lineEdit(), dob);
    QTest::qWait(ui::ClientsPage::kSearchDelayMs + 100); // the debounced search runs by itself
}

inline ClientProfile storedClient(Vault& vault, const QString& uuid)
{
    auto clients = ClientRecords(vault).list();
    REQUIRE(clients.ok());
    for (const ClientProfile& c : *clients) {
        if (c.uuid == uuid)
            return c;
    }
    FAIL("no stored client");
    return {};
}

} // namespace hearth::test::clientintake
