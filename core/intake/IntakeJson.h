#pragma once

#include "core/intake/ClientProfile.h"
#include "core/intake/Enrollment.h"
#include "core/intake/Project.h"
#include "core/intake/ServiceRecord.h"

#include <QJsonObject>

namespace hearth {

/// @brief The JSON form of the intake records: how the store keeps them (inside the encrypted
/// database) and what the change log carries. Field names follow the HUD CSV columns where one exists.
namespace intake_json {

QJsonObject toJson(const ClientProfile& client);
ClientProfile clientFromJson(const QJsonObject& json);

QJsonObject toJson(const Project& project);
Project projectFromJson(const QJsonObject& json);

QJsonObject toJson(const Assessment& assessment);
Assessment assessmentFromJson(const QJsonObject& json);

QJsonObject toJson(const Enrollment& enrollment);
Enrollment enrollmentFromJson(const QJsonObject& json);

QJsonObject toJson(const ServiceRecord& service);
ServiceRecord serviceFromJson(const QJsonObject& json);

} // namespace intake_json
} // namespace hearth
