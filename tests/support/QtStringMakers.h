// Readable Catch2 failure output for the Qt value types the tests compare.
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <catch2/catch_tostring.hpp>

#include <string>

namespace Catch {
template<>
struct StringMaker<QString>
{
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
template<>
struct StringMaker<QStringList>
{
    static std::string convert(const QStringList& list)
    {
        return '[' + list.join(QStringLiteral(" | ")).toStdString() + ']';
    }
};
template<>
struct StringMaker<QDate>
{
    static std::string convert(const QDate& d) { return d.toString(Qt::ISODate).toStdString(); }
};
} // namespace Catch
