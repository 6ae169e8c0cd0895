// The C API's cost (issue 15): (f) avtal_check() of the Norrström–Fjällviken
// agreement through libavtal.so.1, JSON in and the JSON report out, against
// (g) the same work through the C++ API, avtal::run_check(), in the same run.
// Target: (f) at most 10 % above (g). bench/run.sh prints both medians and
// the overhead, and times Python's avtal.check() per call (bench/python.py).
#include <avtal/avtal.h>
#include <avtal/io/commands.hpp>

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string norrstrom_json() {
    std::ifstream in{AVTAL_SOURCE_DIR "/examples/agreements/norrstrom-fjallviken.json"};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void capi_check(benchmark::State& state) {
    const std::string text = norrstrom_json();
    avtal_options o;
    avtal_options_init(&o);
    o.format = AVTAL_FORMAT_JSON;
    for (auto _ : state) {
        avtal_result* r = nullptr;
        if (avtal_check(text.data(), text.size(), &o, &r) != AVTAL_OK) state.SkipWithError("avtal_check failed");
        std::size_t n = 0;
        benchmark::DoNotOptimize(avtal_result_output(r, &n));
        benchmark::DoNotOptimize(n);
        avtal_result_free(r);
    }
}
BENCHMARK(capi_check)->Name("f_capi_avtal_check_json");

void cpp_run_check(benchmark::State& state) {
    const std::string text = norrstrom_json();
    avtal::CommandOptions o;
    o.format = avtal::Format::json;
    for (auto _ : state) {
        avtal::CommandResult r = avtal::run_check(avtal::Input{"-", text}, o);
        benchmark::DoNotOptimize(r.output.data());
    }
}
BENCHMARK(cpp_run_check)->Name("g_cpp_run_check_json");

} // namespace
