// The C API from many threads at once: every document of the given files
// and folders (the fuzzer's corpus: the bundled agreements, the malformed
// documents, the CLI's inputs, the fuzzer's seeds and regressions) is first
// answered on one thread; then THREADS threads call the C API on different
// documents, in different formats and languages, for SECONDS seconds, and
// every answer must equal the first one byte for byte.
// Built under ThreadSanitizer (./build.sh tsan) and AddressSanitizer
// (./build.sh sanitize) it shows races and memory errors.
//   capi_stress SECONDS THREADS PATH...
// Only <avtal/avtal.h> is included: this is a C API client.
#include <avtal/avtal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Answer {
    int status = 0;
    int exit_code = 0;
    std::string output, errors, problems;
    bool operator==(const Answer&) const = default;
};

/// One way of calling the C API on a document.
struct Variant {
    const char* name;
    int command; // 0 check, 1 allocate, 2 forms, 3 guide
    int32_t lang, format, all;
    const char* date;
};

const Variant variants[] = {
    {"check json sv", 0, AVTAL_LANG_SV, AVTAL_FORMAT_JSON, 0, nullptr},
    {"check markdown en --all", 0, AVTAL_LANG_EN, AVTAL_FORMAT_MARKDOWN, 1, nullptr},
    {"check text sv --date", 0, AVTAL_LANG_SV, AVTAL_FORMAT_TEXT, 0, "2026-06-01"},
    {"allocate json", 1, AVTAL_LANG_SV, AVTAL_FORMAT_JSON, 0, nullptr},
    {"forms text en", 2, AVTAL_LANG_EN, AVTAL_FORMAT_TEXT, 0, nullptr},
    {"guide markdown sv", 3, AVTAL_LANG_SV, AVTAL_FORMAT_MARKDOWN, 0, nullptr},
};
constexpr std::size_t variant_count = std::size(variants);

std::string text_of(const char* p, std::size_t n) { return p == nullptr ? std::string{} : std::string{p, n}; }

Answer call(const std::string& doc, const Variant& v) {
    avtal_options o;
    avtal_options_init(&o);
    o.lang = v.lang;
    o.format = v.format;
    o.all = v.all;
    if (v.date != nullptr) {
        o.date = v.date;
        o.date_len = std::char_traits<char>::length(v.date);
    }
    avtal_result* r = nullptr;
    Answer a;
    switch (v.command) {
    case 0: a.status = avtal_check(doc.data(), doc.size(), &o, &r); break;
    case 1: a.status = avtal_allocate(doc.data(), doc.size(), &o, &r); break;
    case 2: a.status = avtal_forms(doc.data(), doc.size(), &o, &r); break;
    default: a.status = avtal_guide(doc.data(), doc.size(), &o, &r); break;
    }
    if (r != nullptr) {
        std::size_t n = 0;
        a.exit_code = avtal_result_exit_code(r);
        const char* s = avtal_result_output(r, &n);
        a.output = text_of(s, n);
        s = avtal_result_errors(r, &n);
        a.errors = text_of(s, n);
        s = avtal_result_problems(r, &n);
        a.problems = text_of(s, n);
        avtal_result_free(r);
    }
    return a;
}

void collect(const std::filesystem::path& p, std::vector<std::filesystem::path>& files) {
    if (std::filesystem::is_directory(p)) {
        for (const auto& e : std::filesystem::directory_iterator{p})
            if (e.is_regular_file()) files.push_back(e.path());
    } else {
        files.push_back(p);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: capi_stress SECONDS THREADS PATH...\n");
        return 2;
    }
    const double seconds = std::atof(argv[1]);
    const int threads = std::atoi(argv[2]);
    std::vector<std::filesystem::path> files;
    for (int i = 3; i < argc; ++i) collect(argv[i], files);
    std::sort(files.begin(), files.end());
    std::vector<std::string> docs;
    for (const auto& f : files) {
        std::ifstream in{f, std::ios::binary};
        docs.emplace_back(std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{});
    }
    if (docs.empty() || threads < 1) return 2;

    // The reference answers, on one thread.
    std::vector<Answer> expected(docs.size() * variant_count);
    for (std::size_t d = 0; d < docs.size(); ++d)
        for (std::size_t v = 0; v < variant_count; ++v) expected[d * variant_count + v] = call(docs[d], variants[v]);

    std::atomic<long> calls{0}, mismatches{0};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            // Each thread walks the documents from its own start, so that at
            // any moment the threads work on different documents.
            std::size_t i = static_cast<std::size_t>(t) * docs.size() / static_cast<std::size_t>(threads);
            long local = 0;
            do {
                const std::size_t d = i % docs.size();
                const std::size_t v = (i / docs.size() + static_cast<std::size_t>(t)) % variant_count;
                if (call(docs[d], variants[v]) != expected[d * variant_count + v]) {
                    if (mismatches++ < 5) std::fprintf(stderr, "differs: %s, %s\n", files[d].c_str(), variants[v].name);
                }
                ++i;
                ++local;
            } while (std::chrono::steady_clock::now() < deadline);
            calls += local;
        });
    for (auto& th : pool) th.join();

    std::printf("capi_stress: %zu documents x %zu variants, %d threads, %.1f s: %ld calls, %ld differ\n", docs.size(), variant_count, threads,
                seconds, calls.load(), mismatches.load());
    long failed_calls = 0;
    for (const Answer& a : expected) failed_calls += a.status != AVTAL_OK;
    if (failed_calls > 0) std::printf("capi_stress: %ld reference calls failed\n", failed_calls);
    return mismatches == 0 && failed_calls == 0 ? 0 : 1;
}
