// The sockets of `avtal serve`, in the shape of Boost.Beast's own
// examples (example/http/server/async, advanced/server): one strand per
// connection, a parser per request with header and body limits, a
// tcp_stream deadline per write. Reading a request has its own deadline
// (slow-loris): when it passes with part of a request read, the client gets
// 408; an idle keep-alive connection is simply closed.
#include "serve/serve.hpp"
#include "serve/service.hpp"

#include <avtal/io/commands.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <sys/resource.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <vector>

namespace avtal {

namespace detail {

namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session;

/// The listener, the signals and the connections' registry.
class Server {
  public:
    Server(Service& service, unsigned threads) : service_{service}, ioc_{static_cast<int>(threads)} {}

    /// Binds and listens; false (with a message) when it cannot.
    bool listen(const std::string& address, std::uint16_t port, std::string& error);
    /// The URL it listens on.
    [[nodiscard]] std::string url() const;
    /// Accepts until a signal, then drains; returns when every thread is done.
    void run(unsigned threads);

    void add(Session* s, const std::shared_ptr<Session>& sp);
    void forget(Session* s);
    [[nodiscard]] Service& service() noexcept { return service_; }
    [[nodiscard]] bool stopping() const noexcept { return stopping_.load(); }

  private:
    void accept();
    void on_accept(beast::error_code ec, tcp::socket socket);
    void stop();

