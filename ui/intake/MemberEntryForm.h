#pragma once

#include "core/hud/HudValues.h"
#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace hearth::ui {

class ElementForm;
class HudCodeCombo;

/// @brief One household member's project-start answers: 3.15 relationship to the head, 3.16 client
/// location, 3.08 disabling condition, and the program elements the project type collects at entry
/// about this person (which depend on being the head and on age, so the forms are rebuilt, keeping
/// the answers, when those change).
class MemberEntryForm : public QWidget
{
    Q_OBJECT
public:
    explicit MemberEntryForm(const ClientProfile& client, QWidget* parent = nullptr);

    const ClientProfile& client() const { return m_client; }
    HudCodeCombo* relationshipCombo() const { return m_relationship; }
    std::optional<int> relationship() const;
    void setRelationship(std::optional<int> code);
    bool isHead() const;

    /// Rebuilds the element forms for @p project and @p entryDate (age decides the adult questions).
    /// The client location follows the project's CoC until the user changes it.
    void setProject(const Project& project, const QDate& entryDate, const QDate& today);
    /// The enrollment this form describes (no uuid or household yet).
    Enrollment enrollment(const QString& projectUuid, const QDate& entryDate) const;
    QList<ElementForm*> elementForms() const { return m_forms; }
    /// Fields that cannot be read (bad dates or amounts), named for the user.
    QStringList problems() const;

Q_SIGNALS:
    void changed();

private:
    void rebuildElements();

    ClientProfile m_client;
    HudCodeCombo* m_relationship;
    QLineEdit* m_location;
    HudCodeCombo* m_disabling;
    QVBoxLayout* m_elementsLayout;
    QLabel* m_noElements;
    QList<ElementForm*> m_forms;
    QHash<QString, HudValues> m_kept; ///< answers of forms removed by a rebuild, by element id
    Project m_project;
    QDate m_entryDate;
    QDate m_today;
    bool m_wasHead = false;
    int m_builtType = -1; ///< project type the element forms were built for
};

} // namespace hearth::ui
