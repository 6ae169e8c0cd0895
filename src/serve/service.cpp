// The endpoints of `avtal serve`. Each one is a thin door onto the same
// library call as the command line (avtal/io/commands.hpp), so that a
// document gets the same bytes back through HTTP as through `avtal check`.
#include "serve/service.hpp"

#include "serve/embedded.hpp"

#include <avtal/core/date.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/portfolio.hpp>
#include <avtal/law/check.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>

namespace avtal::detail {

namespace {

using namespace std::literals;

constexpr unsigned format_bit(Format f) noexcept { return 1U << static_cast<unsigned>(f); }
constexpr unsigned json_only = format_bit(Format::json);
constexpr unsigned json_text = format_bit(Format::json) | format_bit(Format::text);
constexpr unsigned all_formats = json_text | format_bit(Format::markdown);
/// An endpoint whose `?format=` is not a `Format` (the portfolio's
/// markdown, text, json, html, svg): its handler reads it from the query.
constexpr unsigned own_formats = 0;
constexpr std::string_view portfolio_params = "party,all_parties,year,lang,format,date";

std::string_view media_type_of(Format f) noexcept {
    switch (f) {
    case Format::text: return "text/plain; charset=utf-8";
    case Format::markdown: return "text/markdown; charset=utf-8";
    default: return "application/json";
    }
}

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Percent-decoding (RFC 3986), `+` as a space in a query; null on a bad escape.
std::optional<std::string> percent_decode(std::string_view s, bool query) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            const int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (query && s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out{s};
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// Whether a request body's Content-Type is one the JSON endpoints read.
/// curl's default for `--data-binary` (form-urlencoded) is accepted, so that
/// the plainest call works; anything that is clearly not JSON is refused.
bool acceptable_body_type(std::string_view value) {
    const std::string v = lower(value);
    const std::string_view all{v};
    const std::string_view type = trim(all.substr(0, all.find(';')));
    if (const auto semi = all.find(';'); semi != std::string_view::npos) {
        const std::string_view params = all.substr(semi + 1);
        if (const auto cs = params.find("charset="); cs != std::string_view::npos) {
            std::string_view charset = trim(params.substr(cs + 8));
            charset = charset.substr(0, charset.find(';'));
            if (charset.size() >= 2 && charset.front() == '"') charset = charset.substr(1, charset.size() - 2);
            if (charset != "utf-8" && charset != "utf8") return false;
        }
    }
    return type.empty() || type == "application/json" || type == "application/x-ndjson" || type == "application/jsonl" ||
           type == "application/json-lines" || type == "text/plain" || type == "application/x-www-form-urlencoded" ||
           (type.starts_with("application/") && type.ends_with("+json"));
}

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

std::string text_json(const Text& t) { return "{\"sv\":" + json::quote(t.sv) + ",\"en\":" + json::quote(t.en) + "}"; }

std::string rule_json(const RuleInfo& i) {
    return "{\"id\":" + json::quote(i.id) + ",\"kind\":\"rule\",\"severity\":\"" + std::string{to_string(i.severity)} +
           "\",\"title\":" + text_json(i.title) + ",\"citation\":" + json::quote(i.citation) + ",\"source\":" + json::quote(i.source) +
           ",\"violation\":" + text_json(i.violation) + "}";
}

std::string exception_json(const PredicateInfo& i) {
    return "{\"id\":" + json::quote(i.id) + ",\"kind\":\"exception\",\"text\":" + text_json(i.text) + ",\"citation\":" + json::quote(i.citation) +
           "}";
}

std::string_view find_document(std::string_view name) {
    for (const EmbeddedFile& f : embedded_documents())
        if (f.name == name) return f.bytes;
    return {};
}

const EmbeddedFile* find_asset(std::string_view path) {
    if (path == "/") path = "/index.html";
    for (const EmbeddedFile& f : embedded_web_assets())
        if (f.name == path) return &f;
    return nullptr;
}

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        const auto nl = s.find('\n');
        out.push_back(s.substr(0, nl));
        if (nl == std::string_view::npos) break;
        s.remove_prefix(nl + 1);
    }
    return out;
}

/// Content-Security-Policy of the API's own answers: nothing may load.
constexpr std::string_view api_csp = "default-src 'none'; frame-ancestors 'none'";
/// Content-Security-Policy of the web page: its own files only, no inline
/// script or style, no framing, forms and fetches to this origin only.
constexpr std::string_view web_csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                                     "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

} // namespace

