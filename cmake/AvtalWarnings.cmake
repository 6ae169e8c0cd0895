# Warnings (as errors) and instrumentation for avtal's own targets only;
# consumers of the installed package get none of these flags.
function(avtal_project_target target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wcast-align -Wimplicit-fallthrough
                                             $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual>)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      # g++ 12 at -O3 reports std::string concatenation as overlapping
      # memcpy (-Wrestrict false positive, GCC bug 105329).
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(AVTAL_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  if(AVTAL_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${AVTAL_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${AVTAL_SANITIZE})
  endif()
  if(AVTAL_COVERAGE)
    # Atomic counters: the service, the C API and their tests run many threads,
    # and racy counter updates give gcov negative branch counts.
    target_compile_options(${target} PRIVATE --coverage -fprofile-update=atomic -O0 -g)
    target_link_options(${target} PRIVATE --coverage)
  endif()
endfunction()
