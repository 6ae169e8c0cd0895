// Boost.JSON, header-only: its compiled part lives in exactly this file.
#include <boost/json/src.hpp>
