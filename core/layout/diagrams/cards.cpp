// `cards`: cards side by side (a coloured header with a name and a role, a body text, an optional
// note), neighbours joined by a labelled two-headed connector, a caption under them; optionally a
// result box every card leads into, and further parties (pills under a line of text) drawn in
// towards it — the seed's 誰が在宅医療の推進を先導・支援するのか. Every text comes from the layout;
// each card, pill and the result are shapes of the drawing, each arrow a connector.
#include <algorithm>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/scaled_builder.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Color;
using scene::Rect;

struct Card {
  std::string title, role, text, note;
  std::optional<Color> color;
};

struct CardsData : ElementData {
  std::vector<Card> cards;
  std::string connector;  // label between neighbouring cards; empty: no connector
  std::string caption, result, join;
  std::vector<std::string> others;
};

std::shared_ptr<const ElementData> parse_cards(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<CardsData>();
  if (!reader.require(node, "cards", "a cards element")) return nullptr;
  const YAML::Node& cards = node["cards"];
  if (!cards.IsSequence() || cards.size() == 0 || cards.size() > 4) {
    reader.error(cards, "'cards' must be a list of one to four cards ({title: …, text: …})");
    return nullptr;
  }
  bool ok = true;
  for (const auto& c : cards) {
    if (!reader.check_keys(c, {"title", "role", "text", "note", "color"}, "card") ||
        !reader.require(c, "title", "a card")) {
      ok = false;
      continue;
    }
    Card card;
    card.title = reader.text(c, "title").value_or("");
    card.role = reader.text(c, "role").value_or("");
    card.text = reader.text(c, "text").value_or("");
    card.note = reader.text(c, "note").value_or("");
    card.color = reader.color(c, "color");
    data->cards.push_back(std::move(card));
  }
  data->connector = reader.text(node, "connector").value_or("");
  data->caption = reader.text(node, "caption").value_or("");
  data->result = reader.text(node, "result").value_or("");
  data->join = reader.text(node, "join").value_or("");
  if (auto others = reader.string_list(node, "others")) data->others = *others;
  return ok ? data : nullptr;
}

class CardsBuilder : public ScaledBuilder<CardsData> {
 public:
  using ScaledBuilder::ScaledBuilder;

  ElementLayout build() {
    std::string alt;
    for (const auto& card : data_.cards) alt += (alt.empty() ? "" : "、") + x(card.title);
    if (!data_.result.empty()) alt += "：" + x(data_.result);
    return fit_and_finish("the cards diagram", std::move(alt));
  }

 private:
  std::string x(const std::string& text) const { return context_.expand(text); }
  std::vector<scene::Item>& items() { return canvas_.items(); }
  scene::Font font(double size, bool bold = false) const {
    return context_.theme.font(size, bold ? scene::Weight::bold : scene::Weight::regular);
  }
  FlowedText text(const std::string& s, double size, Color color, double width, bool bold = false) {
    return flow(context_, {{s, font(size, bold), color}}, width);
  }
  Color card_color(size_t i) const {
    static const Color defaults[] = {
        {0.12, 0.22, 0.39, 1}, {0.10, 0.48, 0.38, 1}, {0.55, 0.30, 0.10, 1}, {0.35, 0.25, 0.55, 1}};
    return data_.cards[i].color.value_or(defaults[i % 4]);
  }

  struct CardText {
    FlowedText header, body, note;
    double header_h = 0, note_h = 0, natural = 0;
  };
  CardText card_text(const Card& card, double width) {
    const Theme& theme = context_.theme;
    CardText t;
    double inner = width - 2 * pad_;
    std::vector<Run> head{{x(card.title), font(head_size_, true), {1, 1, 1, 1}}};
    if (!card.role.empty())
      head.push_back({x(card.role), font(head_size_ * 0.85, true), {1, 1, 1, 1}});
    t.header = flow(context_, head, inner);
    if (!card.text.empty())
      t.body = balanced_flow(context_, {{x(card.text), font(body_size_), theme.text}}, inner);
    if (!card.note.empty())
      t.note = text(x(card.note), small_size_, theme.accent, inner - 2 * pad_, true);
    t.header_h = t.header.height + 2 * pad_;
    t.note_h = card.note.empty() ? 0 : t.note.height + 2 * pad_ * 0.6;
    t.natural = t.header_h + t.body.height + 2 * pad_ + (t.note_h > 0 ? t.note_h + pad_ : 0);
    if (t.header.too_wide || t.body.too_wide || t.note.too_wide) ok_ = false;
    return t;
  }

