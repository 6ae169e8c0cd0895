// The avtal command: check agreements, allocate costs, list thresholds,
// recommend forms of cooperation and explain rules (SPEC §10). It only
// parses arguments, reads files and dispatches: every command's work is a
// library call of avtal/io/commands.hpp, shared with the service and the C API.
#include <avtal/io/commands.hpp>
#include <avtal/law/check.hpp>

#include "serve/serve.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using namespace avtal;

const char* const usage_text = "usage: avtal check FILE... [--format text|json|markdown] [--lang sv|en] [--all]\n"
                               "                           [--date YYYY-MM-DD] [--thresholds FILE] [--max-input-size BYTES]\n"
                               "       avtal allocate FILE [--format text|json] [--lang sv|en]\n"
                               "       avtal thresholds [--date YYYY-MM-DD] [--thresholds FILE] [--format text|json]\n"
                               "       avtal forms NEEDS.json [--format text|json] [--lang sv|en]\n"
                               "       avtal explain RULE_ID [--lang sv|en]\n"
                               "       avtal serve [--bind 127.0.0.1] [--port 8080] [OPTIONS]   (avtal serve --help)\n"
                               "       avtal portfolio (--party ID | --all-parties) [--year YYYY] FILE|FOLDER...\n"
                               "                       [--format markdown|text|json|html|svg] [--lang sv|en]\n"
                               "       avtal --help | --version\n"
                               "\n"
                               "Checks agreements on kommunal avtalssamverkan (9 kap. 37 § kommunallagen)\n"
                               "against the law and SKR's guidance. FILE may be '-' for standard input; a\n"
                               "file may hold one agreement, a JSON array of agreements or JSON Lines.\n"
                               "\n"
                               "Exit codes: 0 ok, 1 violations, 2 bad input or usage, 3 incomplete (no\n"
                               "violations, but a legal requirement could not be decided). With several\n"
                               "agreements the worst code is returned: 2, then 1, then 3, then 0. Exit\n"
                               "code 4: the output could not be written (e.g. a full disk).\n"
                               "\n"
                               "--thresholds FILE  replaces the built-in direct-award limits with the\n"
                               "                   file's table, or extends them when the file says\n"
                               "                   \"extends\": \"builtin\" (a what-if reform).\n"
                               "--max-input-size BYTES  the largest document read (default 64M = 67108864\n"
                               "                   bytes; K, M and G suffixes); a larger one is bad input.\n"
                               "\n"
                               "portfolio writes the board's annual report to the council on a party's\n"
                               "avtalssamverkan (9 kap. 38 § kommunallagen) from every agreement read (a\n"
                               "FOLDER: its *.json and *.jsonl files); a bad document is reported and the\n"
                               "rest still read (exit code 2). Default format markdown.\n";

struct Args {
    std::string command;
    std::vector<std::string> files;
    CommandOptions options;
    std::string thresholds_file;
    std::optional<std::string> format; // checked once the command is known (portfolio has formats of its own)
    PortfolioCommand portfolio;
    bool portfolio_option = false; // --party, --year or --all-parties given
};

int usage_error(const std::string& what) {
    std::cerr << "avtal: " << what << "\n" << usage_text;
    return exit_bad_input;
}

/// The largest document read from a file or standard input (64 MiB unless
/// `--max-input-size` says otherwise): counted while reading, so that
/// `/dev/zero` or an endless pipe is refused instead of filling memory.
constexpr std::size_t default_max_input_size = std::size_t{64} << 20;
std::size_t max_input_size = default_max_input_size;

/// Reads all of `name` (`-`: standard input) into `out`, at most
/// `max_input_size` bytes; false after saying why on standard error.
bool read_file(const std::string& name, std::string& out) {
    const bool in = name == "-";
    std::FILE* f = in ? stdin : std::fopen(name.c_str(), "rb");
    if (!f) {
        std::cerr << "avtal: cannot read " << name << ": " << std::strerror(errno) << "\n";
        return false;
    }
    const auto close = [&] {
        if (!in) std::fclose(f);
    };
    struct stat st {};
    if (::fstat(::fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::cerr << "avtal: cannot read " << name << ": it is a directory, not a file\n";
        close();
        return false;
    }
    out.clear();
    std::array<char, std::size_t{1} << 16> buffer{};
    for (;;) {
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f);
        if (n > max_input_size - out.size()) {
            std::cerr << "avtal: " << name << " is larger than the maximum document size of " << max_input_size
                      << " bytes (raise it with --max-input-size BYTES)\n";
            close();
            return false;
        }
        out.append(buffer.data(), n);
        if (n < buffer.size()) break;
    }
    const bool failed = std::ferror(f) != 0;
    if (failed) std::cerr << "avtal: cannot read " << name << ": " << std::strerror(errno) << "\n";
    close();
    return !failed;
}

