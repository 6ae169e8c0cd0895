#pragma once
// The service's requests and answers, apart from the sockets: routing,
// query parameters, the endpoints (each a call into avtal/io/commands.hpp),
// RFC 9457 problems, metrics and the access log. server.cpp moves bytes;
// this decides what they say.
#include "serve/serve.hpp"

#include <avtal/io/commands.hpp>

#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avtal::detail {

namespace http = boost::beast::http;

/// @brief A request as the parser gives it (the body may not be read yet).
using Request = http::request<http::string_body>;

/// @brief What the service answers, before the common headers are added.
struct Reply {
    http::status status = http::status::ok;                   ///< HTTP status.
    std::string content_type = "application/json";            ///< Media type of `body`.
    std::string body;                                         ///< The answer.
    std::vector<std::pair<std::string, std::string>> headers; ///< Extra headers (Allow, Avtal-Exit-Code, ...).
    bool close = false;                                       ///< Close the connection after it.
    bool web_asset = false;                                   ///< An embedded page file (its own Content-Security-Policy).
};

struct Endpoint;

/// @brief One request on its way through the service.
struct Call {
    const Endpoint* endpoint = nullptr;                     ///< The route matched, or null.
    std::string_view name = "unmatched";                    ///< Its label in metrics and the log.
    std::string param;                                      ///< `{id}` of `/v1/rules/{id}`.
    std::vector<std::pair<std::string, std::string>> query; ///< Decoded query parameters.
    std::optional<Reply> early;                             ///< A rejection known from the header alone.
    CommandOptions options;                                 ///< From the query (`lang`, `format`, `all`, `date`).
    std::chrono::steady_clock::time_point start;            ///< When its header was read.
    std::size_t bad_inputs = 0;                             ///< Unreadable documents in it.
};

/// @brief Prometheus counters and histograms, safe to update from every thread.
class Metrics {
  public:
    /// @brief Counts one answered request.
    void record(std::string_view endpoint, unsigned status, std::chrono::nanoseconds duration, std::size_t bad_inputs);
    /// @brief Counts a connection accepted (+1) or closed (-1).
    void connection(int delta) noexcept { connections_.fetch_add(delta, std::memory_order_relaxed); }
    /// @brief Counts a connection refused for the connection limit.
    void rejected() noexcept { rejected_.fetch_add(1, std::memory_order_relaxed); }
    /// @brief Counts a request that was not valid HTTP (or not in time).
    void malformed() noexcept { malformed_.fetch_add(1, std::memory_order_relaxed); }
    /// @brief Open connections now.
    [[nodiscard]] long connections() const noexcept { return connections_.load(std::memory_order_relaxed); }
    /// @brief The Prometheus text exposition (format 0.0.4).
    [[nodiscard]] std::string text() const;

    /// @brief Upper bounds (seconds) of the latency histogram's buckets.
    static constexpr std::array<double, 12> bounds{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0};

  private:
    struct Series {
        std::map<unsigned, std::uint64_t> by_status;
        std::array<std::uint64_t, bounds.size() + 1> buckets{};
        double seconds = 0;
        std::uint64_t count = 0;
        std::uint64_t bad_inputs = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::string, Series, std::less<>> series_;
    std::atomic<long> connections_{0};
    std::atomic<std::uint64_t> rejected_{0};
    std::atomic<std::uint64_t> malformed_{0};
};

/// @brief The JSON Lines access log: time, method, path, status, bytes,
/// duration; never a body or a query's values.
class AccessLog {
  public:
    /// @brief Opens `-` (standard error), `off` or a file (appended).
    explicit AccessLog(const std::string& where);
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;
    /// @brief Whether the log could be opened.
    [[nodiscard]] bool ok() const noexcept { return ok_; }
    /// @brief Writes one line.
    void write(std::string_view method, std::string_view path, unsigned status, std::size_t bytes, std::chrono::nanoseconds duration);

  private:
    std::FILE* file_ = nullptr;
    bool owned_ = false;
    bool ok_ = true;
    std::mutex mutex_;
};

/// @brief The endpoints and everything they share: options, the threshold
/// table, the token, metrics and readiness.
class Service {
  public:
    /// @brief A service answering with `thresholds` (null: the built-in table).
    Service(ServeOptions options, std::shared_ptr<const ThresholdTable> thresholds, std::string token);

    /// @brief Routes a request whose header has been read; a rejection that
    /// needs no body (404, 405, 401, 415, 400 for a bad query) is left in
    /// `Call::early`.
    [[nodiscard]] Call route(const Request& header) const;

    /// @brief Answers a request whose body has been read.
    [[nodiscard]] Reply answer(const Request& request, Call& call) const;

    /// @brief An RFC 9457 problem (`application/problem+json`).
    [[nodiscard]] static Reply problem(http::status status, std::string_view detail, std::string_view type = {}, std::string_view extra_members = {});

    /// @brief Adds the headers every answer carries (security, CORS) and
    /// makes the response.
    [[nodiscard]] http::response<http::string_body> finish(const Request& request, Reply reply) const;

    /// @brief Counts and logs one answered request.
    void record(std::string_view method, std::string_view path, const Call& call, unsigned status, std::size_t bytes);

    /// @brief The metrics (connections are counted by the server).
    [[nodiscard]] Metrics& metrics() noexcept { return metrics_; }
    /// @brief Whether /readyz says ready (false while starting or stopping).
    std::atomic<bool> ready{false};
    /// @brief The options it runs with.
    [[nodiscard]] const ServeOptions& options() const noexcept { return options_; }
    /// @brief The access log.
    [[nodiscard]] AccessLog& log() noexcept { return log_; }

  private:
    Reply check(const Request& r, Call& c) const;
    Reply batch(const Request& r, Call& c) const;
    /// A command on the request's body (allocate, forms, guide): its output,
    /// or its bad-input problem.
    template <CommandResult (*run)(const Input&, const CommandOptions&)>
    Reply on_body(const Request& r, Call& c) const;
    Reply thresholds(const Request& r, Call& c) const;
    Reply portfolio(const Request& r, Call& c) const;
    Reply rules(const Request& r, Call& c) const;
    Reply rule(const Request& r, Call& c) const;
    Reply document(const Request& r, Call& c) const;
    Reply healthz(const Request& r, Call& c) const;
    Reply readyz(const Request& r, Call& c) const;
    Reply metrics_page(const Request& r, Call& c) const;
    Reply web(const Request& r, Call& c) const;

    [[nodiscard]] std::optional<Reply> read_query(std::string_view query, Call& call) const;
    [[nodiscard]] std::optional<Reply> bad_input(const CommandResult& result, Call& call) const;
    /// A 400 problem listing each unreadable document's `avtal-error/1`
    /// line of `problems` in `errors`.
    [[nodiscard]] static Reply invalid_documents(std::string_view detail, std::string_view problems);
    /// The answer to a command on a request's document: its output, or its
    /// bad-input problem.
    [[nodiscard]] Reply reply_to(CommandResult&& result, Call& call) const;
    static const std::vector<Endpoint>& endpoints();

    ServeOptions options_;
    std::shared_ptr<const ThresholdTable> thresholds_;
    std::string token_;
    mutable Metrics metrics_;
    AccessLog log_;
};

} // namespace avtal::detail
