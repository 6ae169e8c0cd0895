#pragma once
// `avtal serve`: the HTTP/JSON service (Boost.Beast) in the avtal binary.
// The endpoints call the same library functions as the command line
// (avtal/io/commands.hpp), so both answer a document byte for byte alike.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace avtal {

/// @brief How `avtal serve` listens, what it accepts and what it logs.
struct ServeOptions {
    std::string bind = "127.0.0.1";                  ///< Address to listen on (loopback unless told otherwise).
    std::uint16_t port = 8080;                       ///< Port; 0 picks a free one (the printed URL tells which).
    unsigned threads = 0;                            ///< Worker threads; 0: one per core.
    std::string thresholds_file;                     ///< `--thresholds FILE`, read once at start.
    std::size_t max_body = std::size_t{1} << 20;     ///< Largest request body (413 above it).
    std::size_t max_header = std::size_t{16} << 10;  ///< Largest request header block (431 above it).
    std::size_t max_connections = 4096;              ///< Open connections at once; more get 503 and are closed.
    std::chrono::milliseconds read_timeout{10'000};  ///< Deadline to read one request, and the keep-alive idle limit.
    std::chrono::milliseconds write_timeout{10'000}; ///< Deadline to write one response.
    std::chrono::milliseconds drain_timeout{5'000};  ///< On SIGINT/SIGTERM: how long requests in flight may take.
    std::string cors_origin;                         ///< `--cors ORIGIN`: the one origin allowed (or `*`); empty: CORS off.
    std::string token_file;                          ///< `--token-file F`: require `Authorization: Bearer <token>`.
    std::string access_log = "-";                    ///< JSON Lines access log: `-` standard error, `off`, or a file.
};

/// @brief The usage text of `avtal serve`.
[[nodiscard]] const char* serve_usage() noexcept;

/// @brief Parses the arguments after `serve`; on a bad one, `error` says
/// why and the result is empty.
[[nodiscard]] std::optional<ServeOptions> parse_serve_options(std::span<const std::string> args, std::string& error);

/// @brief Runs the service until SIGINT or SIGTERM: prints the URL it
/// listens on (one line on standard output), then serves; on a signal it
/// stops accepting, lets requests in flight finish within
/// `drain_timeout` and returns 0. Returns 2 when it cannot start.
[[nodiscard]] int run_serve(const ServeOptions& options);

/// @brief `avtal serve ARGS...`: parse, then `run_serve`; the exit code.
[[nodiscard]] int serve_main(std::span<const std::string> args);

} // namespace avtal
