#include "ui/compliance/AutomaticChecksRunner.h"

#include <QThread>

namespace hearth::ui {

AutomaticChecksRunner::AutomaticChecksRunner(std::shared_ptr<const compliance::SystemProbe> probe, QObject* parent)
    : QObject(parent)
    , m_probe(std::move(probe))
{
}

void AutomaticChecksRunner::start(const compliance::Checklist& checklist, const compliance::HearthFacts& facts,
                                  const QDateTime& now)
{
    if (m_running)
        return;
    m_running = true;
    auto results = std::make_shared<QList<compliance::ItemResult>>();
    QThread* thread = QThread::create([probe = m_probe, checklist, facts, now, results] {
        *results = compliance::runAutomaticChecks(checklist, *probe, facts, now);
    });
    thread->setObjectName(QStringLiteral("complianceChecks"));
    // Queued to this object: Qt drops the call if the runner is gone by then.
    connect(thread, &QThread::finished, this, [this, results] {
        m_running = false;
        Q_EMIT finished(*results);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace hearth::ui
