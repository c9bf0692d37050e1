#include "ui/consent/ConsentDialog.h"

#include "core/common/DisplayDates.h"
#include "core/common/Plural.h"
#include "core/consent/ConsentRules.h"
#include "core/services/ConsentRecords.h"
#include "core/vault/Vault.h"
#include "ui/consent/AgencyChecklist.h"
#include "ui/consent/ConsentExplanationView.h"
#include "ui/consent/ScannedFormPicker.h"
#include "ui/widgets/HudDateEdit.h"
#include "ui/widgets/SignaturePad.h"
#include "ui/widgets/UiHelpers.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace hearth::ui {

/// The dialog's widgets and what it loaded when it opened.
class ConsentDialog::Form : public QObject
{
public:
    explicit Form(ConsentDialog* dialog)
        : QObject(dialog)
    {
    }

    QDate today;
    ConsentStatus before; ///< the client's consent before this release (nothing for a new client)
    ConsentSettings settings;
    QString loadError; ///< the status or settings could not be read

    QButtonGroup* choices = nullptr;
    QRadioButton* full = nullptr;
    QRadioButton* limited = nullptr;
    QRadioButton* anonymous = nullptr;
    QRadioButton* noSharing = nullptr;
    QGroupBox* limitedBox = nullptr;
    QList<QPair<QCheckBox*, ShareCategory>> categories;
    AgencyChecklist* agencies = nullptr;
    QCheckBox* restricted = nullptr;
    QGroupBox* pastBox = nullptr;
    QRadioButton* pastInclude = nullptr;
    QRadioButton* pastExclude = nullptr;
    HudDateEdit* signedOn = nullptr;
    HudDateEdit* expiresOn = nullptr;
    bool expiryByHand = false;
    bool settingExpiry = false;
    SignaturePad* signature = nullptr;
    ScannedFormPicker* scanned = nullptr;
    ConsentExplanationView* explanation = nullptr;
    QLabel* reminder = nullptr;
    QLabel* problems = nullptr;
    QLabel* error = nullptr;
    QPushButton* ok = nullptr;

    std::optional<SharingChoice> choice() const
    {
        if (const int id = choices->checkedId(); id > 0)
            return SharingChoice(id);
        return std::nullopt;
    }
};

namespace {

/// Where the client's consent stands before this release, in one line for staff.
QString describeBefore(const ConsentStatus& before, ReleaseKind kind)
{
    if (kind == ReleaseKind::CoordinatedEntry) {
        if (!before.coordinatedEntry)
            return ConsentDialog::tr("Now: no Coordinated Entry release.");
        return ConsentDialog::tr("Now: %1 Coordinated Entry, signed %2.")
            .arg(before.coordinatedEntry->shares() ? ConsentDialog::tr("agrees to") : ConsentDialog::tr("declines"),
                 displayDate(before.coordinatedEntry->signedOn));
    }
    if (!before.current)
        return ConsentDialog::tr("Now: no release recorded; nothing of this client leaves the workstation.");
    const ReleaseOfInformation& current = *before.current;
    const QString signedOn = displayDate(current.signedOn);
    switch (before.standing) {
    case ConsentStatus::Standing::Revoked:
        return ConsentDialog::tr("Now: revoked (%1 signed %2).").arg(sharingChoiceName(current.choice), signedOn);
    case ConsentStatus::Standing::Expired:
        return ConsentDialog::tr("Now: %1, expired %2.")
            .arg(sharingChoiceName(current.choice), displayDate(current.expiresOn));
    case ConsentStatus::Standing::Active:
        return ConsentDialog::tr("Now: %1, signed %2, expires %3.")
            .arg(sharingChoiceName(current.choice), signedOn, displayDate(current.expiresOn));
    case ConsentStatus::Standing::NoSharing:
    case ConsentStatus::Standing::NoneRecorded:
        break;
    }
    return ConsentDialog::tr("Now: %1, signed %2.").arg(sharingChoiceName(current.choice), signedOn);
}

QRadioButton* makeChoice(const QString& text, const char* name, const QString& tip)
{
    auto* radio = new QRadioButton(text);
    radio->setObjectName(QString::fromLatin1(name));
    radio->setToolTip(tip);
    return radio;
}

} // namespace

