// Who leads the programme (誰が在宅医療の推進を先導・支援するのか): the district medical
// association as flag-bearer and the municipal government as supporter side by side, their tag-team
// leading to a true community-based integrated care system, and the other bodies drawn in through
// co-operating in the training. Texts are the seed deck's; the other bodies can be listed.
#include <algorithm>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Color;
using scene::Rect;

struct StakeholdersData : ElementData {
  std::vector<std::string> others = {"歯科医師会",           "薬剤師会",
                                     "訪問看護ステーション", "地域包括支援センター",
                                     "介護支援専門員",       "病院"};
};

std::shared_ptr<const ElementData> parse_stakeholders(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<StakeholdersData>();
  if (auto others = reader.string_list(node, "others")) data->others = *others;
  return data;
}

struct Card {
  const char* name;
  const char* role;
  const char* text;
  const char* note;  // may be empty
};
const Card kDoctors{"郡市医師会", "（旗振り役）",
                    "地域の医療を面的に支える（医療機関をつなげる）存在", ""};
const Card kGovernment{"市町村行政", "（支え役）",
                       "地域包括ケアシステムの構築において中心的な役割を担う立場",
                       "保険者として各職種の橋渡し"};
const char* kUnique = "いずれもその役割を果たすことのできる地域では唯一無二に近い存在";
const char* kTagTeam =
    "両者がタッグを組むことにより「医療」を含む真の地域包括ケアシステムが構築される";
const char* kTag = "タッグ";
const char* kDrawIn = "さらに他の関係者を巻き込んでいく（「研修開催への協力」をきっかけに）";

class StakeholdersBuilder {
 public:
  StakeholdersBuilder(const StakeholdersData& data, const ElementSpec& element,
                      LayoutContext& context)
      : data_(data), element_(element), context_(context), box_(context.box) {}

  ElementLayout build() {
    ElementLayout out;
    search_scale(context_, element_, "the stakeholder diagram", [&](double scale) {
      items_.clear();
      return attempt(scale);
    });
    out.items = std::move(items_);
    out.used_height = box_.height;
    return out;
  }

 private:
  scene::Font font(double size, bool bold = false) const {
    return context_.theme.font(size, bold ? scene::Weight::bold : scene::Weight::regular);
  }

  FlowedText text(const std::string& s, double size, Color color, double width, bool bold = false) {
    return flow(context_, {{s, font(size, bold), color}}, width);
  }

  // Card pieces flowed `width` wide: header, body, note.
  struct CardText {
    FlowedText header, body, note;
    double header_h = 0, note_h = 0, natural = 0;
  };
  CardText card_text(const Card& card, double width) {
    const Theme& theme = context_.theme;
    CardText t;
    double inner = width - 2 * pad_;
    t.header = flow(context_,
                    {{card.name, font(head_size_, true), {1, 1, 1, 1}},
                     {card.role, font(head_size_ * 0.85, true), {1, 1, 1, 1}}},
                    inner);
    t.body = balanced_flow(context_, {{card.text, font(body_size_), theme.text}}, inner);
    if (card.note[0]) t.note = text(card.note, small_size_, theme.accent, inner - 2 * pad_, true);
    t.header_h = t.header.height + 2 * pad_;
    t.note_h = card.note[0] ? t.note.height + 2 * pad_ * 0.6 : 0;
    t.natural = t.header_h + t.body.height + 2 * pad_ + (t.note_h > 0 ? t.note_h + pad_ : 0);
    if (t.header.too_wide || t.body.too_wide || t.note.too_wide) ok_ = false;
    return t;
  }

