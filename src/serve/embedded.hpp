#pragma once
// Files compiled into the service at build time (cmake/embed.cmake): the
// OpenAPI description, the JSON Schema of avtal/1 and the static files of
// the web page (src/web/). Nothing a request names is ever opened on disk.
#include <span>
#include <string_view>

namespace avtal::detail {

/// @brief One embedded file: the path it is served at, its media type, its bytes.
struct EmbeddedFile {
    std::string_view name;         ///< Request path, e.g. `/index.html`, or a document's key, e.g. `openapi`.
    std::string_view content_type; ///< Media type sent with it.
    std::string_view bytes;        ///< The file as it was at build time.
};

/// @brief The service's own documents: `openapi` (src/serve/openapi.json)
/// and `agreement-schema` (docs/schema/avtal-1.schema.json).
[[nodiscard]] std::span<const EmbeddedFile> embedded_documents();

/// @brief The static files of the web page (src/web/), served at `/` and
/// below with a strict Content-Security-Policy; empty until the page exists.
[[nodiscard]] std::span<const EmbeddedFile> embedded_web_assets();

} // namespace avtal::detail
