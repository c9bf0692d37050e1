# Layering checks: the build fails when core or sync reaches a layer above it.

# Fails configuration if TARGET links (directly) any of the given libraries.
function(hearth_forbid_dependencies target)
    get_target_property(_libs ${target} LINK_LIBRARIES)
    get_target_property(_ilibs ${target} INTERFACE_LINK_LIBRARIES)
    foreach(_forbidden IN LISTS ARGN)
        foreach(_lib IN LISTS _libs _ilibs)
            if(_lib MATCHES "^(\\$<LINK_ONLY:)?${_forbidden}>?$")
                message(FATAL_ERROR "Layering violation: ${target} must not link ${_forbidden}")
            endif()
        endforeach()
    endforeach()
endfunction()

# Adds a build step that fails when a source of TARGET includes a header whose path starts with PATTERN.
#   hearth_forbid_includes(<target> <pattern> [DIRECTORY <dir>] [ROOTS <a|b|...>])
# DIRECTORY narrows the check to one folder of the target (default: the target's source folder); ROOTS
# also requires every quoted include to start with one of those folders.
function(hearth_forbid_includes target pattern)
    cmake_parse_arguments(F "" "DIRECTORY;ROOTS;NAME" "" ${ARGN})
    get_target_property(_dir ${target} SOURCE_DIR)
    if(F_DIRECTORY)
        set(_dir "${F_DIRECTORY}")
    endif()
    set(_name ${target})
    if(F_NAME)
        set(_name ${F_NAME})
    endif()
    set(_stamp "${CMAKE_CURRENT_BINARY_DIR}/${_name}_layering.stamp")
    file(GLOB_RECURSE _sources CONFIGURE_DEPENDS "${_dir}/*.h" "${_dir}/*.cpp")
    set(_list "${CMAKE_CURRENT_BINARY_DIR}/${_name}_layering_sources.txt")
    file(WRITE "${_list}" "${_sources}")
    add_custom_command(OUTPUT "${_stamp}"
        COMMAND ${CMAKE_COMMAND} -DPATTERN=${pattern} "-DROOTS=${F_ROOTS}" -DSTAMP=${_stamp} -DTARGET=${_name}
                -DSOURCE_LIST=${_list} -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CheckIncludes.cmake"
        DEPENDS ${_sources} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CheckIncludes.cmake"
        COMMENT "Checking the includes of ${_name}" VERBATIM)
    add_custom_target(${_name}_layering ALL DEPENDS "${_stamp}")
    add_dependencies(${target} ${_name}_layering)
endfunction()
