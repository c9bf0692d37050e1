#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/QualityFinding.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace hearth::ui {

class DataQualityCombo;
class DobControls;
class ElementForm;
class FindingsView;
class HudCodeCombo;
class SsnControls;

/// @brief The client's universal data elements as one form, for creating and for editing a client:
/// 3.01 name and alias, 3.02 SSN, 3.03 date of birth, 3.04 race and ethnicity, 4.21 sex, 3.07
/// veteran status with V1 veteran information. The data-quality checks run as the user types.
class ClientProfileForm : public QWidget
{
    Q_OBJECT
public:
    /// @p today: the day ages and the date checks are computed for.
    explicit ClientProfileForm(QDate today, QWidget* parent = nullptr);

    /// Loads @p client. A stored SSN stays masked in the field until showSsn() or new typing.
    void setProfile(const ClientProfile& client);
    /// The client as the form stands (ids and case number kept from setProfile()).
    ClientProfile profile() const;
    /// Puts the whole SSN into the field, after an audited reveal.
    void showSsn(const QString& ssn);

    /// Everything typed, as typed, for an encrypted draft.
    QJsonObject draft() const;
    /// Fills the form from @p draft: a new client's, or with @p overLoaded an edit of the client
    /// setProfile() loaded (its ids and stored SSN kept).
    void restoreDraft(const QJsonObject& draft, bool overLoaded = false);
    /// True when the form differs from what setProfile() loaded (or from blank).
    bool isModified() const { return draft() != m_loadedDraft; }
    /// True when nothing was typed into a new form.
    bool isBlank() const;

    QualityFindings findings() const;
    /// Impossible data: saving must wait.
    bool hasRefusal() const;
    /// The live findings; the page lays it out below its scroll area so it stays in view.
    FindingsView* findingsView() const { return m_findings; }
    QLineEdit* firstNameEdit() const { return m_first; }

Q_SIGNALS:
    void changed();

private:
    QWidget* makeNameBox();
    QWidget* makeIdentityBox();
    QWidget* makeRaceBox();
    QWidget* makeVeteranBox();
    void raceChanged();
    void veteranChanged();
    void recheck();
    void setUpTabOrder();

    QDate m_today;
    ClientProfile m_base;
    QJsonObject m_loadedDraft; ///< draft() right after setProfile(): what isModified() compares with
    bool m_loading = false;
    QLineEdit* m_first;
    QLineEdit* m_middle;
    QLineEdit* m_last;
    QLineEdit* m_suffix;
    DataQualityCombo* m_nameQuality;
    QLineEdit* m_alias;
    SsnControls* m_ssn;
    DobControls* m_dob;
    QList<QCheckBox*> m_race;
    HudCodeCombo* m_raceNone;
    QLineEdit* m_raceDetail;
    HudCodeCombo* m_sex;
    QLabel* m_veteranNote = nullptr; ///< "not asked of children", for a minor by the date of birth
    HudCodeCombo* m_veteran;
    ElementForm* m_veteranDetails = nullptr;
    FindingsView* m_findings;
};

} // namespace hearth::ui
