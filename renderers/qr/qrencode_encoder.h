// The QR encoder handed to layout: libqrencode behind core's QrEncoder interface.
#pragma once

#include <memory>

#include "core/layout/qr_encoder.h"

namespace tenkai::renderers {

std::unique_ptr<layout::QrEncoder> make_qr_encoder();

}  // namespace tenkai::renderers
