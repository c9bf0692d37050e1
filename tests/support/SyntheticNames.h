#pragma once

#include <span>

namespace hearth::test::names {

/// @brief A given name (UTF-8) and the nicknames it commonly goes by, comma separated.
struct GivenName
{
    const char* name;
    const char* nicknames;
};

/// @brief Names that go together in the synthetic population, and how common the group is.
struct NameGroup
{
    const char* label;
    double share; ///< of all clients; the shares add up to 1
    std::span<const GivenName> male;
    std::span<const GivenName> female;
    std::span<const char* const> surnames;
    double twoPartSurnames; ///< chance of "Garcia Lopez" style surnames
    double hyphenatedSurnames; ///< chance of "Smith-Jones"
};

/// The groups of the synthetic population: invented mixes of common US names, no real people.
std::span<const NameGroup> groups();

/// Street names and nicknames that are not derived from the given name.
std::span<const char* const> streetNames();

} // namespace hearth::test::names
