// Zip writing over libminizip with fixed dates and no extra fields.
#include "renderers/pptx/zip_archive.h"

#include <minizip/zip.h>

namespace tenkai::renderers::pptx {

bool write_zip(const std::string& path, const std::vector<ZipEntry>& entries, std::string& error) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zip) {
    error = "cannot create " + path;
    return false;
  }
  bool ok = true;
  for (const auto& entry : entries) {
    zip_fileinfo info{};
    info.tmz_date.tm_year = 1980;  // minizip takes the full year
    info.tmz_date.tm_mon = 0;
    info.tmz_date.tm_mday = 1;
    info.dosDate = 0;
    int status = zipOpenNewFileInZip4_64(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0,
                                         nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS,
                                         DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, 0, 0, 0);
    if (status == ZIP_OK && !entry.bytes.empty()) {
      status =
          zipWriteInFileInZip(zip, entry.bytes.data(), static_cast<unsigned>(entry.bytes.size()));
    }
    if (status == ZIP_OK) status = zipCloseFileInZip(zip);
    if (status != ZIP_OK) {
      error = "cannot write " + entry.name + " into " + path;
      ok = false;
      break;
    }
  }
  if (zipClose(zip, nullptr) != ZIP_OK && ok) {
    error = "cannot finish " + path;
    ok = false;
  }
  return ok;
}

}  // namespace tenkai::renderers::pptx