  bool attempt(double scale) override {
    const Theme& theme = context_.theme;
    ok_ = true;
    head_size_ = theme.body_size * scale;
    body_size_ = theme.body_size * 0.85 * scale;
    small_size_ = theme.small_size * 1.05 * scale;
    pad_ = 7 * scale, gap_ = 10 * scale;
    const double W = box_.width;
    const size_t n = data_.cards.size();

    // Card row: the cards and the connector labels between them.
    double label_w = 0;
    if (!data_.connector.empty())
      label_w = context_.measurer.measure(x(data_.connector), font(small_size_, true)).width;
    double middle = std::max(W * 0.08, label_w + 2 * pad_);
    double card_w = (W - middle * (n - 1)) / n;
    std::vector<CardText> texts;
    double cards_h = 0;
    for (const auto& card : data_.cards) {
      texts.push_back(card_text(card, card_w));
      cards_h = std::max(cards_h, texts.back().natural);
    }
    FlowedText caption = text(x(data_.caption), small_size_, theme.muted, W);
    double arrow_h = std::max(gap_ * 2, body_size_ * 1.4);
    bool has_result = !data_.result.empty();
    FlowedText result;
    double result_h = 0;
    if (has_result) {
      result = balanced_flow(context_, {{x(data_.result), font(body_size_, true), theme.text}},
                             W * 0.8 - 2 * pad_);
      result_h = result.height + 2 * pad_;
    }
    FlowedText join = text(x(data_.join), small_size_, theme.title, W, true);

    // Others as pills, wrapped into rows.
    scene::Font pill_font = font(small_size_);
    double pill_h = small_size_ * 1.8;
    std::vector<Rect> pills;
    double px = 0, rows = data_.others.empty() ? 0 : 1;
    for (const auto& other : data_.others) {
      double w = context_.measurer.measure(x(other), pill_font).width + 2 * pad_;
      if (w > W) ok_ = false;
      if (px > 0 && px + w > W) px = 0, ++rows;
      pills.push_back({px, (rows - 1) * (pill_h + gap_ * 0.6), w, pill_h});
      px += w + gap_ * 0.8;
    }
    double pills_h = rows > 0 ? rows * pill_h + (rows - 1) * gap_ * 0.6 : 0;
    bool has_others = rows > 0 || !data_.join.empty();
    double others_h = has_others ? join.height + (rows > 0 ? gap_ * 0.6 + pills_h : 0) : 0;

    double natural = cards_h + (data_.caption.empty() ? 0 : gap_ * 0.6 + caption.height) +
                     (has_result ? arrow_h + result_h : 0) + (has_others ? arrow_h + others_h : 0);
    if (caption.too_wide || result.too_wide || join.too_wide) ok_ = false;
    double extra = box_.height - natural;
    if (extra < 0) return false;
    cards_h += extra * 0.4;
    double spare = extra * 0.6 / 3;

    double y = box_.y;
    std::vector<Rect> rects;
    std::vector<std::string> ids;
    for (size_t i = 0; i < n; ++i) {
      rects.push_back({box_.x + i * (card_w + middle), y, card_w, cards_h});
      ids.push_back(draw_card(data_.cards[i], texts[i], rects.back(), card_color(i)));
    }
    // Neighbours joined by a two-headed connector with its label above.
    if (!data_.connector.empty()) {
      double mid_y = y + cards_h / 2;
      for (size_t i = 0; i + 1 < n; ++i) {
        double ax0 = rects[i].x + card_w + 2, ax1 = rects[i + 1].x - 2;
        size_t mark = canvas_.mark();
        canvas_.arrow({ax0, mid_y}, {ax1, mid_y}, theme.accent, 2, true);
        items().emplace_back(text_line(context_, x(data_.connector), font(small_size_, true),
                                       theme.accent, (ax0 + ax1 - label_w) / 2,
                                       mid_y - pad_ * 0.8 - 0.12 * small_size_));
        canvas_.connector(mark, ids[i], ids[i + 1], {}, x(data_.connector));
      }
    }
    y += cards_h;
    if (!data_.caption.empty()) {
      y += gap_ * 0.6 + spare * 0.3;
      size_t mark = canvas_.mark();
      place_text(caption, {box_.x, y, W, caption.height}, Align::center, VAlign::top, items());
      canvas_.shape(mark, "caption", x(data_.caption), {}, Rect{box_.x, y, W, caption.height});
      y += caption.height;
    }
    if (!has_result) return ok_;

    // Every card leads into the result.
    double result_top = y + arrow_h + spare;
    Rect result_box{box_.x + W * 0.1, result_top, W * 0.8, result_h};
    std::string result_id = canvas_.id_for("result");
    for (size_t i = 0; i < n; ++i) {
      double cx = rects[i].x + card_w / 2;
      double tx = result_box.x + result_box.width * (n == 1 ? 0.5 : 0.3 + 0.4 * i / (n - 1));
      size_t mark = canvas_.mark();
      canvas_.arrow({cx, y + 2}, {tx, result_top - 2}, theme.title, 2);
      canvas_.connector(mark, ids[i], result_id);
    }
    size_t mark = canvas_.mark();
    canvas_.rect(result_box, mix(theme.accent, {1, 1, 1, 1}, 0.88), theme.accent, 1.5, 8);
    place_text(
        result,
        {result_box.x + pad_, result_box.y + pad_, result_box.width - 2 * pad_, result.height},
        Align::center, VAlign::top, items());
    canvas_.shape(mark, "result", x(data_.result), {}, std::nullopt, "result");
    y = result_box.y + result_h;
    if (!has_others) return ok_;

    // The others are drawn in towards the result.
    double others_top = y + arrow_h + spare * 1.7;
    std::string join_id = canvas_.id_for("join");
    mark = canvas_.mark();
    canvas_.arrow({box_.x + W / 2, others_top - 2}, {box_.x + W / 2, y + 2}, theme.muted, 1.5);
    canvas_.connector(mark, join_id, result_id);
    mark = canvas_.mark();
    place_text(join, {box_.x, others_top, W, join.height}, Align::center, VAlign::top, items());
    canvas_.shape(mark, "caption", x(data_.join), {}, Rect{box_.x, others_top, W, join.height},
                  "join");
    double pills_top = others_top + join.height + gap_ * 0.6;
    for (size_t i = 0; i < pills.size();) {
      size_t j = i;
      double row_w = 0;
      while (j < pills.size() && pills[j].y == pills[i].y) row_w = pills[j].x + pills[j].width, ++j;
      double shift = box_.x + (W - row_w) / 2;
      for (size_t k = i; k < j; ++k) {
        Rect pill{pills[k].x + shift, pills_top + pills[k].y, pills[k].width, pill_h};
        size_t pill_mark = canvas_.mark();
        canvas_.rect(pill, Color{1, 1, 1, 1}, theme.muted, 0.8, pill_h / 2);
        items().emplace_back(text_line(context_, x(data_.others[k]), pill_font, theme.text,
                                       pill.x + pad_,
                                       pill.y + (pill_h - small_size_) / 2 + 0.88 * small_size_));
        canvas_.shape(pill_mark, "party", x(data_.others[k]));
      }
      i = j;
    }
    return ok_;
  }

