// Cairo output collected in memory, then written to the given path in one go.
#pragma once

#include <cairo.h>

#include <string>

namespace tenkai::renderers {

// A cairo_write_func_t appending to the std::string passed as `closure`.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

// Writes `bytes` to `path` (created or truncated); false with a message on failure.
bool write_bytes(const std::string& path, const std::string& bytes, std::string& error);

}  // namespace tenkai::renderers
