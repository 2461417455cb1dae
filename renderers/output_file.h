// The output set of a run, written as one transaction: every file is staged in a private folder
// (mkdtemp, mode 0700) and only moved into the out folder when the whole run succeeded, under a
// journal, so that a failed run changes nothing and a killed one is completed by the next.
//
// How a writer uses it:
//   renderers::OutputSet outputs(out_dir);           // nothing is created yet
//   std::string path = outputs.reserve("a.pdf", error); // "" on a bad or duplicate name
//   write_pdf(doc, path, ...);                        // libraries that open by name: fine here,
//                                                     // the folder is private to this run
//   int fd = outputs.open_exclusive("b.pptx", error); // or an O_EXCL|O_NOFOLLOW descriptor
//   ...
//   if (!outputs.commit(error)) ...                   // only after every output was written
// Dropping the OutputSet without commit() removes the staging folder; --out is never created.
#pragma once

#include <string>
#include <vector>

namespace tenkai::renderers {

class OutputSet {
 public:
  // Outputs go to `out_dir`; it is created only by a successful commit().
  explicit OutputSet(std::string out_dir);
  ~OutputSet();  // removes the staging folder unless commit() succeeded
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // Path in the private staging folder to write output `name` to; "" with `error` when the
  // name is not a plain file name (empty, '/', NUL, "." or "..", invalid UTF-8) or was already
  // reserved in this run, or the staging folder cannot be made.
  std::string reserve(const std::string& name, std::string& error);
  // Reserves `name` and creates its staged file with O_CREAT|O_EXCL|O_NOFOLLOW; the caller
  // owns (and closes) the descriptor. -1 with `error` on failure.
  int open_exclusive(const std::string& name, std::string& error);
  // Whether `name` is already reserved.
  bool reserved(const std::string& name) const;
  // out_dir/name, for messages.
  std::string target_path(const std::string& name) const;
  const std::string& out_dir() const { return out_dir_; }

  // Moves every reserved output into the out folder: checks targets first (a folder in the way
  // fails before anything moves), fsyncs, writes the journal, renames, removes the journal.
  // On a failed rename the outputs already moved are put back. False with `error` on failure.
  bool commit(std::string& error);

 private:
  bool make_staging(std::string& error);
  void remove_staging();

  std::string out_dir_;
  std::string staging_;    // private folder, empty until the first reserve()
  int staging_lock_ = -1;  // flock'd descriptor of the staging folder while this run lives
  bool out_existed_ = false;
  std::vector<std::string> names_;
  bool committed_ = false;
};

// Finishes what a killed run left in `out_dir` (and its parent): completes a commit whose
// journal is present, then removes staging folders no live run holds. Runs at the start of
// every build; harmless when there is nothing to do. False with `error` when a journaled commit
// cannot be completed.
bool recover_output_folder(const std::string& out_dir, std::string& error);

// Creates `dir/name` with O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC (mode 0644 before umask); -1 with
// `error` when it exists, is a symlink, or cannot be made.
int create_exclusive(const std::string& dir, const std::string& name, std::string& error);

// Writes `bytes` to `target` through an exclusive temporary file beside it and rename(), so
// readers see the old or the new file, never a mix; false with a message on failure.
bool write_file_atomically(const std::string& target, const std::string& bytes, std::string& error);

// Whether `name` is a plain output file name; otherwise `why` says what is wrong.
bool is_plain_file_name(const std::string& name, std::string& why);

}  // namespace tenkai::renderers
