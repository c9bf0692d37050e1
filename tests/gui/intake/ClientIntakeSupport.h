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

/// Types into the search fields and waits until the debounced search has run by itself.
inline void search(ui::ClientsPage& page, const QString& first, const QString& last, const QString& dob = {})
{
    typeInto(child<QLineEdit>(page, "searchFirstName"), first);
    typeInto(child<QLineEdit>(page, "searchLastName"), last);
    typeInto(child<ui::HudDateEdit>(page, "searchDob")->lineEdit(), dob);
    REQUIRE(page.searchPending());
    // The timer fires on its own; waiting on it, not on a fixed time, holds on a loaded machine.
    REQUIRE(QTest::qWaitFor([&] { return !page.searchPending(); }, 10'000));
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
