# The README's custom-rule code block is the region between the README
# markers of examples/readme_custom_rule.cpp, de-indented: so the snippet is
# compiled and run by ctest (example.readme_custom_rule).
#   README, EXAMPLE   the two files
cmake_minimum_required(VERSION 3.25)
file(READ "${EXAMPLE}" ex)
string(REGEX MATCH "// README:begin custom-rule\n(.*)    // README:end custom-rule" _ "${ex}")
set(code "${CMAKE_MATCH_1}")
string(REPLACE "\n    " "\n" code "${code}")
string(REGEX REPLACE "^    " "" code "${code}")
file(READ "${README}" readme)
string(FIND "${readme}" "```cpp\n${code}```" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md has no ```cpp block equal to the custom-rule region of ${EXAMPLE}:\n${code}")
endif()