/// Parses `--max-input-size`: bytes, or with a K, M or G suffix (powers of 1024).
std::optional<std::size_t> parse_size(std::string_view v) {
    std::size_t shift = 0;
    if (!v.empty() && (v.back() == 'K' || v.back() == 'M' || v.back() == 'G')) {
        shift = v.back() == 'K' ? 10 : v.back() == 'M' ? 20 : 30;
        v.remove_suffix(1);
    }
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc{} || end != v.data() + v.size() || n == 0 || n > (SIZE_MAX >> shift)) return std::nullopt;
    return n << shift;
}

/// Exit code: the output could not be written (a full disk, a closed pipe).
constexpr int exit_write_error = 4;

void write_out(std::string_view s) {
    if (!s.empty()) std::fwrite(s.data(), 1, s.size(), stdout);
}

/// Writes a command's output and errors; returns its exit code.
int finish(const CommandResult& r) {
    write_out(r.output);
    std::cerr << r.errors;
    return r.exit_code;
}

/// Reads `--thresholds FILE` into the options; false (after saying why) if it cannot.
bool load_thresholds_file(Args& args) {
    if (args.thresholds_file.empty()) return true;
    std::string text;
    if (!read_file(args.thresholds_file, text)) return false;
    ThresholdLoad load = load_thresholds(text, args.thresholds_file);
    std::cerr << load.errors;
    args.options.thresholds = std::move(load.table);
    return args.options.thresholds != nullptr;
}

/// Reads the one FILE of a command (`what` names it in the usage error).
std::optional<std::string> read_single(const Args& args, const char* what, int& code) {
    if (args.files.size() != 1) {
        code = usage_error(what);
        return std::nullopt;
    }
    std::string text;
    if (!read_file(args.files[0], text)) {
        code = exit_bad_input;
        return std::nullopt;
    }
    return text;
}

int cmd_check(const Args& args) {
    if (args.files.empty()) return usage_error("check needs at least one FILE (or - for standard input)");
    int code = exit_ok;
    std::vector<std::string> texts;
    std::vector<Input> inputs;
    texts.reserve(args.files.size());
    for (const std::string& file : args.files) {
        std::string text;
        if (!read_file(file, text)) {
            code = worst_exit_code(code, exit_bad_input);
            continue;
        }
        texts.push_back(std::move(text));
        inputs.push_back(Input{file, texts.back()});
    }
    const CommandResult r = run_check(
        inputs, args.options, [](std::string_view piece) { write_out(piece); }, [](std::string_view problems) { std::cerr << problems; });
    return worst_exit_code(code, r.exit_code);
}

int cmd_allocate(const Args& args) {
    int code = exit_ok;
    const auto text = read_single(args, "allocate needs exactly one FILE", code);
    return text ? finish(run_allocate(Input{args.files[0], *text}, args.options)) : code;
}

int cmd_forms(const Args& args) {
    int code = exit_ok;
    const auto text = read_single(args, "forms needs exactly one NEEDS.json", code);
    return text ? finish(run_forms(Input{args.files[0], *text}, args.options)) : code;
}

int cmd_explain(const Args& args) {
    if (args.files.size() != 1) return usage_error("explain needs exactly one RULE_ID");
    return finish(run_explain(args.files[0], args.options));
}

