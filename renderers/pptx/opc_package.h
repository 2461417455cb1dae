// The Open Packaging Conventions layer of a PPTX: parts with their content types, per-part
// relationships numbered rId1, rId2, … in the order added, [Content_Types].xml and the zip.
#pragma once

#include <string>
#include <vector>

#include "renderers/pptx/zip_archive.h"

namespace tenkai::renderers::pptx {

namespace rel {
inline constexpr const char* kOfficeDocument =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
inline constexpr const char* kCoreProperties =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
inline constexpr const char* kExtendedProperties =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
inline constexpr const char* kBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
}  // namespace rel

// The relationships of one part (or of the package), written as its .rels part.
class Relationships {
 public:
  // Adds a relationship of type kBase + `type` (or a full URI) and returns its id.
  std::string add(const std::string& type, const std::string& target, bool external = false);
  bool empty() const { return entries_.empty(); }
  std::string xml() const;

 private:
  struct Entry {
    std::string id, type, target;
    bool external = false;
  };
  std::vector<Entry> entries_;
};

class Package {
 public:
  // Adds a part at `name` (no leading slash). An empty `content_type` leaves the type to the
  // extension's default (png, jpeg, xlsx, rels, xml).
  void add_part(const std::string& name, const std::string& content_type, std::string bytes);
  // Adds the .rels part that belongs to `source` ("" for the package itself).
  void add_relationships(const std::string& source, const Relationships& rels);
  // Writes [Content_Types].xml first, then the parts in the order added.
  bool write(const std::string& path, std::string& error) const;

 private:
  struct Part {
    std::string name, content_type, bytes;
  };
  std::vector<Part> parts_;
};

}  // namespace tenkai::renderers::pptx