/// One route: its path (`{id}` as the last segment stands for a rule id),
/// its method, its query parameters and formats, and its handler.
struct Endpoint {
    std::string_view path;
    http::verb method;
    Reply (Service::*handler)(const Request&, Call&) const;
    std::string_view params;      ///< Query parameters it takes, comma-separated.
    unsigned formats = json_only; ///< `?format=` values it takes.
    Format default_format = Format::json;
    bool reads_body = false;   ///< A POST with a JSON body.
    bool open = false;         ///< Answers without the bearer token (probes).
    std::string_view document; ///< For a document endpoint, the embedded document's key.
};

const std::vector<Endpoint>& Service::endpoints() {
    static const std::vector<Endpoint> table = [] {
        std::vector<Endpoint> t = {
            {"/v1/check", http::verb::post, &Service::check, "lang,format,all,explain,date", all_formats, Format::json, true, false, {}},
            {"/v1/check/batch", http::verb::post, &Service::batch, "lang,all,date", json_only, Format::json, true, false, {}},
            {"/v1/allocate", http::verb::post, &Service::on_body<run_allocate>, "lang,format,date", json_text, Format::json, true, false, {}},
            {"/v1/thresholds", http::verb::get, &Service::thresholds, "lang,format,date", json_text, Format::json, false, false, {}},
            {"/v1/rules", http::verb::get, &Service::rules, "lang", json_only, Format::json, false, false, {}},
            {"/v1/rules/{id}", http::verb::get, &Service::rule, "lang,format", json_text, Format::json, false, false, {}},
            {"/v1/forms", http::verb::post, &Service::on_body<run_forms>, "lang,format", json_text, Format::json, true, false, {}},
            {"/v1/guide", http::verb::post, &Service::on_body<run_guide>, "lang,format,date", all_formats, Format::markdown, true, false, {}},
            {"/v1/openapi.json", http::verb::get, &Service::document, "", json_only, Format::json, false, false, "openapi"},
            {"/v1/schema/agreement", http::verb::get, &Service::document, "", json_only, Format::json, false, false, "agreement-schema"},
            {"/healthz", http::verb::get, &Service::healthz, "", json_only, Format::json, false, true, {}},
            {"/readyz", http::verb::get, &Service::readyz, "", json_only, Format::json, false, true, {}},
            {"/metrics", http::verb::get, &Service::metrics_page, "", json_only, Format::json, false, false, {}},
            {"/v1/portfolio", http::verb::post, &Service::portfolio, portfolio_params, own_formats, Format::json, true, false, {}},
        };
        return t;
    }();
    return table;
}

// ---- Metrics -------------------------------------------------------------------

void Metrics::record(std::string_view endpoint, unsigned status, std::chrono::nanoseconds duration, std::size_t bad_inputs) {
    const double seconds = std::chrono::duration<double>(duration).count();
    const auto bucket = static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), seconds) - bounds.begin());
    const std::lock_guard lock{mutex_};
    auto it = series_.find(endpoint);
    if (it == series_.end()) it = series_.emplace(std::string{endpoint}, Series{}).first;
    Series& s = it->second;
    ++s.by_status[status];
    ++s.buckets[bucket];
    s.seconds += seconds;
    ++s.count;
    s.bad_inputs += bad_inputs;
}