  std::string draw_card(const Card& card, const CardText& t, const Rect& rect, Color color) {
    size_t mark = canvas_.mark();
    canvas_.rect(rect, Color{1, 1, 1, 1}, color, 1.5, 8);
    Rect header{rect.x, rect.y, rect.width, t.header_h};
    items().emplace_back(filled(rounded_rect(header, 8), color));
    // Square off the band's lower corners.
    items().emplace_back(filled(
        scene::rectangle({rect.x, rect.y + t.header_h / 2, rect.width, t.header_h / 2}), color));
    place_text(t.header, {rect.x + pad_, rect.y + pad_, rect.width - 2 * pad_, t.header.height},
               Align::center, VAlign::top, items());
    double body_space = rect.height - t.header_h - (t.note_h > 0 ? t.note_h + pad_ : 0) - 2 * pad_;
    place_text(t.body,
               {rect.x + pad_, rect.y + t.header_h + pad_, rect.width - 2 * pad_, body_space},
               Align::center, VAlign::middle, items());
    if (t.note_h > 0) {
      double w = t.note.width + 2 * pad_;
      Rect pill{rect.x + (rect.width - w) / 2, rect.y + rect.height - pad_ - t.note_h, w, t.note_h};
      items().emplace_back(stroked(filled(rounded_rect(pill, std::min(8.0, t.note_h / 2)),
                                          mix(context_.theme.accent, {1, 1, 1, 1}, 0.9)),
                                   context_.theme.accent, 0.8));
      place_text(t.note, {pill.x + pad_, pill.y + pad_ * 0.6, pill.width - 2 * pad_, t.note.height},
                 Align::center, VAlign::top, items());
    }
    std::string whole = x(card.title) + x(card.role);
    if (!card.text.empty()) whole += "\n" + x(card.text);
    if (!card.note.empty()) whole += "\n" + x(card.note);
    return canvas_.shape(mark, "card", whole);
  }

  bool ok_ = true;
  double head_size_ = 18, body_size_ = 15, small_size_ = 11, pad_ = 7, gap_ = 10;
};

ElementLayout layout_cards(const ElementSpec& element, LayoutContext& context) {
  return CardsBuilder(element.data_as<CardsData>(), element, context).build();
}

}  // namespace

ElementType cards_element() {
  return {"cards",
          {"cards", "connector", "caption", "result", "join", "others"},
          parse_cards,
          layout_cards};
}

}  // namespace tenkai::layout