/// A FOLDER's agreements: its *.json and *.jsonl files, sorted by name.
std::vector<std::string> expand(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& n : names) {
        std::error_code ec;
        if (n == "-" || !std::filesystem::is_directory(n, ec)) {
            out.push_back(n);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& e : std::filesystem::directory_iterator{n, ec}) {
            const auto ext = e.path().extension();
            if (e.is_regular_file(ec) && (ext == ".json" || ext == ".jsonl")) found.push_back(e.path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

int cmd_portfolio(const Args& args) {
    if (args.files.empty()) return usage_error("portfolio needs at least one FILE or FOLDER (or - for standard input)");
    if (!args.portfolio.all_parties && args.portfolio.party.empty()) return usage_error("portfolio needs --party ID or --all-parties");
    int code = exit_ok;
    std::vector<std::string> texts, sources;
    const std::vector<std::string> files = expand(args.files);
    texts.reserve(files.size());
    sources.reserve(files.size());
    for (const std::string& file : files) {
        std::string text;
        if (!read_file(file, text)) {
            code = exit_bad_input;
            continue;
        }
        texts.push_back(std::move(text));
        sources.push_back(file);
    }
    std::vector<Input> inputs;
    for (std::size_t i = 0; i < texts.size(); ++i) inputs.push_back(Input{sources[i], texts[i]});
    return worst_exit_code(code, finish(run_portfolio(inputs, args.portfolio, args.options)));
}

int cmd_thresholds(const Args& args) {
    if (!args.files.empty()) return usage_error("thresholds takes no FILE");
    return finish(run_thresholds(args.options));
}

int run(int argc, char** argv) {
    Args args;
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) return usage_error("missing command");
    // The service takes options of its own (avtal serve --help).
    if (words[0] == "serve") return serve_main(std::span<const std::string>{words}.subspan(1));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= words.size()) return std::nullopt;
            return words[++i];
        };
        if (w == "--help" || w == "-h") {
            std::cout << usage_text;
            return exit_ok;
        }
        if (w == "--version") {
            std::cout << "avtal " << library_version << " (rules " << rules_version << ")\n";
            return exit_ok;
        }
        if (w == "--all") {
            args.options.all = true;
        } else if (w == "--format") {
            auto v = value();
            if (!v) return usage_error("--format needs a value");
            args.format = *v;
        } else if (w == "--party") {
            auto v = value();
            if (!v || v->empty()) return usage_error("--party needs a party ID");
            args.portfolio.party = *v;
            args.portfolio_option = true;
        } else if (w == "--all-parties") {
            args.portfolio.all_parties = true;
            args.portfolio_option = true;
        } else if (w == "--year") {
            auto v = value();
            std::int32_t y = 0;
            const char* end = v ? v->data() + v->size() : nullptr;
            if (!v || v->size() != 4 || std::from_chars(v->data(), end, y).ptr != end) return usage_error("--year needs a year YYYY");
            args.portfolio.year = y;
            args.portfolio_option = true;
        } else if (w == "--lang") {
            auto v = value();
            if (!v || (*v != "sv" && *v != "en")) return usage_error("--lang needs sv or en");
            args.options.lang = *v == "sv" ? Lang::sv : Lang::en;
        } else if (w == "--date") {
            auto v = value();
            if (!v) return usage_error("--date needs a value");
            args.options.date = parse_date(*v);
            if (!args.options.date) return usage_error("invalid date " + *v + " (expected an existing date YYYY-MM-DD)");
        } else if (w == "--max-input-size") {
            auto v = value();
            const auto n = v ? parse_size(*v) : std::nullopt;
            if (!n) return usage_error("--max-input-size needs a number of bytes (e.g. 67108864, 64M or 1G)");
            max_input_size = *n;
        } else if (w == "--thresholds") {
            auto v = value();
            if (!v) return usage_error("--thresholds needs a FILE");
            args.thresholds_file = *v;
        } else if (w.size() > 1 && w[0] == '-' && w != "-") {
            return usage_error("unknown option " + w);
        } else if (args.command.empty()) {
            args.command = w;
        } else {
            args.files.push_back(w);
        }
    }
    if (args.command == "portfolio") {
        if (args.format) args.portfolio.format = *args.format;
    } else {
        if (args.portfolio_option) return usage_error("--party, --year and --all-parties belong to portfolio");
        if (args.format) {
            const auto f = enum_from_string<Format>(*args.format);
            if (!f) return usage_error("unknown format " + *args.format);
            args.options.format = *f;
        }
    }
    using Command = int (*)(const Args&);
    static constexpr std::pair<std::string_view, Command> commands[] = {
        {"check", cmd_check},     {"allocate", cmd_allocate}, {"thresholds", cmd_thresholds},
        {"explain", cmd_explain}, {"forms", cmd_forms},       {"portfolio", cmd_portfolio},
    };
    for (const auto& [name, run] : commands) {
        if (name != args.command) continue;
        if (!load_thresholds_file(args)) return exit_bad_input;
        return run(args);
    }
    return usage_error("unknown command " + args.command);
}

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const int code = run(argc, argv);
    // Every write and the final flush are checked: a report that could not
    // be written is never a silent success.
    std::cout.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout) {
        std::cerr << "avtal: cannot write the output: " << std::strerror(errno != 0 ? errno : EIO) << "\n";
        return exit_write_error;
    }
    return code;
}