std::string Metrics::text() const {
    std::string out;
    const auto number = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.9g", v);
        return std::string{buf};
    };
    const std::lock_guard lock{mutex_};
    out += "# HELP avtal_http_requests_total HTTP requests answered, by endpoint and status.\n"
           "# TYPE avtal_http_requests_total counter\n";
    for (const auto& [name, s] : series_)
        for (const auto& [status, n] : s.by_status)
            out += "avtal_http_requests_total{endpoint=\"" + name + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
    out += "# HELP avtal_http_request_duration_seconds Time from a request's header to its answer.\n"
           "# TYPE avtal_http_request_duration_seconds histogram\n";
    for (const auto& [name, s] : series_) {
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b <= bounds.size(); ++b) {
            cumulative += s.buckets[b];
            out += "avtal_http_request_duration_seconds_bucket{endpoint=\"" + name + "\",le=\"" + (b < bounds.size() ? number(bounds[b]) : "+Inf") +
                   "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "avtal_http_request_duration_seconds_sum{endpoint=\"" + name + "\"} " + number(s.seconds) + "\n";
        out += "avtal_http_request_duration_seconds_count{endpoint=\"" + name + "\"} " + std::to_string(s.count) + "\n";
    }
    out += "# HELP avtal_bad_inputs_total Documents that could not be read (each answered as avtal-error/1).\n"
           "# TYPE avtal_bad_inputs_total counter\n";
    for (const auto& [name, s] : series_)
        if (s.bad_inputs) out += "avtal_bad_inputs_total{endpoint=\"" + name + "\"} " + std::to_string(s.bad_inputs) + "\n";
    out += "# HELP avtal_http_malformed_requests_total Requests that were not valid HTTP, too large or not in time.\n"
           "# TYPE avtal_http_malformed_requests_total counter\n"
           "avtal_http_malformed_requests_total " +
           std::to_string(malformed_.load(std::memory_order_relaxed)) + "\n";
    out += "# HELP avtal_http_connections Open connections.\n# TYPE avtal_http_connections gauge\navtal_http_connections " +
           std::to_string(connections_.load(std::memory_order_relaxed)) + "\n";
    out += "# HELP avtal_http_connections_rejected_total Connections refused for the connection limit.\n"
           "# TYPE avtal_http_connections_rejected_total counter\n"
           "avtal_http_connections_rejected_total " +
           std::to_string(rejected_.load(std::memory_order_relaxed)) + "\n";
    return out;
}

// ---- Access log ----------------------------------------------------------------

AccessLog::AccessLog(const std::string& where) {
    if (where == "off") return;
    if (where == "-") {
        file_ = stderr;
        return;
    }
    file_ = std::fopen(where.c_str(), "a");
    owned_ = file_ != nullptr;
    ok_ = file_ != nullptr;
}

AccessLog::~AccessLog() {
    if (owned_) std::fclose(file_);
}

void AccessLog::write(std::string_view method, std::string_view path, unsigned status, std::size_t bytes, std::chrono::nanoseconds duration) {
    if (!file_) return;
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char when[96];
    std::snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                  tm.tm_sec, static_cast<int>(ms));
    char tail[96];
    std::snprintf(tail, sizeof tail, ",\"status\":%u,\"bytes\":%zu,\"duration_ms\":%.3f}\n", status, bytes,
                  std::chrono::duration<double, std::milli>(duration).count());
    const std::string line = std::string{"{\"time\":\""} + when + "\",\"method\":" + json::quote(method) + ",\"path\":" + json::quote(path) + tail;
    const std::lock_guard lock{mutex_};
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
}

// ---- Service -------------------------------------------------------------------

Service::Service(ServeOptions options, std::shared_ptr<const ThresholdTable> thresholds, std::string token)
    : options_{std::move(options)}, thresholds_{std::move(thresholds)}, token_{std::move(token)}, log_{options_.access_log} {}

Reply Service::problem(http::status status, std::string_view detail, std::string_view type, std::string_view extra_members) {
    Reply r;
    r.status = status;
    r.content_type = "application/problem+json";
    const std::string_view reason = http::obsolete_reason(status);
    r.body = "{\"type\":" + json::quote(type.empty() ? "about:blank"sv : type) + ",\"title\":" + json::quote(reason) +
             ",\"status\":" + std::to_string(static_cast<unsigned>(status)) + ",\"detail\":" + json::quote(detail);
    if (!extra_members.empty()) r.body += "," + std::string{extra_members};
    r.body += "}\n";
    return r;
}

