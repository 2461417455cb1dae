// Repair of a Cairo 1.16 PDF flaw: cross-reference entries for objects that were never written.
#pragma once

#include <string>

namespace tenkai::renderers {

// Cairo 1.16 reserves an object number for the structure element of every link annotation but,
// without a structure tree, never writes the object; its xref entry then points at another
// object and strict readers (qpdf --check) report the file as damaged. This marks every entry of
// the final xref table whose offset does not start "N G obj" as free, keeping every byte offset
// (entries have a fixed width), so the result is deterministic and otherwise untouched. References
// to a free object read as null, which is what the unused structure arrays then hold.
// Returns the number of entries freed; leaves `pdf` unchanged (and returns 0) when the table is
// not in the classic single-section form Cairo writes.
int free_unwritten_xref_entries(std::string& pdf);

}  // namespace tenkai::renderers
