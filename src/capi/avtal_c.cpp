// The C API (include/avtal/avtal.h): a thin door onto the commands layer
// (avtal/io/commands.hpp), so that it answers every document byte for byte
// as the avtal command line does. Nothing but C types crosses the boundary:
// every entry point catches every exception, and only the avtal_ functions
// are exported (see avtal.map and -fvisibility=hidden).
#include <avtal/avtal.h>

#include <avtal/core/date.hpp>
#include <avtal/io/commands.hpp>
#include <avtal/law/check.hpp>

#include <cstddef>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>

struct avtal_result {
    int exit_code = 0;
    std::string output;
    std::string errors;
    std::string problems;
};

namespace {

using namespace avtal;

/// The version string, NUL-terminated (library_version is a string_view).
constexpr char version_string[] = "1.0.0";
static_assert(std::string_view{version_string} == library_version, "avtal_version() must follow avtal::library_version");

/// The options as the commands layer takes them, plus the names for messages.
struct Parsed {
    CommandOptions options;
    std::string_view source = "-";
    std::string_view thresholds_source = "thresholds";
    std::string_view thresholds_doc;
    bool has_thresholds = false;
};

/// The end of `field` in avtal_options: a caller's struct of `size` bytes holds it when `size >= end`.
#define AVTAL_END_OF(field) (offsetof(avtal_options, field) + sizeof(avtal_options::field))

/// A string option: none when null, the bytes otherwise.
bool read_string(const char* p, std::size_t len, std::string_view& out) {
    if (p == nullptr) return len == 0;
    out = std::string_view{p, len};
    return true;
}

/// Reads the caller's options; false when they are invalid. Fields beyond
/// the caller's `size` keep their defaults; bytes beyond this library's
/// struct must be zero (a newer caller asking for something this library
/// cannot do fails instead of being silently ignored).
bool parse_options(const avtal_options* opt, Parsed& parsed) {
    if (opt == nullptr) return true;
    const std::size_t size = opt->size;
    if (size < AVTAL_END_OF(all)) return false;
    if (size > sizeof(avtal_options)) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(opt);
        for (std::size_t i = sizeof(avtal_options); i < size; ++i)
            if (bytes[i] != 0) return false;
    }
    switch (opt->lang) {
    case AVTAL_LANG_SV: parsed.options.lang = Lang::sv; break;
    case AVTAL_LANG_EN: parsed.options.lang = Lang::en; break;
    default: return false;
    }
    switch (opt->format) {
    case AVTAL_FORMAT_TEXT: parsed.options.format = Format::text; break;
    case AVTAL_FORMAT_JSON: parsed.options.format = Format::json; break;
    case AVTAL_FORMAT_MARKDOWN: parsed.options.format = Format::markdown; break;
    default: return false;
    }
    parsed.options.all = opt->all != 0;
    if (size >= AVTAL_END_OF(reserved) && opt->reserved != 0) return false;
    if (size >= AVTAL_END_OF(date_len)) {
        std::string_view date;
        if (!read_string(opt->date, opt->date_len, date)) return false;
        if (opt->date != nullptr) {
            parsed.options.date = parse_date(date);
            if (!parsed.options.date) return false;
        }
    }
    if (size >= AVTAL_END_OF(thresholds_len)) {
        if (!read_string(opt->thresholds, opt->thresholds_len, parsed.thresholds_doc)) return false;
        parsed.has_thresholds = opt->thresholds != nullptr;
    }
    if (size >= AVTAL_END_OF(source_len)) {
        if (!read_string(opt->source, opt->source_len, parsed.source)) return false;
    }
    if (size >= AVTAL_END_OF(thresholds_source_len)) {
        if (!read_string(opt->thresholds_source, opt->thresholds_source_len, parsed.thresholds_source)) return false;
    }
    return true;
}

#undef AVTAL_END_OF

/// Hands a command's result to the caller.
avtal_status deliver(CommandResult&& r, avtal_result** out) {
    auto* result = new (std::nothrow) avtal_result;
    if (result == nullptr) return AVTAL_ERROR_OUT_OF_MEMORY;
    result->exit_code = r.exit_code;
    result->output = std::move(r.output);
    result->errors = std::move(r.errors);
    result->problems = std::move(r.problems);
    *out = result;
    return AVTAL_OK;
}