  bool attempt(double scale) {
    const Theme& theme = context_.theme;
    ok_ = true;
    head_size_ = theme.body_size * scale;
    body_size_ = theme.body_size * 0.85 * scale;
    small_size_ = theme.small_size * 1.05 * scale;
    pad_ = 7 * scale, gap_ = 10 * scale;
    const double W = box_.width;

    // Card row: two cards and the tag between them.
    double tag_w = context_.measurer.measure(kTag, font(small_size_, true)).width;
    double middle = std::max(W * 0.08, tag_w + 2 * pad_);
    double card_w = (W - middle) / 2;
    CardText left = card_text(kDoctors, card_w), right = card_text(kGovernment, card_w);
    double cards_h = std::max(left.natural, right.natural);

    FlowedText unique = text(kUnique, small_size_, theme.muted, W);
    double arrow_h = std::max(gap_ * 2, body_size_ * 1.4);
    FlowedText result = balanced_flow(context_, {{kTagTeam, font(body_size_, true), theme.text}},
                                      W * 0.8 - 2 * pad_);
    double result_h = result.height + 2 * pad_;
    FlowedText draw_in = text(kDrawIn, small_size_, theme.title, W, true);

    // Others as pills, wrapped into rows.
    scene::Font pill_font = font(small_size_);
    double pill_h = small_size_ * 1.8;
    std::vector<Rect> pills;
    double x = 0, rows = data_.others.empty() ? 0 : 1;
    for (const auto& other : data_.others) {
      double w = context_.measurer.measure(other, pill_font).width + 2 * pad_;
      if (w > W) ok_ = false;
      if (x > 0 && x + w > W) x = 0, ++rows;
      pills.push_back({x, (rows - 1) * (pill_h + gap_ * 0.6), w, pill_h});
      x += w + gap_ * 0.8;
    }
    double pills_h = rows > 0 ? rows * pill_h + (rows - 1) * gap_ * 0.6 : 0;
    double others_h = draw_in.height + (rows > 0 ? gap_ * 0.6 + pills_h : 0);

    double natural = cards_h + gap_ * 0.6 + unique.height + arrow_h + result_h + arrow_h + others_h;
    if (unique.too_wide || result.too_wide || draw_in.too_wide) ok_ = false;
    double extra = box_.height - natural;
    if (extra < 0) return false;
    cards_h += extra * 0.4;
    double spare = extra * 0.6 / 3;

    double y = box_.y;
    Rect lcard{box_.x, y, card_w, cards_h}, rcard{box_.x + W - card_w, y, card_w, cards_h};
    draw_card(kDoctors, left, lcard, theme.title);
    draw_card(kGovernment, right, rcard, Color{0.10, 0.48, 0.38, 1});
    // The tag between the cards: a double-headed link with its word above.
    double mid_y = y + cards_h / 2;
    double ax0 = lcard.x + card_w + 2, ax1 = rcard.x - 2;
    for (auto& item : arrow({(ax0 + ax1) / 2, mid_y}, {ax1, mid_y}, theme.accent, 2, pad_ * 1.2))
      items_.push_back(std::move(item));
    for (auto& item : arrow({(ax0 + ax1) / 2, mid_y}, {ax0, mid_y}, theme.accent, 2, pad_ * 1.2))
      items_.push_back(std::move(item));
    items_.emplace_back(text_line(context_, kTag, font(small_size_, true), theme.accent,
                                  (ax0 + ax1 - tag_w) / 2,
                                  mid_y - pad_ * 0.8 - 0.12 * small_size_));
    y += cards_h + gap_ * 0.6 + spare * 0.3;
    place_text(unique, {box_.x, y, W, unique.height}, Align::center, VAlign::top, items_);
    y += unique.height;

    // Both cards lead into the result.
    double result_top = y + arrow_h + spare;
    Rect result_box{box_.x + W * 0.1, result_top, W * 0.8, result_h};
    for (double cx : {lcard.x + card_w / 2, rcard.x + card_w / 2}) {
      double tx = cx < box_.x + W / 2 ? result_box.x + result_box.width * 0.3
                                      : result_box.x + result_box.width * 0.7;
      for (auto& item : arrow({cx, y + 2}, {tx, result_top - 2}, theme.title, 2, pad_ * 1.4))
        items_.push_back(std::move(item));
    }
    items_.emplace_back(
        stroked(filled(rounded_rect(result_box, 8), mix(theme.accent, {1, 1, 1, 1}, 0.88)),
                theme.accent, 1.5));
    place_text(
        result,
        {result_box.x + pad_, result_box.y + pad_, result_box.width - 2 * pad_, result.height},
        Align::center, VAlign::top, items_);
    y = result_box.y + result_h;

    // Others are drawn in towards the result.
    double others_top = y + arrow_h + spare * 1.7;
    for (auto& item : arrow({box_.x + W / 2, others_top - 2}, {box_.x + W / 2, y + 2}, theme.muted,
                            1.5, pad_ * 1.2))
      items_.push_back(std::move(item));
    place_text(draw_in, {box_.x, others_top, W, draw_in.height}, Align::center, VAlign::top,
               items_);
    double pills_top = others_top + draw_in.height + gap_ * 0.6;
    // Centre each row of pills.
    for (size_t i = 0; i < pills.size();) {
      size_t j = i;
      double row_w = 0;
      while (j < pills.size() && pills[j].y == pills[i].y) row_w = pills[j].x + pills[j].width, ++j;
      double shift = box_.x + (W - row_w) / 2;
      for (size_t k = i; k < j; ++k) {
        Rect pill{pills[k].x + shift, pills_top + pills[k].y, pills[k].width, pill_h};
        items_.emplace_back(
            stroked(filled(rounded_rect(pill, pill_h / 2), {1, 1, 1, 1}), theme.muted, 0.8));
        items_.emplace_back(text_line(context_, data_.others[k], pill_font, theme.text,
                                      pill.x + pad_,
                                      pill.y + (pill_h - small_size_) / 2 + 0.88 * small_size_));
      }
      i = j;
    }
    return ok_;
  }