std::optional<Reply> Service::read_query(std::string_view query, Call& call) const {
    const Endpoint& e = *call.endpoint;
    call.options.format = e.default_format;
    call.options.thresholds = thresholds_;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), true);
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
        if (!key || !value) return problem(http::status::bad_request, "The query has a bad percent-escape.");
        bool known = false;
        for (std::string_view rest = e.params; !rest.empty();) {
            const auto comma = rest.find(',');
            known = known || rest.substr(0, comma) == *key;
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        if (!known)
            return problem(http::status::bad_request, "Unknown query parameter '" + *key + "' for " + std::string{e.path} +
                                                          (e.params.empty() ? " (it takes none)." : " (it takes: " + std::string{e.params} + ")."));
        for (const auto& [k, v] : call.query)
            if (k == *key) return problem(http::status::bad_request, "The query parameter '" + *key + "' is given twice.");
        if (*key == "lang") {
            if (*value != "sv" && *value != "en") return problem(http::status::bad_request, "lang must be sv or en.");
            call.options.lang = *value == "sv" ? Lang::sv : Lang::en;
        } else if (*key == "format" && e.formats != own_formats) {
            const auto f = enum_from_string<Format>(*value);
            if (!f || !(e.formats & format_bit(*f))) {
                std::string allowed;
                for_each_enumerator<Format>([&](Format x) {
                    if (e.formats & format_bit(x)) allowed += (allowed.empty() ? "" : ", ") + std::string{to_string(x)};
                });
                return problem(http::status::bad_request, "format must be one of: " + allowed + ".");
            }
            call.options.format = *f;
        } else if (*key == "all" || *key == "explain") { // flags: true, false, 1, 0 or empty (true)
            if (*value != "true" && *value != "false" && *value != "1" && *value != "0" && !value->empty())
                return problem(http::status::bad_request, *key + " must be true or false.");
            (*key == "all" ? call.options.all : call.options.explain) = *value != "false" && *value != "0";
        } else if (*key == "date") {
            call.options.date = parse_date(*value);
            if (!call.options.date) return problem(http::status::bad_request, "date must be an existing date YYYY-MM-DD, not '" + *value + "'.");
        }
        call.query.emplace_back(std::move(*key), std::move(*value));
    }
    return std::nullopt;
}

Call Service::route(const Request& header) const {
    Call call;
    call.start = std::chrono::steady_clock::now();
    const std::string_view target = header.target();
    if (target.empty() || target.front() != '/') {
        call.early = problem(http::status::bad_request, "The request target must be a path (origin-form), e.g. /v1/check.");
        return call;
    }
    const auto q = target.find('?');
    const auto path = percent_decode(target.substr(0, q), false);
    if (!path || path->find('\0') != std::string::npos) {
        call.early = problem(http::status::bad_request, "The request path has a bad percent-escape.");
        return call;
    }
    const bool get_like = header.method() == http::verb::get || header.method() == http::verb::head;
    for (const Endpoint& e : endpoints()) {
        std::string_view pattern = e.path;
        if (pattern.ends_with("{id}")) {
            pattern.remove_suffix(4);
            const std::string_view p{*path};
            if (!p.starts_with(pattern) || p.size() == pattern.size() || p.find('/', pattern.size()) != std::string_view::npos) continue;
            call.param = p.substr(pattern.size());
        } else if (*path != pattern) {
            continue;
        }
        call.endpoint = &e;
        call.name = e.path;
        break;
    }
    if (!call.endpoint) {
        // Outside /v1, GET may fetch an embedded file of the web page; no
        // path is ever looked up on disk.
        if (get_like && !path->starts_with("/v1/") && (find_asset(*path) || *path == "/")) {
            call.name = "static";
            return call;
        }
        call.early = problem(http::status::not_found, "No endpoint at " + *path + "; the API is described at /v1/openapi.json.");
        return call;
    }
    const Endpoint& e = *call.endpoint;
    const std::string allow = e.method == http::verb::get ? "GET, HEAD" : "POST";
    const bool cors = !options_.cors_origin.empty();
    if (header.method() == http::verb::options && cors) {
        Reply r;
        r.status = http::status::no_content;
        r.content_type.clear();
        r.headers = {{"Allow", allow + ", OPTIONS"},
                     {"Access-Control-Allow-Methods", allow + ", OPTIONS"},
                     {"Access-Control-Allow-Headers", "Content-Type, Authorization"},
                     {"Access-Control-Max-Age", "600"}};
        call.early = std::move(r);
        return call;
    }
    if (!(header.method() == e.method || (e.method == http::verb::get && header.method() == http::verb::head))) {
        Reply r =
            problem(http::status::method_not_allowed, std::string{e.path} + " takes " + allow + ", not " + std::string{header.method_string()} + ".");
        r.headers.emplace_back("Allow", cors ? allow + ", OPTIONS" : allow);
        call.early = std::move(r);
        return call;
    }
    if (!token_.empty() && !e.open) {
        const std::string_view auth = header[http::field::authorization];
        const bool bearer = auth.size() > 7 && lower(auth.substr(0, 7)) == "bearer ";
        if (!bearer || !constant_time_equal(trim(auth.substr(7)), token_)) {
            Reply r = problem(http::status::unauthorized, "This service needs 'Authorization: Bearer TOKEN'.");
            r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"avtal\"");
            call.early = std::move(r);
            return call;
        }
    }
    if (auto bad = read_query(q == std::string_view::npos ? std::string_view{} : target.substr(q + 1), call)) {
        call.early = std::move(bad);
        return call;
    }
    if (e.reads_body && !acceptable_body_type(header[http::field::content_type])) {
        Reply r = problem(http::status::unsupported_media_type,
                          "The body must be JSON (application/json) or JSON Lines (application/x-ndjson) in UTF-8, not " +
                              std::string{header[http::field::content_type]} + ".");
        r.headers.emplace_back("Accept-Post", "application/json, application/x-ndjson");
        call.early = std::move(r);
    }
    return call;
}