    Service& service_;
    std::mutex mutex_;
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> finished_{false};
    net::io_context ioc_;
    net::strand<net::io_context::executor_type> strand_{net::make_strand(ioc_)};
    tcp::acceptor acceptor_{strand_};
    net::signal_set signals_{strand_, SIGINT, SIGTERM};
    net::steady_timer drain_{strand_};
    net::steady_timer retry_{strand_};
};

/// One connection: reads requests one after another on its strand.
class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket&& socket, Server& server, bool overloaded)
        : stream_{std::move(socket)}, deadline_{stream_.get_executor()}, server_{server}, overloaded_{overloaded} {
        server_.service().metrics().connection(+1);
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session() {
        server_.service().metrics().connection(-1);
        server_.forget(this);
    }

    void run() {
        server_.add(this, shared_from_this());
        net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::start, shared_from_this()));
    }

    /// Graceful stop: an idle connection closes now, one in a request
    /// finishes it and closes after the answer.
    void stop() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            self->stopping_ = true;
            beast::error_code ignored;
            if (self->reading_ && !self->got_some()) self->stream_.socket().cancel(ignored);
        });
    }

  private:
    [[nodiscard]] const ServeOptions& options() const { return server_.service().options(); }
    [[nodiscard]] bool got_some() const { return buffer_.size() > 0 || (parser_ && parser_->got_some()); }

    void start() {
        if (overloaded_) {
            server_.service().metrics().rejected();
            Reply r = Service::problem(http::status::service_unavailable, "Too many connections; try again.");
            r.headers.emplace_back("Retry-After", "1");
            r.close = true;
            request_ = {};
            request_.version(11);
            respond(std::move(r));
            return;
        }
        read_header();
    }

    void read_header() {
        if (stopping_) return close();
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options().max_header, 0xFFFFFFFFU)));
        parser_->body_limit(options().max_body);
        call_ = {};
        timed_out_ = false;
        reading_ = true;
        stream_.expires_never();
        deadline_.expires_after(options().read_timeout);
        deadline_.async_wait(beast::bind_front_handler(&Session::on_deadline, shared_from_this(), ++generation_));
        http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    void on_deadline(std::uint64_t generation, beast::error_code ec) {
        // Only the deadline of the read in progress counts, not one that
        // expired just as its read completed.
        if (ec || !reading_ || generation != generation_) return;
        timed_out_ = true;
        beast::error_code ignored;
        stream_.socket().cancel(ignored);
    }

    /// A read that failed: the client went away, timed out, or sent
    /// something that is not HTTP (or too much of it).
    void read_failed(beast::error_code ec) {
        reading_ = false;
        deadline_.cancel();
        const bool partial = got_some();
        if (ec == http::error::end_of_stream || ec == net::error::eof || ec == net::error::connection_reset) {
            if (ec != http::error::end_of_stream && partial) server_.service().metrics().malformed();
            return close();
        }
        if (ec == net::error::operation_aborted) {
            if (timed_out_ && partial) {
                server_.service().metrics().malformed();
                return fail(http::status::request_timeout,
                            "The request did not arrive within " + std::to_string(options().read_timeout.count() / 1000) + " s.");
            }
            return close();
        }
        if (ec == http::error::partial_message) {
            server_.service().metrics().malformed();
            return close();
        }
        if (ec.category() != beast::http::make_error_code(http::error::bad_target).category()) return close();
        server_.service().metrics().malformed();
        if (ec == http::error::body_limit)
            return fail(http::status::payload_too_large, "The body is larger than " + std::to_string(options().max_body) + " bytes.");
        if (ec == http::error::header_limit)
            return fail(http::status::request_header_fields_too_large,
                        "The header is larger than " + std::to_string(options().max_header) + " bytes.");
        return fail(http::status::bad_request, "Malformed HTTP request: " + ec.message() + ".");
    }

    /// Answers a request that could not be read, then closes.
    void fail(http::status status, const std::string& detail) {
        // What was parsed of the header, for the log; nothing else of it is trusted.
        request_ = {};
        request_.version(11);
        request_.keep_alive(false);
        if (parser_ && parser_->is_header_done()) {
            request_.method_string(parser_->get().method_string());
            request_.target(parser_->get().target());
            call_ = server_.service().route(request_);
        }
        Reply r = Service::problem(status, detail);
        r.close = true;
        respond(std::move(r));
    }

    void on_header(beast::error_code ec, std::size_t) {
        if (ec) return read_failed(ec);
        const Request& header = parser_->get();
        call_ = server_.service().route(header);
        if (call_.early) {
            reading_ = false;
            deadline_.cancel();
            request_ = {};
            request_.version(header.version());
            request_.keep_alive(header.keep_alive());
            request_.method_string(header.method_string());
            request_.target(header.target());
            for (const auto& f : header) request_.set(f.name_string(), f.value());
            Reply r = std::move(*call_.early);
            // The body was not read: the connection cannot carry another
            // request; nor should a request that was not even well aimed.
            if (!parser_->is_done() || r.status == http::status::bad_request) r.close = true;
            call_.early.reset();
            return respond(std::move(r));
        }
        if (parser_->is_done()) return on_body({}, 0);
        const std::string_view expect = header[http::field::expect];
        if (beast::iequals(expect, "100-continue")) {
            continue_.emplace(http::status::continue_, header.version());
            stream_.expires_after(options().write_timeout);
            return http::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code e, std::size_t) {
                if (e) return self->close();
                self->stream_.expires_never();
                self->read_body();
            });
        }
        read_body();
    }

    void read_body() { http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_body, shared_from_this())); }

    void on_body(beast::error_code ec, std::size_t) {
        if (ec) return read_failed(ec);
        reading_ = false;
        deadline_.cancel();
        request_ = parser_->release();
        Reply reply = server_.service().answer(request_, call_);
        respond(std::move(reply));
    }

    void respond(Reply reply) {
        if (stopping_) reply.close = true;
        if (call_.start == std::chrono::steady_clock::time_point{}) call_.start = std::chrono::steady_clock::now();
        const bool close_after = reply.close || !request_.keep_alive();
        response_ = server_.service().finish(request_, std::move(reply));
        response_.keep_alive(!close_after);
        stream_.expires_after(options().write_timeout);
        http::async_write(stream_, response_, beast::bind_front_handler(&Session::on_write, shared_from_this(), close_after));
    }

    void on_write(bool close_after, beast::error_code ec, std::size_t) {
        const std::string_view target = request_.target();
        server_.service().record(request_.method_string(), target.substr(0, target.find('?')), call_, response_.result_int(),
                                 response_.body().size());
        if (ec) return close();
        if (close_after || stopping_) return linger();
        read_header();
    }

    /// Closes after an answer: first our side (so the client sees the end of
    /// the answer), then reads away what the client still sends for a
    /// moment, so that the kernel does not reset the connection before the
    /// client has read the answer.
    void linger() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(std::chrono::seconds{1});
        drain();
    }

    void drain() {
        stream_.async_read_some(net::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->drained_ += n;
            if (ec || self->drained_ > (std::size_t{1} << 20)) return self->close();
            self->drain();
        });
    }

    void close() {
        reading_ = false;
        deadline_.cancel();
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;
    net::steady_timer deadline_;
    Server& server_;
    Call call_;
    Request request_;
    http::response<http::string_body> response_;
    std::array<char, 4096> scratch_{};
    std::size_t drained_ = 0;
    std::uint64_t generation_ = 0;
    bool overloaded_ = false;
    bool reading_ = false;
    bool timed_out_ = false;
    bool stopping_ = false;
};

bool Server::listen(const std::string& address, std::uint16_t port, std::string& error) {
    beast::error_code ec;
    const auto ip = net::ip::make_address(address, ec);
    if (ec) {
        error = "invalid --bind address " + address;
        return false;
    }
    const tcp::endpoint endpoint{ip, port};
    if (acceptor_.open(endpoint.protocol(), ec); !ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        error = "cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message();
        return false;
    }
    return true;
}

std::string Server::url() const {
    const tcp::endpoint e = acceptor_.local_endpoint();
    const std::string host = e.address().is_v6() ? "[" + e.address().to_string() + "]" : e.address().to_string();
    return "http://" + host + ":" + std::to_string(e.port()) + "/";
}

