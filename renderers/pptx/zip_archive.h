// A zip file written through libminizip: entries in the order added, each dated 1980-01-01
// 00:00 and deflated, so the same entries always give the same bytes.
#pragma once

#include <string>
#include <vector>

namespace tenkai::renderers::pptx {

struct ZipEntry {
  std::string name;  // path inside the zip, e.g. "ppt/slides/slide1.xml"
  std::string bytes;
};

// Writes `entries` to `path` in order; false with a message in `error`.
bool write_zip(const std::string& path, const std::vector<ZipEntry>& entries, std::string& error);

}  // namespace tenkai::renderers::pptx
