// What Cairo 1.16 cannot write into a tagged PDF, added afterwards: the document language, /Alt
// on the Figure structure elements, DisplayDocTitle. Only the few objects concerned are read
// (through the cross-reference table Cairo writes); their new versions are appended as an
// incremental update, with an /ID made from the bytes, so the same input gives the same bytes and
// the pass costs the same on a 2-page or a 100-page deck. No PDF library is linked for it: qpdf
// alone took about a tenth of a small deck's CPU in loading and relocating itself and its crypto
// libraries at start-up.
#pragma once

#include <string>
#include <vector>

namespace tenkai::renderers {

// Rewrites `pdf` in place; `figure_alts` are the alt texts of the Figure elements in the order
// they appear in the structure tree ("" leaves one without /Alt). False with `error` (and
// `pdf` untouched) when the file is not in the form Cairo writes.
bool finish_tagged_pdf(std::string& pdf, const std::vector<std::string>& figure_alts,
                       const std::string& language, std::string& error);

}  // namespace tenkai::renderers