void Server::add(Session* s, const std::shared_ptr<Session>& sp) {
    const std::lock_guard lock{mutex_};
    sessions_.emplace(s, sp);
}

void Server::forget(Session* s) {
    const std::lock_guard lock{mutex_};
    sessions_.erase(s);
    if (sessions_.empty() && stopping_ && !finished_) net::post(strand_, [this] { drain_.cancel(); });
}

void Server::accept() { acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Server::on_accept, this)); }

void Server::on_accept(beast::error_code ec, tcp::socket socket) {
    if (stopping_ || !acceptor_.is_open()) return;
    if (ec) {
        // Out of file descriptors (or another passing failure): try again shortly.
        retry_.expires_after(std::chrono::milliseconds{50});
        retry_.async_wait([this](beast::error_code e) {
            if (!e && !stopping_) accept();
        });
        return;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const bool overloaded = static_cast<std::size_t>(service_.metrics().connections()) >= service_.options().max_connections;
    std::make_shared<Session>(std::move(socket), *this, overloaded)->run();
    accept();
}

void Server::stop() {
    if (stopping_.exchange(true)) return;
    service_.ready = false;
    beast::error_code ignored;
    acceptor_.close(ignored);
    retry_.cancel();
    std::vector<std::shared_ptr<Session>> live;
    {
        const std::lock_guard lock{mutex_};
        for (auto& [p, w] : sessions_)
            if (auto s = w.lock()) live.push_back(std::move(s));
    }
    for (auto& s : live) s->stop();
    if (live.empty()) return;
    // Requests in flight get until the deadline; then everything stops.
    drain_.expires_after(service_.options().drain_timeout);
    drain_.async_wait([this](beast::error_code e) {
        if (!e) ioc_.stop();
    });
}

void Server::run(unsigned threads) {
    signals_.async_wait([this](beast::error_code ec, int) {
        if (!ec) stop();
    });
    net::post(strand_, [this] { accept(); });
    service_.ready = true;
    // A handler that throws (it should not: bad input is answered, not
    // thrown) costs its own connection only; the loop goes on.
    const auto loop = [this] {
        for (;;) {
            try {
                ioc_.run();
                return;
            } catch (const std::exception& e) {
                std::cerr << "avtal serve: internal error: " << e.what() << "\n";
            }
        }
    };
    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i) workers.emplace_back(loop);
    loop();
    for (auto& t : workers) t.join();
    finished_ = true;
}

bool read_whole_file(const std::string& name, std::string& out) {
    std::ifstream in{name, std::ios::binary};
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = std::move(s).str();
    return true;
}

} // namespace

} // namespace detail

int run_serve(const ServeOptions& options) {
    using namespace detail;
    std::shared_ptr<const ThresholdTable> thresholds;
    if (!options.thresholds_file.empty()) {
        std::string bytes;
        if (!read_whole_file(options.thresholds_file, bytes)) {
            std::cerr << "avtal serve: cannot read " << options.thresholds_file << "\n";
            return exit_bad_input;
        }
        ThresholdLoad load = load_thresholds(bytes, options.thresholds_file);
        if (!load.table) {
            std::cerr << load.errors;
            return exit_bad_input;
        }
        thresholds = std::move(load.table);
    }
    std::string token;
    if (!options.token_file.empty()) {
        std::string bytes;
        if (!read_whole_file(options.token_file, bytes)) {
            std::cerr << "avtal serve: cannot read " << options.token_file << "\n";
            return exit_bad_input;
        }
        token = bytes.substr(0, bytes.find_first_of("\r\n"));
        while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
        if (token.empty()) {
            std::cerr << "avtal serve: " << options.token_file << " holds no token on its first line\n";
            return exit_bad_input;
        }
    }
    // Room for --max-connections sockets: raise the soft descriptor limit to the hard one.
    if (rlimit lim{}; getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
    }
    std::signal(SIGPIPE, SIG_IGN);
    const unsigned threads = options.threads ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    Service service{options, std::move(thresholds), std::move(token)};
    if (!service.log().ok()) {
        std::cerr << "avtal serve: cannot open access log " << options.access_log << "\n";
        return exit_bad_input;
    }
    Server server{service, threads};
    std::string error;
    if (!server.listen(options.bind, options.port, error)) {
        std::cerr << "avtal serve: " << error << "\n";
        return exit_bad_input;
    }
    std::cout << server.url() << std::endl;
    std::cerr << "avtal serve: listening on " << server.url() << " (" << threads << " threads); SIGINT or SIGTERM stops it\n";
    server.run(threads);
    std::cerr << "avtal serve: stopped\n";
    return exit_ok;
}

} // namespace avtal
