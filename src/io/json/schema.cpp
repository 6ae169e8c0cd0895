// The JSON Schema (draft 2020-12) of avtal/1, generated from the field
// tables the reader checks keys against (fields.hpp).
#include "fields.hpp"
#include "out.hpp"

#include <avtal/io/json.hpp>

#include <string>
#include <vector>

namespace avtal::json {

namespace {

using detail::Field;
using detail::Fields;
using detail::FieldType;
using detail::Out;

/// The tables reachable from `f`, each once, in the order first met.
void collect(const Fields& f, std::vector<const Fields*>& out) {
    for (const Fields* seen : out)
        if (seen == &f) return;
    out.push_back(&f);
    for (const Field& x : f.list)
        if (x.object) collect(*x.object, out);
}

void ref(Out& o, const Fields& f) { o.key("$ref").string("#/$defs/" + std::string{f.name}); }

/// `"type": name` or, when null is allowed, `"type": [name, "null"]`.
void type(Out& o, std::initializer_list<std::string_view> names, bool nullable) {
    o.key("type");
    if (names.size() == 1 && !nullable) {
        o.string(*names.begin());
        return;
    }
    o.begin_array();
    for (std::string_view n : names) o.string(n);
    if (nullable) o.string("null");
    o.end_array();
}

void enumeration(Out& o, const Field& f, bool nullable) {
    o.key("enum").begin_array();
    for (std::string_view v : f.values()) o.string(v);
    if (nullable) o.null();
    o.end_array();
}

void amount(Out& o, bool nullable) {
    type(o, {"number", "string"}, nullable);
    o.key("minimum").number("0");
    o.key("pattern").string("^[0-9]+(\\.[0-9]{1,2})?$");
}

void percent(Out& o, std::int64_t maximum, bool nullable) {
    type(o, {"number"}, nullable);
    o.key("minimum").number("0");
    if (maximum > 0) o.key("maximum").number(std::to_string(maximum));
}

/// The members of a property's schema (inside its braces).
void value(Out& o, const Field& f) {
    const bool nullable = !f.required;
    switch (f.type) {
    case FieldType::constant:
        o.key("enum").begin_array().string(f.constant);
        if (nullable) o.null();
        o.end_array();
        break;
    case FieldType::text: type(o, {"string"}, nullable); break;
    case FieldType::boolean: type(o, {"boolean"}, nullable); break;
    case FieldType::date:
        type(o, {"string"}, nullable);
        o.key("format").string("date");
        o.key("pattern").string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        break;
    case FieldType::amount: amount(o, nullable); break;
    case FieldType::percent: percent(o, f.maximum, nullable); break;
    case FieldType::count:
        type(o, {"integer"}, nullable);
        o.key("minimum").number("0");
        o.key("maximum").number(std::to_string(f.maximum));
        break;
    case FieldType::enumeration: enumeration(o, f, nullable); break;
    case FieldType::enumerations:
        type(o, {"array"}, nullable);
        o.key("items").begin_object();
        enumeration(o, f, false);
        o.end_object();
        break;
    case FieldType::ids:
        type(o, {"array"}, nullable);
        o.key("items").begin_object().key("type").string("string").end_object();
        break;
    case FieldType::object:
        if (nullable) {
            o.key("anyOf").begin_array().begin_object();
            ref(o, *f.object);
            o.end_object().begin_object().key("type").string("null").end_object().end_array();
        } else {
            ref(o, *f.object);
        }
        break;
    case FieldType::objects:
        type(o, {"array"}, nullable);
        o.key("items").begin_object();
        ref(o, *f.object);
        o.end_object();
        break;
    case FieldType::shares:
    case FieldType::weights:
        type(o, {"object"}, nullable);
        o.key("additionalProperties").begin_object();
        percent(o, f.type == FieldType::shares ? 100 : 0, false);
        o.end_object();
        break;
    case FieldType::amount_or:
        o.key("anyOf").begin_array().begin_object();
        amount(o, nullable);
        o.end_object().begin_object();
        ref(o, *f.object);
        o.end_object().end_array();
        break;
    }
}

/// An object's schema members: its description, properties, required keys
/// and no others.
void object(Out& o, const Fields& f) {
    o.key("description").string(f.doc);
    o.key("type").string("object");
    o.key("properties").begin_object();
    for (const Field& x : f.list) {
        o.key(x.key).begin_object();
        o.key("description").string(x.doc);
        value(o, x);
        o.end_object();
    }
    o.end_object();
    bool any = false;
    for (const Field& x : f.list) any = any || x.required;
    if (any) {
        o.key("required").begin_array();
        for (const Field& x : f.list)
            if (x.required) o.string(x.key);
        o.end_array();
    }
    o.key("additionalProperties").boolean(false);
}

} // namespace

std::string agreement_schema() {
    Out o{true};
    o.begin_object();
    o.key("$schema").string("https://json-schema.org/draft/2020-12/schema");
    o.key("title").string("avtal/1: an agreement on avtalssamverkan");
    object(o, detail::fields::agreement);
    std::vector<const Fields*> defs;
    collect(detail::fields::agreement, defs);
    o.key("$defs").begin_object();
    for (const Fields* f : defs) {
        if (f == &detail::fields::agreement) continue;
        o.key(f->name).begin_object();
        object(o, *f);
        o.end_object();
    }
    o.end_object();
    o.end_object();
    return o.take();
}

} // namespace avtal::json
