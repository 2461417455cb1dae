// The qpdf finishing pass over a tagged Cairo PDF.
// qpdf 11 without its deprecated PointerHolder: std::shared_ptr throughout.
#define POINTERHOLDER_TRANSITION 4

#include "renderers/cairo/pdf_tagging.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <set>
#include <stdexcept>

namespace tenkai::renderers {
namespace {

// Figure elements in document order, at most `wanted`: depth first through /K, which holds child
// elements, marked-content references (integers or /MCR dictionaries) and object references.
// The painter opens a Figure only directly in the Document or a page's Sect, so the walk enters
// nothing else: a national table's thousands of TR/TD elements are never resolved.
void collect_figures(QPDFObjectHandle element, size_t wanted, std::set<QPDFObjGen>& seen,
                     std::vector<QPDFObjectHandle>& out) {
  if (out.size() >= wanted || !element.isDictionary()) return;
  if (element.isIndirect() && !seen.insert(element.getObjGen()).second) return;
  QPDFObjectHandle type = element.getKey("/S");
  std::string name = type.isName() ? type.getName() : "";
  if (name == "/Figure") {
    out.push_back(element);
    return;
  }
  if (!name.empty() && name != "/Document" && name != "/Sect") return;
  QPDFObjectHandle kids = element.getKey("/K");
  if (kids.isArray()) {
    for (int i = 0; i < kids.getArrayNItems() && out.size() < wanted; ++i)
      collect_figures(kids.getArrayItem(i), wanted, seen, out);
  } else if (kids.isDictionary()) {
    collect_figures(kids, wanted, seen, out);
  }
}

// One object of the incremental update: its number and its new body.
struct UpdatedObject {
  QPDFObjGen id;
  std::string body;
};

// The trailer of the update: the original's entries, /Prev pointing at the original
// cross-reference table, and an /ID made from the original bytes when Cairo wrote none (the same
// bytes give the same /ID).
std::string update_trailer(QPDFObjectHandle original, const std::string& pdf) {
  size_t start = pdf.rfind("startxref");
  if (start == std::string::npos) throw std::runtime_error("no startxref");
  long long previous = std::stoll(pdf.substr(start + 9, 32));
  QPDFObjectHandle trailer = QPDFObjectHandle::newDictionary();
  for (const char* key : {"/Size", "/Root", "/Info", "/ID"}) {
    if (original.hasKey(key)) trailer.replaceKey(key, original.getKey(key));
  }
  if (!trailer.hasKey("/ID")) {
    auto md5 = QPDFCryptoProvider::getImpl();
    md5->MD5_init();
    md5->MD5_update(reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size());
    md5->MD5_finalize();
    QPDFCryptoImpl::MD5_Digest bytes;
    md5->MD5_digest(bytes);
    std::string id(reinterpret_cast<const char*>(bytes), sizeof(bytes));
    QPDFObjectHandle ids = QPDFObjectHandle::newArray();
    ids.appendItem(QPDFObjectHandle::newString(id));
    ids.appendItem(QPDFObjectHandle::newString(id));
    trailer.replaceKey("/ID", ids);
  }
  trailer.replaceKey("/Prev", QPDFObjectHandle::newInteger(previous));
  return trailer.unparseResolved();
}

// Appends the objects as an incremental update (ISO 32000-1 7.5.6): their new bodies, a
// cross-reference section for just them, and the trailer. Cairo's bytes before it are kept as
// they are, so the pass costs what the few changed objects cost, not a rewrite of the file.
void append_update(std::string& pdf, std::vector<UpdatedObject> updates,
                   const std::string& trailer) {
  std::sort(updates.begin(), updates.end(),
            [](const UpdatedObject& a, const UpdatedObject& b) { return a.id < b.id; });
  if (pdf.empty() || pdf.back() != '\n') pdf += '\n';
  std::vector<size_t> offsets;
  for (const auto& object : updates) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(object.id.getObj()) + " " + std::to_string(object.id.getGen()) +
           " obj\n" + object.body + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n";
  char entry[32];
  for (size_t i = 0; i < updates.size(); ++i) {
    pdf += std::to_string(updates[i].id.getObj()) + " 1\n";
    // Every entry is exactly 20 bytes: offset, generation, type, and a two-byte end of line.
    std::snprintf(entry, sizeof(entry), "%010zu %05d n \n", offsets[i], updates[i].id.getGen());
    pdf += entry;
  }
  pdf += "trailer\n" + trailer + "\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace

bool finish_tagged_pdf(std::string& pdf, const std::vector<std::string>& figure_alts,
                       const std::string& language, std::string& error) {
  try {
    std::vector<UpdatedObject> updates;
    std::string trailer;
    {
      // qpdf reads objects on demand: only the catalog, the structure tree's top and the figures
      // are parsed, never the pages' content or the table cells' elements.
      QPDF document;
      document.setSuppressWarnings(true);
      document.processMemoryFile("tagged.pdf", pdf.data(), pdf.size());
      QPDFObjectHandle root = document.getRoot();
      root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
      if (!root.getKey("/MarkInfo").isDictionary())
        root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
      // Viewers then show the title, not the file name (PDF/UA asks for it).
      root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
      if (!root.isIndirect()) throw std::runtime_error("the catalog is not an indirect object");
      updates.push_back({root.getObjGen(), root.unparseResolved()});
      std::vector<QPDFObjectHandle> figures;
      std::set<QPDFObjGen> seen;
      collect_figures(root.getKey("/StructTreeRoot"), figure_alts.size(), seen, figures);
      for (size_t i = 0; i < figures.size() && i < figure_alts.size(); ++i) {
        if (figure_alts[i].empty()) continue;
        if (!figures[i].isIndirect())
          throw std::runtime_error("a Figure is not an indirect object");
        figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(figure_alts[i]));
        updates.push_back({figures[i].getObjGen(), figures[i].unparseResolved()});
      }
      trailer = update_trailer(document.getTrailer(), pdf);
    }
    append_update(pdf, updates, trailer);
    return true;
  } catch (const std::exception& e) {
    error = std::string("cannot finish the tagged PDF: ") + e.what();
    return false;
  }
}

}  // namespace tenkai::renderers