Reply Service::answer(const Request& request, Call& call) const {
    if (call.early) return *call.early;
    if (!call.endpoint) return web(request, call);
    return (this->*(call.endpoint->handler))(request, call);
}

namespace {

/// A command's error lines as a problem's detail: without the final line breaks.
std::string_view error_detail(const CommandResult& result) noexcept {
    std::string_view detail{result.errors};
    while (!detail.empty() && detail.back() == '\n') detail.remove_suffix(1);
    return detail;
}

/// A command's output as the answer, in the media type of `format`.
Reply output_of(CommandResult&& result, Format format) {
    Reply out;
    out.content_type = media_type_of(format);
    out.body = std::move(result.output);
    return out;
}

} // namespace

std::optional<Reply> Service::bad_input(const CommandResult& result, Call& call) const {
    if (result.exit_code != exit_bad_input) return std::nullopt;
    const std::string_view detail = error_detail(result);
    if (result.problems.empty()) return problem(http::status::internal_server_error, detail);
    call.bad_inputs += lines_of(result.problems).size();
    return invalid_documents(detail, result.problems);
}

Reply Service::invalid_documents(std::string_view detail, std::string_view problems) {
    std::string errors = "\"errors\":[";
    bool first = true;
    for (std::string_view line : lines_of(problems)) {
        errors += first ? "" : ",";
        errors += line;
        first = false;
    }
    errors += "]";
    return problem(http::status::bad_request, detail, "urn:avtal:problem:invalid-document", errors);
}

Reply Service::reply_to(CommandResult&& result, Call& c) const {
    if (auto bad = bad_input(result, c)) return std::move(*bad);
    return output_of(std::move(result), c.options.format);
}

Reply Service::check(const Request& r, Call& c) const {
    if (const std::string_view body = trim(r.body()); !body.empty() && body.front() == '[')
        return problem(http::status::bad_request, "POST /v1/check takes one agreement; send an array to /v1/check/batch.");
    CommandResult result = run_check(Input{"request", r.body()}, c.options);
    const int exit_code = result.exit_code;
    Reply out = reply_to(std::move(result), c);
    if (exit_code != exit_bad_input) out.headers.emplace_back("Avtal-Exit-Code", std::to_string(exit_code));
    return out;
}

Reply Service::batch(const Request& r, Call& c) const {
    const CommandResult result = run_check(Input{"request", r.body()}, c.options);
    // One result per input in the order sent: run_check writes an
    // avtal-error/1 line in place of each document it cannot read.
    const auto lines = lines_of(result.output);
    const auto errors = lines_of(result.problems);
    const std::string_view body = trim(r.body());
    const bool array = !body.empty() && body.front() == '[';
    Reply out;
    out.content_type = array ? "application/json" : "application/x-ndjson";
    std::string& s = out.body;
    s = array ? "[" : "";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (array) s += i ? "," : "";
        s += lines[i];
        if (!array) s += '\n';
    }
    if (array) s += "]\n";
    c.bad_inputs = errors.size();
    if (result.exit_code == exit_bad_input && errors.empty()) return problem(http::status::internal_server_error, result.errors);
    out.headers.emplace_back("Avtal-Exit-Code", std::to_string(result.exit_code));
    return out;
}

template <CommandResult (*run)(const Input&, const CommandOptions&)>
Reply Service::on_body(const Request& r, Call& c) const {
    return reply_to(run(Input{"request", r.body()}, c.options), c);
}

