// The Catch2 v2 test runner for all of avtal's unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
