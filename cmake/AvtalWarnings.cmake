# Warnings (as errors) and instrumentation for avtal's own targets only;
# consumers of the installed package get none of these flags.
function(avtal_project_target target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
                                             -Woverloaded-virtual -Wimplicit-fallthrough)
    if(AVTAL_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  if(AVTAL_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${AVTAL_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${AVTAL_SANITIZE})
  endif()
  if(AVTAL_COVERAGE)
    target_compile_options(${target} PRIVATE --coverage -O0 -g)
    target_link_options(${target} PRIVATE --coverage)
  endif()
endfunction()