  void draw_card(const Card& card, const CardText& t, const Rect& rect, Color color) {
    items_.emplace_back(stroked(filled(rounded_rect(rect, 8), {1, 1, 1, 1}), color, 1.5));
    Rect header{rect.x, rect.y, rect.width, t.header_h};
    scene::Path band = rounded_rect(header, 8);
    items_.emplace_back(filled(band, color));
    // Square off the band's lower corners.
    items_.emplace_back(filled(
        scene::rectangle({rect.x, rect.y + t.header_h / 2, rect.width, t.header_h / 2}), color));
    place_text(t.header, {rect.x + pad_, rect.y + pad_, rect.width - 2 * pad_, t.header.height},
               Align::center, VAlign::top, items_);
    double body_space = rect.height - t.header_h - (t.note_h > 0 ? t.note_h + pad_ : 0) - 2 * pad_;
    place_text(t.body,
               {rect.x + pad_, rect.y + t.header_h + pad_, rect.width - 2 * pad_, body_space},
               Align::center, VAlign::middle, items_);
    if (t.note_h > 0) {
      double w = t.note.width + 2 * pad_;
      Rect pill{rect.x + (rect.width - w) / 2, rect.y + rect.height - pad_ - t.note_h, w, t.note_h};
      items_.emplace_back(stroked(filled(rounded_rect(pill, std::min(8.0, t.note_h / 2)),
                                         mix(context_.theme.accent, {1, 1, 1, 1}, 0.9)),
                                  context_.theme.accent, 0.8));
      place_text(t.note, {pill.x + pad_, pill.y + pad_ * 0.6, pill.width - 2 * pad_, t.note.height},
                 Align::center, VAlign::top, items_);
    }
    (void)card;
  }

  const StakeholdersData& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  Rect box_;
  std::vector<scene::Item> items_;
  bool ok_ = true;
  double head_size_ = 18, body_size_ = 15, small_size_ = 11, pad_ = 7, gap_ = 10;
};

ElementLayout layout_stakeholders(const ElementSpec& element, LayoutContext& context) {
  return StakeholdersBuilder(element.data_as<StakeholdersData>(), element, context).build();
}

}  // namespace

ElementType stakeholders_element() {
  return {"stakeholders", {"others"}, parse_stakeholders, layout_stakeholders};
}

}  // namespace tenkai::layout