namespace {

std::string_view portfolio_media_type(std::string_view format) noexcept {
    if (format == "markdown") return "text/markdown; charset=utf-8";
    if (format == "text") return "text/plain; charset=utf-8";
    if (format == "html") return "text/html; charset=utf-8";
    if (format == "svg") return "image/svg+xml";
    return "application/json";
}

/// The documents of a portfolio request: the body itself (one agreement, a
/// JSON array or JSON Lines), or, when it is an object with `documents`, each
/// `{"source": NAME, "text": BYTES}` in it (several files under their own
/// names, as the web page sends them). Null when `documents` is malformed.
std::optional<std::vector<std::pair<std::string, std::string>>> portfolio_documents(std::string_view body) {
    std::vector<std::pair<std::string, std::string>> docs;
    const std::string_view t = trim(body);
    if (!t.empty() && t.front() == '{') {
        boost::system::error_code ec;
        const boost::json::value v = boost::json::parse(t, ec);
        const boost::json::object* o = ec ? nullptr : v.if_object();
        if (o && o->contains("documents")) {
            const boost::json::array* a = o->at("documents").if_array();
            if (!a || a->empty() || o->size() != 1) return std::nullopt;
            for (const boost::json::value& d : *a) {
                const boost::json::object* e = d.if_object();
                const boost::json::string* name = e && e->size() == 2 && e->contains("source") ? e->at("source").if_string() : nullptr;
                const boost::json::string* text = e && e->contains("text") ? e->at("text").if_string() : nullptr;
                if (!name || !text || name->empty()) return std::nullopt;
                docs.emplace_back(std::string{*name}, std::string{*text});
            }
            return docs;
        }
    }
    docs.emplace_back("request", std::string{body});
    return docs;
}

} // namespace

Reply Service::portfolio(const Request& r, Call& c) const {
    PortfolioCommand command;
    command.format = "json";
    for (const auto& [key, value] : c.query) {
        if (key == "party") {
            command.party = value;
        } else if (key == "all_parties") {
            if (value != "true" && value != "false" && value != "1" && value != "0" && !value.empty())
                return problem(http::status::bad_request, "all_parties must be true or false.");
            command.all_parties = value != "false" && value != "0";
        } else if (key == "year") {
            std::int32_t y = 0;
            const char* end = value.data() + value.size();
            if (value.size() != 4 || std::from_chars(value.data(), end, y).ptr != end)
                return problem(http::status::bad_request, "year must be a year YYYY, not '" + value + "'.");
            command.year = y;
        } else if (key == "format") {
            if (!enum_from_string<PortfolioFormat>(value))
                return problem(http::status::bad_request, "format must be one of: markdown, text, json, html, svg.");
            command.format = value;
        }
    }
    if (!command.all_parties && command.party.empty())
        return problem(http::status::bad_request, "POST /v1/portfolio needs party=ID or all_parties=true.");
    const auto documents = portfolio_documents(r.body());
    if (!documents)
        return problem(
            http::status::bad_request,
            "A portfolio body with 'documents' must be {\"documents\": [{\"source\": NAME, \"text\": AGREEMENTS}, ...]} and nothing else.");
    std::vector<Input> inputs;
    inputs.reserve(documents->size());
    for (const auto& [source, text] : *documents) inputs.push_back(Input{source, text});
    CommandResult result = run_portfolio(inputs, command, c.options);
    c.bad_inputs = lines_of(result.problems).size();
    // No readable agreement names the party and every document was read (or
    // nothing could be written): a problem. With some document unreadable the
    // report is the answer: it lists them (and says when the party was
    // therefore not found), they are counted in Avtal-Unreadable, and the
    // exit code is 2.
    if (result.output.empty() || (result.exit_code == exit_bad_input && result.problems.empty()))
        return result.problems.empty() ? problem(http::status::bad_request, error_detail(result))
                                       : invalid_documents(error_detail(result), result.problems);
    Reply out;
    out.content_type = portfolio_media_type(command.format);
    out.body = std::move(result.output);
    out.headers.emplace_back("Avtal-Exit-Code", std::to_string(result.exit_code));
    out.headers.emplace_back("Avtal-Unreadable", std::to_string(c.bad_inputs));
    return out;
}

Reply Service::thresholds(const Request&, Call& c) const {
    CommandResult result = run_thresholds(c.options);
    if (result.exit_code == exit_bad_input) return problem(http::status::not_found, error_detail(result));
    return output_of(std::move(result), c.options.format);
}

