// What Cairo 1.16 cannot write into a tagged PDF, added with libqpdf: the document language,
// /Alt on the Figure structure elements, DisplayDocTitle. qpdf reads the few objects concerned;
// their new versions are appended as an incremental update, with an /ID made from the bytes, so
// the same input gives the same bytes and the pass costs the same on a 2-page or a 100-page deck.
#pragma once

#include <string>
#include <vector>

namespace tenkai::renderers {

// Rewrites `pdf` in place; `figure_alts` are the alt texts of the Figure elements in the order
// they appear in the structure tree ("" leaves one without /Alt). False with `error` (and
// `pdf` untouched) when qpdf cannot read or write the file.
bool finish_tagged_pdf(std::string& pdf, const std::vector<std::string>& figure_alts,
                       const std::string& language, std::string& error);

}  // namespace tenkai::renderers
