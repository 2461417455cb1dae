// libqrencode in 8-bit mode (URLs keep their case), smallest version that holds the text.
#include "renderers/qr/qrencode_encoder.h"

#include <qrencode.h>

#include <string>

namespace tenkai::renderers {
namespace {

class QrencodeEncoder : public layout::QrEncoder {
 public:
  std::optional<layout::QrMatrix> encode(std::string_view text, layout::QrLevel level) override {
    QRecLevel ec = level == layout::QrLevel::L   ? QR_ECLEVEL_L
                   : level == layout::QrLevel::Q ? QR_ECLEVEL_Q
                   : level == layout::QrLevel::H ? QR_ECLEVEL_H
                                                 : QR_ECLEVEL_M;
    std::string data(text);
    QRcode* code = QRcode_encodeData(static_cast<int>(data.size()),
                                     reinterpret_cast<const unsigned char*>(data.data()), 0, ec);
    if (!code) return std::nullopt;
    layout::QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.resize(static_cast<size_t>(code->width) * code->width);
    for (size_t i = 0; i < matrix.modules.size(); ++i) matrix.modules[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return matrix;
  }
};

}  // namespace

std::unique_ptr<layout::QrEncoder> make_qr_encoder() {
  return std::make_unique<QrencodeEncoder>();
}

}  // namespace tenkai::renderers
