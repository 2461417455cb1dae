// The qpdf finishing pass over a tagged Cairo PDF.
// qpdf 11 without its deprecated PointerHolder: std::shared_ptr throughout.
#define POINTERHOLDER_TRANSITION 4

#include "renderers/cairo/pdf_tagging.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <set>

namespace tenkai::renderers {
namespace {

// Figure elements in document order: depth first through /K, which holds child elements,
// marked-content references (integers or /MCR dictionaries) and object references.
void collect_figures(QPDFObjectHandle element, std::set<QPDFObjGen>& seen,
                     std::vector<QPDFObjectHandle>& out) {
  if (!element.isDictionary()) return;
  if (element.isIndirect() && !seen.insert(element.getObjGen()).second) return;
  QPDFObjectHandle type = element.getKey("/S");
  if (type.isName() && type.getName() == "/Figure") out.push_back(element);
  QPDFObjectHandle kids = element.getKey("/K");
  if (kids.isArray()) {
    for (int i = 0; i < kids.getArrayNItems(); ++i)
      collect_figures(kids.getArrayItem(i), seen, out);
  } else if (kids.isDictionary()) {
    collect_figures(kids, seen, out);
  }
}

}  // namespace

bool finish_tagged_pdf(std::string& pdf, const std::vector<std::string>& figure_alts,
                       const std::string& language, std::string& error) {
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    document.processMemoryFile("tagged.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle root = document.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
    if (!root.getKey("/MarkInfo").isDictionary())
      root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    // Viewers then show the title, not the file name (PDF/UA asks for it).
    root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
    std::vector<QPDFObjectHandle> figures;
    std::set<QPDFObjGen> seen;
    collect_figures(root.getKey("/StructTreeRoot"), seen, figures);
    for (size_t i = 0; i < figures.size() && i < figure_alts.size(); ++i) {
      if (!figure_alts[i].empty())
        figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(figure_alts[i]));
    }
    QPDFWriter writer(document);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    pdf.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    return true;
  } catch (const std::exception& e) {
    error = std::string("cannot finish the tagged PDF: ") + e.what();
    return false;
  }
}

}  // namespace tenkai::renderers