Reply Service::rules(const Request&, Call&) const {
    Reply out;
    out.body = "{\"schema\":\"avtal-rules/1\",\"library_version\":" + json::quote(library_version) +
               ",\"rules_version\":" + json::quote(rules_version) + ",\"rules\":[";
    bool first = true;
    for (const Rule& rule : builtin_rules()) {
        out.body += first ? "" : ",";
        out.body += rule_json(rule.info());
        first = false;
    }
    out.body += "],\"exceptions\":[";
    first = true;
    for (const auto& e : builtin_exceptions()) {
        out.body += first ? "" : ",";
        out.body += exception_json(e.info());
        first = false;
    }
    out.body += "]}\n";
    return out;
}

Reply Service::rule(const Request&, Call& c) const {
    const Rule* rule = find_rule(c.param);
    const auto* exception = rule ? nullptr : find_exception(c.param);
    if (!rule && !exception) return problem(http::status::not_found, "Unknown rule " + c.param + "; GET /v1/rules lists them.");
    if (c.options.format == Format::text) return output_of(run_explain(c.param, c.options), Format::text);
    Reply out;
    out.body = (rule ? rule_json(rule->info()) : exception_json(exception->info())) + "\n";
    return out;
}

Reply Service::document(const Request&, Call& c) const {
    Reply out;
    out.content_type = c.endpoint->document == "openapi" ? "application/json" : "application/schema+json";
    out.body = std::string{find_document(c.endpoint->document)};
    return out;
}

Reply Service::healthz(const Request&, Call&) const {
    Reply out;
    out.body = "{\"status\":\"ok\",\"library_version\":" + json::quote(library_version) + ",\"rules_version\":" + json::quote(rules_version) + "}\n";
    return out;
}

Reply Service::readyz(const Request&, Call&) const {
    if (!ready.load()) {
        Reply r = problem(http::status::service_unavailable, "The service is starting or stopping.");
        r.headers.emplace_back("Retry-After", "1");
        return r;
    }
    Reply out;
    out.body = "{\"status\":\"ready\"}\n";
    return out;
}

Reply Service::metrics_page(const Request&, Call&) const {
    Reply out;
    out.content_type = "text/plain; version=0.0.4; charset=utf-8";
    out.body = metrics_.text();
    return out;
}

Reply Service::web(const Request& r, Call&) const {
    const std::string_view target = r.target();
    const std::string path{target.substr(0, target.find('?'))};
    if (const EmbeddedFile* f = find_asset(path)) {
        Reply out;
        out.content_type = f->content_type;
        out.body = f->bytes;
        out.web_asset = true;
        return out;
    }
    // No page built in: a small index of the API.
    Reply out;
    out.body = "{\"service\":\"avtal\",\"library_version\":" + json::quote(library_version) + ",\"openapi\":\"/v1/openapi.json\"}\n";
    return out;
}

http::response<http::string_body> Service::finish(const Request& request, Reply reply) const {
    http::response<http::string_body> res{reply.status, request.version()};
    if (!reply.content_type.empty()) res.set(http::field::content_type, reply.content_type);
    for (auto& [name, value] : reply.headers) res.set(name, value);
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "no-referrer");
    res.set("X-Frame-Options", "DENY");
    res.set("Content-Security-Policy", reply.web_asset ? web_csp : api_csp);
    res.set(http::field::cache_control, reply.web_asset ? "no-cache" : "no-store");
    if (!options_.cors_origin.empty()) {
        const std::string_view origin = request[http::field::origin];
        if (options_.cors_origin == "*") {
            res.set(http::field::access_control_allow_origin, "*");
        } else if (origin == options_.cors_origin) {
            res.set(http::field::access_control_allow_origin, origin);
            res.set(http::field::vary, "Origin");
        }
        res.set(http::field::access_control_expose_headers, "Avtal-Exit-Code, Avtal-Unreadable");
    }
    res.keep_alive(request.keep_alive() && !reply.close);
    res.body() = std::move(reply.body);
    res.prepare_payload();
    if (request.method() == http::verb::head) res.body().clear();
    return res;
}

void Service::record(std::string_view method, std::string_view path, const Call& call, unsigned status, std::size_t bytes) {
    const auto duration = std::chrono::steady_clock::now() - call.start;
    metrics_.record(call.name, status, duration, call.bad_inputs);
    log_.write(method, path, status, bytes, duration);
}

} // namespace avtal::detail
