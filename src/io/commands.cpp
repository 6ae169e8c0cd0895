// The tools' commands as library calls (SPEC §10): the command line, the
// HTTP service and the C API all run these, so they answer alike.
#include <avtal/io/commands.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/forms.hpp>

#include <exception>
#include <utility>
#include <vector>

namespace avtal {

namespace {

/// The rank of an exit code: bad input is worst, then violations, then incomplete.
int rank(int code) noexcept {
    switch (code) {
    case exit_bad_input: return 3;
    case exit_violations: return 2;
    case exit_incomplete: return 1;
    default: return 0;
    }
}

RenderOptions render_options(const CommandOptions& o, std::string_view sha = {}) {
    RenderOptions r;
    r.lang = o.lang;
    r.all = o.all;
    r.input_sha256 = sha;
    return r;
}

CommandResult bad_input(std::string message) {
    CommandResult r;
    r.exit_code = exit_bad_input;
    r.errors = std::move(message);
    if (!r.errors.empty() && r.errors.back() != '\n') r.errors += '\n';
    return r;
}

CommandResult unsupported(std::string_view command, Format f) {
    return bad_input("avtal: " + std::string{command} + " does not write " + std::string{to_string(f)});
}

void add_problems(CommandResult& r, std::string_view source, std::size_t index, std::string_view sha, const std::vector<Problem>& problems) {
    for (const Problem& p : problems) r.errors += std::string{source} + ": " + p.to_string() + "\n";
    r.problems += "{\"schema\":\"avtal-error/1\",\"source\":" + json::quote(source) + ",\"index\":" + std::to_string(index);
    if (!sha.empty()) r.problems += ",\"input_sha256\":\"" + std::string{sha} + "\"";
    r.problems += ",\"problems\":[";
    for (std::size_t i = 0; i < problems.size(); ++i)
        r.problems += (i ? ",{\"code\":\"" : "{\"code\":\"") + std::string{to_string(problems[i].code)} +
                      "\",\"path\":" + json::quote(problems[i].path) + ",\"message\":" + json::quote(problems[i].message) + "}";
    r.problems += "]}\n";
}

/// Runs `f`, turning an escaped exception (an allocation failure, a money
/// overflow the validator did not catch) into bad input rather than a crash.
template <class F>
CommandResult guarded(F&& f) noexcept {
    try {
        return std::forward<F>(f)();
    } catch (const std::exception& e) {
        return bad_input(std::string{"avtal: internal error: "} + e.what());
    } catch (...) {
        return bad_input("avtal: internal error");
    }
}

} // namespace

int worst_exit_code(int a, int b) noexcept { return rank(a) >= rank(b) ? a : b; }

CommandResult run_check(std::span<const Input> inputs, const CommandOptions& options, const OutputSink& sink, const OutputSink& error_sink) {
    return guarded([&] {
        CommandResult r;
        CheckOptions check_options;
        check_options.date = options.date;
        check_options.thresholds = options.thresholds;
        std::size_t shown = 0, index = 0;
        std::string out;
        const auto flush = [&] {
            if (sink && !out.empty()) {
                sink(out);
                out.clear();
            }
        };
        for (const Input& input : inputs) {
            std::vector<json::ReadResult> docs = json::read_batch(input.bytes, input.source);
            if (docs.empty()) {
                // An empty batch ("[]") checks nothing: bad input, not a silent success.
                add_problems(r, input.source, index++, {}, {Problem{ProblemCode::empty_document, "", "no agreement: the batch is empty"}});
                r.exit_code = worst_exit_code(r.exit_code, exit_bad_input);
                if (error_sink) {
                    error_sink(r.errors);
                    r.errors.clear();
                }
                continue;
            }
            for (json::ReadResult& doc : docs) {
                const std::size_t i = index++;
                if (!doc.agreement) {
                    add_problems(r, doc.source, i, doc.input_sha256, doc.problems);
                    r.exit_code = worst_exit_code(r.exit_code, exit_bad_input);
                    if (error_sink) {
                        error_sink(r.errors);
                        r.errors.clear();
                    }
                    continue;
                }
                const Report report = check(*doc.agreement, check_options);
                r.exit_code = worst_exit_code(r.exit_code, exit_code(report.verdict()));
                if (options.format == Format::json) {
                    out += json::write_report(report, {options.lang, options.all}, doc.input_sha256);
                    out += '\n';
                } else {
                    const RenderOptions ro = render_options(options, doc.input_sha256);
                    if (shown++ > 0) out += options.format == Format::markdown ? "\n---\n\n" : "\n" + std::string(80, '=') + "\n";
                    out += options.format == Format::markdown ? render_markdown(report, ro) : render_text(report, ro);
                }
                if (out.size() > (1U << 16)) flush();
            }
        }
        flush();
        if (!sink) r.output = std::move(out);
        return r;
    });
}

CommandResult run_check(const Input& input, const CommandOptions& options, const OutputSink& sink, const OutputSink& error_sink) {
    return run_check(std::span<const Input>{&input, 1}, options, sink, error_sink);
}

CommandResult run_allocate(const Input& input, const CommandOptions& options) {
    return guarded([&] {
        if (options.format == Format::markdown) return unsupported("allocate", options.format);
        auto doc = json::read_agreement(input.bytes);
        if (!doc.agreement) {
            CommandResult r;
            r.exit_code = exit_bad_input;
            add_problems(r, input.source, 0, doc.input_sha256, doc.problems);
            return r;
        }
        CommandResult r;
        const Context ctx{*doc.agreement, options.date, options.thresholds};
        const auto lines = report_allocation(ctx);
        r.output =
            options.format == Format::json ? json::write_allocation(ctx, lines) + "\n" : render_allocation(ctx, lines, render_options(options));
        return r;
    });
}

CommandResult run_thresholds(const CommandOptions& options) {
    return guarded([&] {
        if (options.format == Format::markdown) return unsupported("thresholds", options.format);
        const std::shared_ptr<const ThresholdTable> table = options.thresholds ? options.thresholds : builtin_thresholds();
        CommandResult r;
        if (options.format == Format::json) {
            ThresholdTable t;
            t.name = table->name;
            if (options.date) {
                for (const ThresholdRow* row : table->direct_award_rows(*options.date)) t.rows.push_back(*row);
            } else {
                t.rows = table->rows;
            }
            r.output = json::write_thresholds(t);
        } else {
            r.output = render_thresholds(*table, options.date, render_options(options));
        }
        if (options.date && table->direct_award_rows(*options.date).empty()) {
            r.exit_code = exit_bad_input;
            r.errors = "avtal: no confirmed direct-award limit for " + format_date(*options.date) + " in " + table->name + "\n";
        }
        return r;
    });
}

CommandResult run_forms(const Input& input, const CommandOptions& options) {
    return guarded([&] {
        if (options.format == Format::markdown) return unsupported("forms", options.format);
        const auto needs = json::read_needs(input.bytes);
        if (!needs.need) {
            CommandResult r;
            r.exit_code = exit_bad_input;
            add_problems(r, input.source, 0, {}, needs.problems);
            return r;
        }
        const Recommendation rec = recommend_forms(*needs.need);
        CommandResult r;
        r.output = options.format == Format::json ? json::write_recommendation(rec, options.lang) + "\n"
                                                  : render_recommendation(rec, render_options(options));
        return r;
    });
}

CommandResult run_explain(std::string_view id, const CommandOptions& options) {
    return guarded([&] {
        CommandResult r;
        if (const Rule* rule = find_rule(id)) {
            r.output = render_rule(rule->info(), render_options(options));
            return r;
        }
        if (const auto* e = find_exception(id)) {
            r.output = render_exception(e->info(), render_options(options));
            return r;
        }
        r.exit_code = exit_bad_input;
        r.errors = "avtal: unknown rule " + std::string{id} + "; known rules:";
        for (const Rule& rule : builtin_rules()) r.errors += " " + rule.id();
        for (const auto& e : builtin_exceptions()) r.errors += " " + e.id();
        r.errors += "\n";
        return r;
    });
}

ThresholdLoad load_thresholds(std::string_view bytes, std::string_view name) {
    ThresholdLoad out;
    try {
        auto r = json::read_thresholds(bytes, name);
        if (!r.table) {
            for (const auto& p : r.problems) out.errors += std::string{name} + ": " + p.to_string() + "\n";
            return out;
        }
        if (r.extends_builtin)
            out.table = std::make_shared<const ThresholdTable>(builtin_thresholds()->extended_with(*r.table));
        else
            out.table = std::make_shared<const ThresholdTable>(std::move(*r.table));
    } catch (const std::exception& e) {
        out.table = nullptr;
        out.errors = std::string{name} + ": " + e.what() + "\n";
    }
    return out;
}

} // namespace avtal
