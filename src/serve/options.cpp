// Command-line options of `avtal serve`.
#include "serve/serve.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <limits>
#include <string_view>
#include <system_error>

namespace avtal {

namespace {

const char* const usage_text = "usage: avtal serve [--bind ADDRESS] [--port N] [--threads N] [--thresholds FILE]\n"
                               "                   [--max-body SIZE] [--max-header SIZE] [--max-connections N]\n"
                               "                   [--read-timeout SECONDS] [--cors ORIGIN] [--token-file FILE]\n"
                               "                   [--access-log -|off|FILE]\n"
                               "\n"
                               "Serves the avtal checks over HTTP/JSON (OpenAPI at /v1/openapi.json) and\n"
                               "prints the URL it listens on. Defaults: --bind 127.0.0.1 --port 8080 (0 picks a\n"
                               "free port), one thread per core, --max-body 1MiB, --max-header 16KiB,\n"
                               "--max-connections 4096, --read-timeout 10 (a request must arrive within it;\n"
                               "also the keep-alive idle limit), access log as JSON Lines on standard error.\n"
                               "SIZE is bytes, or a number with KiB or MiB. CORS is off unless --cors is\n"
                               "given; with --token-file every /v1 request needs 'Authorization: Bearer\n"
                               "TOKEN' (the file's first line). SIGINT or SIGTERM stops it gracefully.\n";

std::optional<std::uint64_t> parse_unsigned(std::string_view s) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

/// "1048576", "1024KiB", "1MiB" (also "KB"/"K" and "MB"/"M", as powers of two).
std::optional<std::size_t> parse_size(std::string_view s) {
    std::uint64_t unit = 1;
    for (const auto& [suffix, factor] : {std::pair<std::string_view, std::uint64_t>{"KiB", 1U << 10},
                                         {"MiB", 1U << 20},
                                         {"KB", 1U << 10},
                                         {"MB", 1U << 20},
                                         {"K", 1U << 10},
                                         {"M", 1U << 20}})
        if (s.size() > suffix.size() && s.ends_with(suffix)) {
            s.remove_suffix(suffix.size());
            unit = factor;
            break;
        }
    const auto v = parse_unsigned(s);
    if (!v || *v == 0 || *v > (std::uint64_t{1} << 40) / unit) return std::nullopt;
    return static_cast<std::size_t>(*v * unit);
}

} // namespace

const char* serve_usage() noexcept { return usage_text; }

std::optional<ServeOptions> parse_serve_options(std::span<const std::string> args, std::string& error) {
    ServeOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& w = args[i];
        if (i + 1 >= args.size()) {
            error = w.starts_with("--") ? w + " needs a value" : "unexpected argument " + w;
            return std::nullopt;
        }
        const std::string& v = args[++i];
        const auto number = [&](std::uint64_t max) -> std::optional<std::uint64_t> {
            auto n = parse_unsigned(v);
            if (!n || *n > max) error = "invalid " + w + " " + v;
            return n && *n <= max ? n : std::nullopt;
        };
        if (w == "--bind") {
            o.bind = v;
        } else if (w == "--port") {
            const auto n = number(65535);
            if (!n) return std::nullopt;
            o.port = static_cast<std::uint16_t>(*n);
        } else if (w == "--threads") {
            const auto n = number(256);
            if (!n) return std::nullopt;
            o.threads = static_cast<unsigned>(*n);
        } else if (w == "--max-connections") {
            const auto n = number(1'000'000);
            if (!n || *n == 0) {
                error = "invalid " + w + " " + v;
                return std::nullopt;
            }
            o.max_connections = static_cast<std::size_t>(*n);
        } else if (w == "--read-timeout") {
            const auto n = number(3600);
            if (!n || *n == 0) {
                error = "invalid " + w + " " + v + " (seconds, 1 to 3600)";
                return std::nullopt;
            }
            o.read_timeout = std::chrono::seconds{*n};
        } else if (w == "--max-body" || w == "--max-header") {
            const auto n = parse_size(v);
            if (!n) {
                error = "invalid " + w + " " + v + " (bytes, or a number with KiB or MiB)";
                return std::nullopt;
            }
            (w == "--max-body" ? o.max_body : o.max_header) = *n;
        } else if (w == "--thresholds") {
            o.thresholds_file = v;
        } else if (w == "--cors") {
            o.cors_origin = v;
        } else if (w == "--token-file") {
            o.token_file = v;
        } else if (w == "--access-log") {
            o.access_log = v;
        } else {
            error = "unknown option " + w;
            return std::nullopt;
        }
    }
    return o;
}

int serve_main(std::span<const std::string> args) {
    for (const std::string& a : args)
        if (a == "--help" || a == "-h") {
            std::cout << usage_text;
            return 0;
        }
    std::string error;
    const auto options = parse_serve_options(args, error);
    if (!options) {
        std::cerr << "avtal serve: " << error << "\n" << usage_text;
        return 2;
    }
    return run_serve(*options);
}

} // namespace avtal