ConsentDialog* ConsentDialog::newClient(Vault& vault, QWidget* parent)
{
    return new ConsentDialog(vault, QString(), ReleaseKind::Hmis, parent);
}

ConsentDialog* ConsentDialog::existingClient(Vault& vault, const QString& clientUuid, ReleaseKind kind, QWidget* parent)
{
    return new ConsentDialog(vault, clientUuid, kind, parent);
}

ConsentDialog::ConsentDialog(Vault& vault, const QString& clientUuid, ReleaseKind kind, QWidget* parent)
    : QDialog(parent)
    , m_form(new Form(this))
    , m_vault(vault)
    , m_clientUuid(clientUuid)
    , m_kind(kind)
{
    Form& f = *m_form;
    f.today = vault.clock().today();
    ConsentRecords records(vault);
    f.settings = records.settings();
    if (!clientUuid.isEmpty()) {
        auto status = records.status(clientUuid);
        if (status)
            f.before = status.value();
        else
            f.loadError = status.message();
    }
    const bool ces = kind == ReleaseKind::CoordinatedEntry;
    setObjectName(QStringLiteral("consentDialog"));
    setWindowTitle(ces ? tr("Coordinated Entry release") : tr("Release of information"));

    // Choices.
    f.choices = new QButtonGroup(this);
    if (ces) {
        f.full = makeChoice(tr("Agrees to share with &Coordinated Entry"), "choiceFull",
                            tr("The client agrees that Coordinated Entry may use their information to refer them to "
                               "housing."));
        f.noSharing = makeChoice(tr("&Declines"), "choiceNoSharing",
                                 tr("The client does not agree; their HMIS choice does not change."));
    } else {
        f.full = makeChoice(tr("&Full Sharing"), "choiceFull",
                            tr("Everything, with every HMIS partner agency, to coordinate services."));
        f.limited = makeChoice(tr("&Limited Sharing"), "choiceLimited",
                               tr("Only the kinds of information the client chooses, only with the agencies they "
                                  "name."));
        f.anonymous = makeChoice(tr("&Anonymous"), "choiceAnonymous",
                                 tr("De-identified: no name, SSN or date of birth leaves this workstation."));
        f.noSharing = makeChoice(tr("&No Sharing"), "choiceNoSharing",
                                 tr("Nothing is entered in the HMIS; the record stays on this workstation."));
    }
    auto* choiceBox = new QGroupBox(ces ? tr("Coordinated Entry") : tr("The client's choice"));
    auto* choiceLayout = new QVBoxLayout(choiceBox);
    const auto addChoice = [&](QRadioButton* radio, SharingChoice choice) {
        if (!radio)
            return;
        f.choices->addButton(radio, int(choice));
        choiceLayout->addWidget(radio);
    };
    addChoice(f.full, SharingChoice::FullSharing);
    addChoice(f.limited, SharingChoice::LimitedSharing);
    addChoice(f.anonymous, SharingChoice::Anonymous);
    addChoice(f.noSharing, SharingChoice::NoSharing);

    // Limited Sharing: what and with whom.
    f.limitedBox = new QGroupBox(tr("Limited Sharing: what, and with whom"));
    f.limitedBox->setObjectName(QStringLiteral("limitedSharingBox"));
    auto* limitedLayout = new QVBoxLayout(f.limitedBox);
    const auto addCategory = [&](ShareCategory category, const char* name, const QString& text) {
        auto* box = new QCheckBox(text);
        box->setObjectName(QString::fromLatin1(name));
        f.categories.append({box, category});
        limitedLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ConsentDialog::refresh);
    };
    addCategory(ShareCategory::IdentifyingProfile, "categoryIdentifying",
                tr("Identifying profile (name, alias, SSN, date of birth)"));
    addCategory(ShareCategory::EnrollmentsAndServices, "categoryEnrollments",
                tr("Enrollments and services (stays, entry and exit, bed nights)"));
    addCategory(ShareCategory::HealthAndDisability, "categoryHealth",
                tr("Health and disability (disabilities, health insurance)"));
    addCategory(ShareCategory::DomesticViolence, "categoryDomesticViolence", tr("Domestic violence"));
    f.agencies = new AgencyChecklist;
    f.agencies->setAgencies(f.settings.partnerAgencies);
    auto* agenciesLabel = new QLabel(tr("With these a&gencies:"));
    agenciesLabel->setBuddy(f.agencies->listWidget());
    limitedLayout->addWidget(agenciesLabel);
    limitedLayout->addWidget(f.agencies);

    f.restricted = new QCheckBox(tr("Res&tricted: only our agency sees the name"));
    f.restricted->setObjectName(QStringLiteral("restrictedName"));
    f.restricted->setToolTip(tr("A restricted client: other agencies receive the record without the name."));

    // After No Sharing or a revocation: what was kept meanwhile.
    f.pastBox = new QGroupBox(tr("Records kept while the client was not sharing"));
    f.pastBox->setObjectName(QStringLiteral("pastRecords"));
    f.pastInclude = new QRadioButton(tr("Share them too"));
    f.pastInclude->setObjectName(QStringLiteral("pastInclude"));
    f.pastExclude = new QRadioButton(tr("Keep them on this workstation; share only from the signed date"));
    f.pastExclude->setObjectName(QStringLiteral("pastExclude"));
    auto* pastGroup = new QButtonGroup(this);
    pastGroup->addButton(f.pastInclude);
    pastGroup->addButton(f.pastExclude);
    auto* pastLayout = new QVBoxLayout(f.pastBox);
    pastLayout->addWidget(new QLabel(tr("The client opted out before. Ask whether what was kept since may be "
                                        "shared as well.")));
    pastLayout->addWidget(f.pastInclude);
    pastLayout->addWidget(f.pastExclude);

    // Dates and who collected it.
    f.signedOn = new HudDateEdit;
    f.signedOn->setObjectName(QStringLiteral("signedOn"));
    f.signedOn->setReferenceDate(f.today);
    f.signedOn->setDate(f.today);
    f.signedOn->setToolTip(tr("The day the client signed. Type t for today."));
    f.expiresOn = new HudDateEdit;
    f.expiresOn->setObjectName(QStringLiteral("expiresOn"));
    f.expiresOn->setReferenceDate(f.today);
    f.expiresOn->setToolTip(plural(f.settings.expiryMonths,
                                   tr("Follows the signed date (1 month later) until changed by hand."),
                                   tr("Follows the signed date (%1 months later) until changed by hand.")));
    auto* collectedBy = new QLabel;
    collectedBy->setObjectName(QStringLiteral("collectedBy"));
    collectedBy->setTextFormat(Qt::PlainText);
    if (const auto& user = vault.user())
        collectedBy->setText(tr("%1 (%2)").arg(user->displayName, user->login));
    auto* dates = new QFormLayout;
    dates->addRow(tr("&Signed on:"), f.signedOn);
    dates->addRow(tr("&Expires on:"), f.expiresOn);
    dates->addRow(tr("Collected by:"), collectedBy);

    // Signature and scanned form.
    f.signature = new SignaturePad;
    auto* clearSignature = new QPushButton(tr("C&lear signature"));
    clearSignature->setObjectName(QStringLiteral("clearSignature"));
    f.scanned = new ScannedFormPicker;
    auto* signatureBox = new QGroupBox(tr("Signature (optional when the paper form is signed)"));
    auto* signatureLayout = new QVBoxLayout(signatureBox);
    signatureLayout->addWidget(f.signature, 1);
    auto* clearRow = new QHBoxLayout;
    clearRow->addStretch();
    clearRow->addWidget(clearSignature);
    signatureLayout->addLayout(clearRow);
    signatureLayout->addWidget(f.scanned);

    auto* form = new QWidget;
    auto* formLayout = new QVBoxLayout(form);
    if (!clientUuid.isEmpty() && f.loadError.isEmpty()) {
        auto* now = new QLabel(describeBefore(f.before, kind));
        now->setObjectName(QStringLiteral("consentNow"));
        now->setTextFormat(Qt::PlainText);
        now->setWordWrap(true);
        formLayout->addWidget(now);
    }
    formLayout->addWidget(choiceBox);
    formLayout->addWidget(f.limitedBox);
    formLayout->addWidget(f.restricted);
    formLayout->addWidget(f.pastBox);
    formLayout->addLayout(dates);
    formLayout->addWidget(signatureBox);
    formLayout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form);

    f.explanation = new ConsentExplanationView;
    auto* splitter = new QSplitter;
    splitter->addWidget(f.explanation);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);
    splitter->setSizes({500, 600});
    splitter->setChildrenCollapsible(false);

    f.reminder = new QLabel(tr("No Sharing: the record stays on this workstation only, encrypted, for the agency's "
                               "own required reports. Emergency services are still given."));
    f.reminder->setObjectName(QStringLiteral("noSharingReminder"));
    f.reminder->setWordWrap(true);
    f.reminder->setFont(scaledFont(1.0, true));
    f.problems = makeErrorLabel(QStringLiteral("consentProblems"));
    f.error = makeErrorLabel(QStringLiteral("consentError"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    f.ok = buttons->button(QDialogButtonBox::Ok);
    f.ok->setObjectName(QStringLiteral("consentOk"));
    f.ok->setText(clientUuid.isEmpty() ? tr("&Continue") : tr("&Record release"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("consentCancel"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(f.reminder);
    layout->addWidget(f.problems);
    layout->addWidget(f.error);
    layout->addWidget(buttons);
    resize(1100, 760);

    if (ces) {
        f.limitedBox->hide();
        f.restricted->hide();
    }
    showError(f.error, f.loadError);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConsentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(f.choices, &QButtonGroup::idToggled, this, &ConsentDialog::refresh);
    connect(pastGroup, &QButtonGroup::idToggled, this, &ConsentDialog::refresh);
    connect(f.agencies, &AgencyChecklist::changed, this, &ConsentDialog::refresh);
    connect(f.restricted, &QCheckBox::toggled, this, &ConsentDialog::refresh);
    connect(f.signedOn, &HudDateEdit::dateChanged, this, [this] {
        followSignedDate();
        refresh();
    });
    connect(f.expiresOn, &HudDateEdit::dateChanged, this, [this] {
        if (!m_form->settingExpiry)
            m_form->expiryByHand = true;
        refresh();
    });
    connect(f.signature, &SignaturePad::changed, this, &ConsentDialog::refresh);
    connect(clearSignature, &QPushButton::clicked, f.signature, &SignaturePad::clear);
    connect(f.scanned, &ScannedFormPicker::changed, this, &ConsentDialog::refresh);
    followSignedDate();
    refresh();
    f.full->setFocus(); // the choice first; the explanation is read, not typed into
}

void ConsentDialog::followSignedDate()
{
    Form& f = *m_form;
    const auto signedOn = f.signedOn->date();
    if (f.expiryByHand || !signedOn)
        return;
    f.settingExpiry = true;
    f.expiresOn->setDate(defaultExpiry(*signedOn, f.settings));
    f.settingExpiry = false;
}

void ConsentDialog::setChoice(SharingChoice choice)
{
    if (QAbstractButton* button = m_form->choices->button(int(choice)))
        button->setChecked(true);
}

ReleaseOfInformation ConsentDialog::release() const
{
    const Form& f = *m_form;
    ReleaseOfInformation r;
    r.clientUuid = m_clientUuid;
    r.kind = m_kind;
    r.choice = f.choice().value_or(SharingChoice::NoSharing);
    if (r.choice == SharingChoice::LimitedSharing) {
        for (const auto& [box, category] : f.categories) {
            if (box->isChecked())
                r.categories |= category;
        }
        r.partnerAgencies = f.agencies->checkedAgencies();
    }
    r.restricted = f.restricted->isVisibleTo(this) && f.restricted->isEnabled() && f.restricted->isChecked();
    if (f.pastBox->isVisibleTo(this)) {
        if (f.pastInclude->isChecked())
            r.includePastRecords = true;
        else if (f.pastExclude->isChecked())
            r.includePastRecords = false;
    }
    r.signedOn = f.signedOn->date().value_or(QDate());
    r.expiresOn = f.expiresOn->date().value_or(QDate());
    if (const auto& user = m_vault.user()) {
        r.collectedBy = user->login;
        r.collectedByName = user->displayName;
    }
    r.language = f.explanation->language();
    r.hasSignature = !f.signature->isEmpty();
    r.hasScannedForm = !f.scanned->isEmpty();
    return r;
}

ConsentAttachments ConsentDialog::attachments() const
{
    const Form& f = *m_form;
    ConsentAttachments a;
    a.signaturePng = f.signature->toPng();
    if (!f.scanned->isEmpty()) {
        a.scannedForm = f.scanned->data();
        a.scannedFormType = f.scanned->type();
        a.scannedFormName = f.scanned->name();
    }
    return a;
}

QStringList ConsentDialog::problems() const
{
    const Form& f = *m_form;
    QStringList found;
    if (!f.choice())
        found << tr("Choose what the client agreed to.");
    return found + releaseProblems(release(), f.before, f.today);
}

void ConsentDialog::refresh()
{
    Form& f = *m_form;
    const auto choice = f.choice();
    const bool limited = choice == SharingChoice::LimitedSharing;
    f.limitedBox->setEnabled(limited);
    // Restricting the name means something only when the name is shared.
    f.restricted->setEnabled(choice == SharingChoice::FullSharing || limited);
    f.reminder->setVisible(m_kind == ReleaseKind::Hmis && choice == SharingChoice::NoSharing);
    // Asked only when it matters: the client opted out before and now agrees to share.
    f.pastBox->setVisible(m_kind == ReleaseKind::Hmis && choice && choice != SharingChoice::NoSharing
                          && needsPastRecordsChoice(f.before));
    f.explanation->setTopic(choice ? std::optional(explanationTopic(m_kind, *choice)) : std::nullopt);
    const QStringList found = problems();
    showError(f.problems, found.join(u'\n'));
    f.ok->setEnabled(found.isEmpty() && f.loadError.isEmpty());
}

SignaturePad* ConsentDialog::signaturePad() const
{
    return m_form->signature;
}

ConsentExplanationView* ConsentDialog::explanationView() const
{
    return m_form->explanation;
}

ScannedFormPicker* ConsentDialog::scannedFormPicker() const
{
    return m_form->scanned;
}

void ConsentDialog::accept()
{
    if (!problems().isEmpty() || !m_form->loadError.isEmpty())
        return;
    if (m_clientUuid.isEmpty()) {
        QDialog::accept(); // consent first: the caller saves it with the new client
        return;
    }
    auto recorded = ConsentRecords(m_vault).record(release(), attachments());
    if (!recorded) {
        showError(m_form->error, recorded.message());
        return;
    }
    m_saved = recorded.value();
    QDialog::accept();
}

} // namespace hearth::ui
