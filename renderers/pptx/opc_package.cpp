// Parts, relationships and content types of the package, in a fixed order.
#include "renderers/pptx/opc_package.h"

#include <algorithm>

#include "renderers/pptx/xml_writer.h"

namespace tenkai::renderers::pptx {

std::string Relationships::add(const std::string& type, const std::string& target, bool external) {
  std::string id = "rId" + std::to_string(entries_.size() + 1);
  std::string full = type.rfind("http", 0) == 0 ? type : rel::kBase + type;
  entries_.push_back({id, full, target, external});
  return id;
}

std::string Relationships::xml() const {
  XmlWriter x;
  x.open("Relationships")
      .attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  for (const auto& e : entries_) {
    x.open("Relationship").attr("Id", e.id).attr("Type", e.type).attr("Target", e.target);
    if (e.external) x.attr("TargetMode", "External");
    x.close();
  }
  x.close();
  return x.finish();
}

void Package::add_part(const std::string& name, const std::string& content_type,
                       std::string bytes) {
  parts_.push_back({name, content_type, std::move(bytes)});
}

void Package::add_relationships(const std::string& source, const Relationships& rels) {
  std::string folder, file;
  size_t slash = source.rfind('/');
  if (slash == std::string::npos) {
    file = source;
  } else {
    folder = source.substr(0, slash + 1);
    file = source.substr(slash + 1);
  }
  add_part(folder + "_rels/" + file + ".rels", "", rels.xml());
}

bool Package::write(const std::string& path, std::string& error) const {
  XmlWriter types;
  types.open("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  const std::pair<const char*, const char*> defaults[] = {
      {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
      {"xml", "application/xml"},
      {"png", "image/png"},
      {"jpeg", "image/jpeg"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  for (const auto& entry : defaults) {
    // A named copy, not a structured binding: Clang 14 cannot capture those in a lambda.
    const std::string ext = entry.first;
    bool used = std::any_of(parts_.begin(), parts_.end(), [&](const Part& p) {
      return p.name.size() > ext.size() &&
             p.name.compare(p.name.size() - ext.size(), std::string::npos, ext) == 0;
    });
    if (used || ext == "rels" || ext == "xml")
      types.leaf("Default", {{"Extension", ext}, {"ContentType", entry.second}});
  }
  for (const auto& part : parts_) {
    if (part.content_type.empty()) continue;
    types.leaf("Override", {{"PartName", "/" + part.name}, {"ContentType", part.content_type}});
  }
  types.close();
  std::vector<ZipEntry> entries;
  entries.push_back({"[Content_Types].xml", types.finish()});
  for (const auto& part : parts_) entries.push_back({part.name, part.bytes});
  return write_zip(path, entries, error);
}

}  // namespace tenkai::renderers::pptx
