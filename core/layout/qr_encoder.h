// QR encoding as an interface: core lays out the module matrix, the encoder (libqrencode, in
// renderers/) is handed in by the driver like the text measurer, so core links no QR library.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace tenkai::layout {

enum class QrLevel { L, M, Q, H };

// Square module matrix, row-major, true = dark; no quiet zone (layout adds it).
struct QrMatrix {
  int size = 0;
  std::vector<bool> modules;
  bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x]; }
};

class QrEncoder {
 public:
  virtual ~QrEncoder() = default;
  // nullopt when the text cannot be encoded (too long for any version).
  virtual std::optional<QrMatrix> encode(std::string_view text, QrLevel level) = 0;
};

}  // namespace tenkai::layout