/// Runs `command(parsed)` behind the boundary: validates the arguments,
/// loads a threshold document, and turns every exception into a status.
template <typename Command>
avtal_status run(const avtal_options* opt, avtal_result** out, Command&& command) noexcept {
    if (out == nullptr) return AVTAL_ERROR_NULL_ARGUMENT;
    *out = nullptr;
    try {
        Parsed parsed;
        if (!parse_options(opt, parsed)) return AVTAL_ERROR_INVALID_OPTION;
        if (parsed.has_thresholds) {
            ThresholdLoad load = load_thresholds(parsed.thresholds_doc, parsed.thresholds_source);
            if (!load.table) {
                CommandResult bad;
                bad.exit_code = exit_bad_input;
                bad.errors = std::move(load.errors);
                return deliver(std::move(bad), out);
            }
            parsed.options.thresholds = std::move(load.table);
        }
        return deliver(command(parsed), out);
    } catch (const std::bad_alloc&) {
        return AVTAL_ERROR_OUT_OF_MEMORY;
    } catch (...) {
        return AVTAL_ERROR_INTERNAL;
    }
}

/// The document argument: null is allowed only for an empty document.
bool document(const char* json, std::size_t len, std::string_view& bytes) noexcept {
    if (json == nullptr) {
        bytes = {};
        return len == 0;
    }
    bytes = std::string_view{json, len};
    return true;
}

/// Runs `command(parsed, bytes)` on the text argument (`text`, `len`) behind
/// the boundary: a null text with a length is refused first.
template <typename Command>
avtal_status run_on(const char* text, std::size_t len, const avtal_options* opt, avtal_result** out, Command&& command) noexcept {
    std::string_view bytes;
    if (!document(text, len, bytes)) {
        if (out != nullptr) *out = nullptr;
        return AVTAL_ERROR_NULL_ARGUMENT;
    }
    return run(opt, out, [&](const Parsed& p) { return command(p, bytes); });
}

/// Runs a command on one document (check, allocate, forms, guide).
template <CommandResult (*Command)(const Input&, const CommandOptions&)>
avtal_status run_document(const char* json, std::size_t len, const avtal_options* opt, avtal_result** out) noexcept {
    return run_on(json, len, opt, out, [](const Parsed& p, std::string_view bytes) { return Command(Input{p.source, bytes}, p.options); });
}

/// `run_check` on one document, with no output sinks.
CommandResult check_one(const Input& input, const CommandOptions& options) { return run_check(input, options); }

/// Where an accessor's string comes from.
const char* view(const avtal_result* r, const std::string avtal_result::*field, std::size_t* len) noexcept {
    if (r == nullptr) {
        if (len != nullptr) *len = 0;
        return nullptr;
    }
    const std::string& s = r->*field;
    if (len != nullptr) *len = s.size();
    return s.c_str();
}

} // namespace

extern "C" {

avtal_status avtal_options_init(avtal_options* opt) {
    if (opt == nullptr) return AVTAL_ERROR_NULL_ARGUMENT;
    *opt = avtal_options{};
    opt->size = sizeof(avtal_options);
    return AVTAL_OK;
}

avtal_status avtal_check(const char* json, size_t len, const avtal_options* opt, avtal_result** out) {
    return run_document<check_one>(json, len, opt, out);
}

avtal_status avtal_allocate(const char* json, size_t len, const avtal_options* opt, avtal_result** out) {
    return run_document<run_allocate>(json, len, opt, out);
}

avtal_status avtal_thresholds(const avtal_options* opt, avtal_result** out) {
    return run(opt, out, [](const Parsed& p) { return run_thresholds(p.options); });
}

avtal_status avtal_forms(const char* json, size_t len, const avtal_options* opt, avtal_result** out) {
    return run_document<run_forms>(json, len, opt, out);
}

avtal_status avtal_explain(const char* id, size_t len, const avtal_options* opt, avtal_result** out) {
    return run_on(id, len, opt, out, [](const Parsed& p, std::string_view bytes) { return run_explain(bytes, p.options); });
}

avtal_status avtal_guide(const char* json, size_t len, const avtal_options* opt, avtal_result** out) {
    return run_document<run_guide>(json, len, opt, out);
}

int avtal_result_exit_code(const avtal_result* r) { return r == nullptr ? -1 : r->exit_code; }

const char* avtal_result_output(const avtal_result* r, size_t* len) { return view(r, &avtal_result::output, len); }

const char* avtal_result_problems(const avtal_result* r, size_t* len) { return view(r, &avtal_result::problems, len); }

const char* avtal_result_errors(const avtal_result* r, size_t* len) { return view(r, &avtal_result::errors, len); }

void avtal_result_free(avtal_result* r) { delete r; }

const char* avtal_status_string(int status) {
    switch (status) {
    case AVTAL_OK: return "ok";
    case AVTAL_ERROR_NULL_ARGUMENT: return "a required pointer argument is NULL";
    case AVTAL_ERROR_INVALID_OPTION: return "an option is invalid";
    case AVTAL_ERROR_OUT_OF_MEMORY: return "out of memory";
    case AVTAL_ERROR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

const char* avtal_version(void) { return version_string; }

int avtal_abi_version(void) { return AVTAL_ABI_VERSION; }

} // extern "C"
