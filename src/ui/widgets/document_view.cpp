// The document view: geometry, scrolling, mouse and keyboard (drawing is in
// document_view_draw.cpp, find-in-document in document_find.cpp).
#include "ui/widgets/document_view.h"

#include <cstring>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "text/structure.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"

namespace telaah::ui {

void DocumentView::reset() {
  layout_.clear();
  doc_text_ = nullptr;
  doc_runs_ = nullptr;
  anchor_ = caret_ = press_cp_ = 0;
  drag_ = Drag::none;
  selected_coding_.reset();
  hovered_coding_.reset();
  menu_coding_.reset();
  stripes_.clear();
  scroll_ = target_ = 0;
  animating_ = false;
  pending_jump_.reset();
  goal_.reset();
  top_cp_ = 0;
  matches_.clear();
  current_match_ = 0;
  find_generation_ = 0;
  find_dirty_ = !find_query_.empty();
}

text::Span DocumentView::selection() const {
  return {std::min(anchor_, caret_), std::max(anchor_, caret_)};
}

void DocumentView::set_selection(int64_t start, int64_t end) {
  anchor_ = start;
  caret_ = end;
}

void DocumentView::jump_to(int64_t cp, bool smooth, float align) {
  pending_jump_ = Jump{cp, smooth, align};
}

float DocumentView::line_y(size_t line) const {
  return origin_.y + pad_top_ + static_cast<float>(line) * line_h_;
}

std::optional<ImVec2> DocumentView::screen_pos(int64_t cp) const {
  if (layout_.line_count() == 0 || !doc_text_) return std::nullopt;
  const size_t line = layout_.line_of_cp(cp);
  line_geometry(*doc_text_, *doc_runs_, fonts_, layout_, line, geom_);
  const size_t k =
      static_cast<size_t>(std::clamp<int64_t>(cp - layout_.lines()[line].cp, 0, static_cast<int64_t>(geom_.size())));
  return ImVec2(origin_.x + gutter_w_ + geom_.xs[k], line_y(line));
}

ViewRequest DocumentView::draw(OpenDocument& doc, const ProjectCache& cache, const DocFonts& fonts,
                               const DocPalette& pal) {
  ViewRequest req;
  fonts_ = fonts;
  doc_text_ = &doc.text;
  doc_runs_ = &doc.runs;
  if (find_open_) draw_find_bar(doc);
  if (find_dirty_ || find_generation_ != doc.generation) run_find(doc);

  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_WindowBg));
  ImGui::BeginChild("##doctext", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  if (focus_) {
    ImGui::SetWindowFocus();
    focus_ = false;
  }
  has_focus_ = ImGui::IsWindowFocused();
  update_geometry(doc, fonts);
  handle_scroll(doc);
  compute_stripes(doc);
  handle_mouse(doc, req);
  handle_keys(doc, req);
  draw_lines(doc, cache, pal);
  draw_caret(pal);
  draw_stripes(doc, cache, pal);
  context_menu(doc, cache, req);
  // The content height gives the scrollbar its range.
  ImGui::SetCursorPos(ImVec2(0, content_h_));
  ImGui::Dummy(ImVec2(1, 1));
  ImGui::EndChild();
  return req;
}

void DocumentView::update_geometry(OpenDocument& doc, const DocFonts& fonts) {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float size = fonts.size;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  line_h_ = std::round(size * 1.45f);
  pad_top_ = std::round(size * 0.6f);
  gutter_w_ = std::round(size * 3.2f);
  // Stripe margin: one lane per code, narrowed (and unlabelled) when many.
  const size_t lanes = doc.lanes.size();
  lane_w_ = std::round(size * 1.15f);
  bar_w_ = std::max(3.0f, std::round(size * 0.3f));
  const float pad = std::round(size * 0.8f);
  margin_w_ = 0;
  if (lanes > 0) {
    margin_w_ = std::min(static_cast<float>(lanes) * lane_w_ + pad, std::max(avail.x * 0.3f, bar_w_ * 2 + pad));
    lane_w_ = std::min(lane_w_, (margin_w_ - pad) / static_cast<float>(lanes));
  }
  text_w_ = std::max(80.0f, avail.x - gutter_w_ - margin_w_ - pad);
  const bool relaid = layout_.update(doc.text, doc.generation, doc.runs, fonts, text_w_);
  // After a new layout (width, font size) lines move: aim again at the same text.
  if (relaid && !pending_jump_) {
    if (animating_ && goal_)
      pending_jump_ = goal_;
    else if (top_cp_ > 0)
      pending_jump_ = Jump{top_cp_, false, 0.0f};  // keep the reading place
  }
  content_h_ = pad_top_ * 2 + static_cast<float>(layout_.line_count()) * line_h_;
  view_rect_ = ImRect(w->Pos, ImVec2(w->Pos.x + avail.x, w->Pos.y + w->Size.y));
  margin_x_ = w->Pos.x + gutter_w_ + text_w_ + pad * 0.5f;
}

void DocumentView::handle_scroll(const OpenDocument& doc) {
  (void)doc;
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const ImGuiIO& io = ImGui::GetIO();
  const float view_h = view_rect_.GetHeight();
  const float max_scroll = std::max(0.0f, content_h_ - view_h);
  scroll_ = w->Scroll.y;
  if (!animating_) target_ = scroll_;  // the scrollbar may have moved it
  if (pending_jump_ && layout_.line_count() > 0) {
    const size_t line = layout_.line_of_cp(pending_jump_->cp);
    const float y =
        std::clamp(pad_top_ + static_cast<float>(line) * line_h_ - view_h * pending_jump_->align, 0.0f, max_scroll);
    target_ = y;
    if (pending_jump_->smooth)
      animating_ = true, goal_ = pending_jump_;
    else
      scroll_ = y, animating_ = false, goal_.reset();
    pending_jump_.reset();
  }
  if (ImGui::IsWindowHovered() && io.MouseWheel != 0.0f) {
    scroll_towards(target_ - io.MouseWheel * line_h_ * 3.0f);
  }
  if (animating_) {
    const float t = std::min(1.0f, io.DeltaTime * 16.0f);
    scroll_ += (target_ - scroll_) * t;
    if (std::fabs(target_ - scroll_) < 0.5f) {
      scroll_ = target_;
      animating_ = false;
      goal_.reset();
    }
  }
  scroll_ = std::clamp(scroll_, 0.0f, max_scroll);
  // Applied now, not next frame (SetScrollY would lag one frame behind the drawing).
  w->Scroll.y = scroll_;
  origin_ = ImVec2(w->Pos.x - w->Scroll.x, w->Pos.y - scroll_);
  const size_t n = layout_.line_count();
  const float top = scroll_ - pad_top_;
  first_line_ = std::min(n, static_cast<size_t>(std::max(0.0f, std::floor(top / line_h_))));
  last_line_ = std::min(n, static_cast<size_t>(std::max(0.0f, std::ceil((top + view_h) / line_h_))) + 1);
  if (n > 0) {
    const size_t first_full = std::min(n - 1, static_cast<size_t>(std::max(0.0f, std::ceil(top / line_h_))));
    top_cp_ = layout_.lines()[first_full].cp;
  }
  text_rect_ = ImRect(ImVec2(origin_.x + gutter_w_, view_rect_.Min.y),
                      ImVec2(origin_.x + gutter_w_ + text_w_, view_rect_.Max.y));
}

void DocumentView::scroll_towards(float y) {
  target_ = std::clamp(y, 0.0f, std::max(0.0f, content_h_ - view_rect_.GetHeight()));
  animating_ = true;
  goal_.reset();  // the user scrolls: no text to aim at any more
}

void DocumentView::ensure_visible(int64_t cp) {
  const size_t line = layout_.line_of_cp(cp);
  const float y = pad_top_ + static_cast<float>(line) * line_h_;
  const float view_h = view_rect_.GetHeight();
  if (y < target_)
    scroll_towards(y - line_h_);
  else if (y + line_h_ > target_ + view_h)
    scroll_towards(y + 2 * line_h_ - view_h);
}

int64_t DocumentView::cp_at_line_x(const OpenDocument& doc, size_t line, float x) const {
  line_geometry(doc.text, doc.runs, fonts_, layout_, line, geom_);
  const size_t n = geom_.size();
  for (size_t k = 0; k < n; ++k)
    if ((geom_.xs[k] + geom_.xs[k + 1]) * 0.5f > x) return layout_.lines()[line].cp + static_cast<int64_t>(k);
  return layout_.lines()[line].cp + static_cast<int64_t>(n);
}

int64_t DocumentView::hit_cp(const OpenDocument& doc, ImVec2 m) const {
  const size_t n = layout_.line_count();
  if (n == 0) return 0;
  const float ly = m.y - origin_.y - pad_top_;
  if (ly < 0) return 0;
  const size_t line = static_cast<size_t>(ly / line_h_);
  if (line >= n) return doc.length();
  return cp_at_line_x(doc, line, m.x - origin_.x - gutter_w_);
}

void DocumentView::compute_stripes(const OpenDocument& doc) {
  stripes_.clear();
  if (doc.lanes.empty() || first_line_ >= last_line_) return;
  const int64_t a = layout_.lines()[first_line_].cp;
  const int64_t b = layout_.line_end_cp(last_line_ - 1) + 1;
  std::vector<size_t> vis;
  doc.for_codings_in(a, b, [&](size_t i) { vis.push_back(i); });
  std::sort(vis.begin(), vis.end());
  std::vector<float> label_until(doc.lanes.size(), -1e9f);  // one label at a time per lane
  for (size_t i : vis) {
    const store::Coding& c = doc.codings[i];
    auto lane = doc.lane_of.find(c.code);
    if (lane == doc.lane_of.end()) continue;
    const float x = margin_x_ + static_cast<float>(lane->second) * lane_w_;
    const float y0 = std::max(line_y(layout_.line_of_cp(c.start)) + 2, view_rect_.Min.y);
    const float y1 = std::min(line_y(layout_.line_of_cp(std::max(c.start, c.end - 1))) + line_h_ - 2, view_rect_.Max.y);
    if (y1 <= y0) continue;
    StripeHit h{ImRect(ImVec2(x, y0), ImVec2(x + bar_w_, y1)), c.id, c.code, false};
    if (y0 >= label_until[static_cast<size_t>(lane->second)] && lane_w_ >= fonts_.size * 0.9f) {
      h.label = true;
      label_until[static_cast<size_t>(lane->second)] = y1;
    }
    stripes_.push_back(h);
  }
}

void DocumentView::handle_mouse(OpenDocument& doc, ViewRequest& req) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetCursorScreenPos(view_rect_.Min);
  ImGui::InvisibleButton("##doc", ImVec2(std::max(1.0f, view_rect_.GetWidth()), std::max(1.0f, view_rect_.GetHeight())),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImVec2 m = io.MousePos;
  const bool in_margin = m.x >= margin_x_ - 2;

  // Dragging the selection out (onto the codebook) must follow the item directly.
  if (drag_ == Drag::maybe_move && active && ImGui::IsMouseDragging(0)) drag_ = Drag::moving;
  if (drag_ == Drag::moving && ImGui::BeginDragDropSource()) {
    const text::Span sel = selection();
    SpanPayload p{doc.meta.id, sel.start, sel.end};
    ImGui::SetDragDropPayload(kSpanPayload, &p, sizeof p);
    std::string quote = doc.slice(sel.start, std::min(sel.end, sel.start + 80));
    ImGui::TextUnformatted(tr(S::drop_on_code));
    ImGui::TextDisabled("\xE2\x80\x9C%s\xE2\x80\x9D", quote.c_str());
    ImGui::EndDragDropSource();
  }

  // A coding's stripe dragged onto another coding (here or in another pane): a link.
  if (drag_ == Drag::stripe && active && ImGui::IsMouseDragging(0) && ImGui::BeginDragDropSource()) {
    const store::Id id = drag_coding_;
    ImGui::SetDragDropPayload(kCodingPayload, &id, sizeof id);
    ImGui::Text("#%lld", static_cast<long long>(id));
    ImGui::EndDragDropSource();
  }
  if (ImGui::BeginDragDropTargetCustom(view_rect_, ImGui::GetID("##doc_drop"))) {
    std::optional<store::Id> target;
    if (in_margin) {
      for (const auto& s : stripes_)
        if (m.y >= s.rect.Min.y && m.y <= s.rect.Max.y && m.x >= s.rect.Min.x && m.x < s.rect.Min.x + lane_w_)
          target = s.coding;
    } else if (const store::Coding* c = doc.coding_at(hit_cp(doc, m))) {
      target = c->id;
    }
    if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload(kCodingPayload)) {
      store::Id from = 0;
      std::memcpy(&from, pl->Data, sizeof from);
      if (target && *target != from) {
        req.kind = ViewRequest::link;
        req.coding = *target;
        req.other = from;
      }
    }
    ImGui::EndDragDropTarget();
  }

  hovered_coding_.reset();
  if (hovered && in_margin)
    for (const auto& s : stripes_)
      if (s.rect.Contains(m) ||
          (m.y >= s.rect.Min.y && m.y <= s.rect.Max.y && m.x >= s.rect.Min.x && m.x < s.rect.Min.x + lane_w_))
        hovered_coding_ = s.coding;

  if (hovered && ImGui::IsMouseClicked(0)) {
    ImGui::SetWindowFocus();  // keyboard shortcuts go to the document
    if (in_margin) {
      drag_ = Drag::none;
      if (hovered_coding_) {
        selected_coding_ = hovered_coding_;
        if (const auto* c = doc.coding(*hovered_coding_)) set_selection(c->start, c->end);
        drag_ = Drag::stripe;  // a drag from here links the coding to the one it is dropped on
        drag_coding_ = *hovered_coding_;
      }
    } else {
      const int64_t cp = hit_cp(doc, m);
      const int clicks = ImGui::GetMouseClickedCount(0);
      const text::Span sel = selection();
      if (clicks == 2) {
        const text::Span w = text::word_at(doc.text, std::min(cp, std::max<int64_t>(0, doc.length() - 1)));
        set_selection(w.start, w.end);
        drag_ = Drag::none;
      } else if (clicks >= 3) {
        const text::Span p = doc.paragraph_at(cp);
        set_selection(p.start, p.end);
        drag_ = Drag::none;
      } else if (io.KeyShift) {
        caret_ = cp;
        drag_ = Drag::selecting;
      } else if (has_selection() && cp >= sel.start && cp < sel.end) {
        drag_ = Drag::maybe_move;
        press_cp_ = cp;
      } else {
        anchor_ = caret_ = press_cp_ = cp;
        drag_ = Drag::selecting;
      }
    }
  }
  if (drag_ == Drag::selecting && active && ImGui::IsMouseDragging(0, 1.0f)) {
    caret_ = hit_cp(doc, m);
    // Auto-scroll while the mouse is above or below the view.
    const float over = m.y < view_rect_.Min.y   ? m.y - view_rect_.Min.y
                       : m.y > view_rect_.Max.y ? m.y - view_rect_.Max.y
                                                : 0;
    if (over != 0) {
      scroll_towards(target_ + over * io.DeltaTime * 12.0f);
    }
  }
  if (drag_ != Drag::none && !io.MouseDown[0]) {
    const bool plain_click = (drag_ == Drag::selecting && anchor_ == caret_) || drag_ == Drag::maybe_move;
    if (plain_click) {  // a click in the text selects the innermost coding under it
      anchor_ = caret_ = press_cp_;
      const store::Coding* c = doc.coding_at(press_cp_);
      selected_coding_ = c ? std::optional<store::Id>(c->id) : std::nullopt;
    }
    drag_ = Drag::none;
  }
  if (hovered && ImGui::IsMouseClicked(1)) {
    ImGui::SetWindowFocus();
    menu_coding_.reset();
    if (in_margin) {
      menu_coding_ = hovered_coding_;
    } else {
      const int64_t cp = hit_cp(doc, m);
      const text::Span sel = selection();
      if (!(has_selection() && cp >= sel.start && cp < sel.end)) {
        anchor_ = caret_ = cp;
        if (const store::Coding* c = doc.coding_at(cp)) menu_coding_ = c->id;
      }
    }
    if (menu_coding_) selected_coding_ = menu_coding_;
    if (menu_coding_ || has_selection()) ImGui::OpenPopup("##docmenu");
  }
}

// Word and paragraph steps of the caret, in code points. A word is a run of
// letters and digits (any non-ASCII character counts as a letter).
static bool word_char(const OpenDocument& doc, int64_t cp) {
  if (cp < 0 || cp >= doc.length()) return false;
  const unsigned char c = static_cast<unsigned char>(doc.text[doc.map.to_byte(static_cast<size_t>(cp))]);
  return c >= 0x80 || std::isalnum(c) != 0;
}
int64_t DocumentView::word_right(const OpenDocument& doc, int64_t cp) const {
  const int64_t len = doc.length();
  while (cp < len && !word_char(doc, cp)) ++cp;
  while (cp < len && word_char(doc, cp)) ++cp;
  return cp;
}
int64_t DocumentView::word_left(const OpenDocument& doc, int64_t cp) const {
  while (cp > 0 && !word_char(doc, cp - 1)) --cp;
  while (cp > 0 && word_char(doc, cp - 1)) --cp;
  return cp;
}
int64_t DocumentView::paragraph_down(const OpenDocument& doc, int64_t cp) const {
  const int64_t len = doc.length();
  int64_t end = doc.paragraph_at(std::min(cp, std::max<int64_t>(0, len - 1))).end;
  if (end <= cp) end = cp + 1;
  while (end < len && doc.text[doc.map.to_byte(static_cast<size_t>(end))] == '\n') ++end;  // the next paragraph's start
  return std::min(end, len);
}
int64_t DocumentView::paragraph_up(const OpenDocument& doc, int64_t cp) const {
  int64_t start = doc.paragraph_at(std::min(cp, std::max<int64_t>(0, doc.length() - 1))).start;
  if (start < cp) return start;
  int64_t p = start - 1;
  while (p > 0 && doc.text[doc.map.to_byte(static_cast<size_t>(p))] == '\n') --p;  // back over the blank lines
  return p <= 0 ? 0 : doc.paragraph_at(p).start;
}

void DocumentView::handle_keys(OpenDocument& doc, ViewRequest& req) {
  (void)req;
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowFocused() || io.WantTextInput) return;
  auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
  const int64_t len = doc.length();
  const bool ctrl = io.KeyCtrl;
  if (::telaah::ui::pressed(Command::copy) && has_selection()) {
    const text::Span s = selection();
    ImGui::SetClipboardText(doc.slice(s.start, s.end).c_str());
  }
  if (ctrl && pressed(ImGuiKey_A)) set_selection(0, len);
  if (pressed(ImGuiKey_Escape)) {
    clear_selection();
    selected_coding_.reset();
  }
  const bool shift = io.KeyShift;
  int64_t caret = caret_;
  // The caret moves by character, word (Ctrl+Left/Right), line (Up/Down, at
  // the same x), paragraph (Ctrl+Up/Down), to the line's ends (Home/End) and
  // the document's (Ctrl+Home/End); Shift extends the selection from the anchor.
  if (pressed(ImGuiKey_LeftArrow))
    caret = ctrl ? word_left(doc, caret) : (has_selection() && !shift ? selection().start : caret - 1);
  if (pressed(ImGuiKey_RightArrow))
    caret = ctrl ? word_right(doc, caret) : (has_selection() && !shift ? selection().end : caret + 1);
  caret = std::clamp<int64_t>(caret, 0, len);
  const bool up = pressed(ImGuiKey_UpArrow), down = pressed(ImGuiKey_DownArrow);
  if ((up || down) && ctrl) {
    caret = down ? paragraph_down(doc, caret) : paragraph_up(doc, caret);
  } else if ((up || down) && layout_.line_count() > 0) {
    const size_t line = layout_.line_of_cp(caret);
    line_geometry(doc.text, doc.runs, fonts_, layout_, line, geom_);
    const size_t k = static_cast<size_t>(
        std::clamp<int64_t>(caret - layout_.lines()[line].cp, 0, static_cast<int64_t>(geom_.size())));
    const float x = geom_.xs[k];
    if (up)
      caret = line == 0 ? 0 : cp_at_line_x(doc, line - 1, x);
    else
      caret = line + 1 >= layout_.line_count() ? len : cp_at_line_x(doc, line + 1, x);
  }
  if (!ctrl && layout_.line_count() > 0 && (pressed(ImGuiKey_Home) || pressed(ImGuiKey_End))) {
    const size_t line = layout_.line_of_cp(caret);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home)))
      caret = layout_.lines()[line].cp;
    else  // the end of the line's text (before its break or trailing space)
      caret = line + 1 < layout_.line_count()
                  ? std::max<int64_t>(layout_.lines()[line].cp, layout_.line_end_cp(line) - 1)
                  : len;
  }
  const float page = std::max(line_h_, view_rect_.GetHeight() - 2 * line_h_);
  const float max_scroll = std::max(0.0f, content_h_ - view_rect_.GetHeight());
  if (pressed(ImGuiKey_PageDown)) scroll_towards(target_ + page);
  if (pressed(ImGuiKey_PageUp)) scroll_towards(target_ - page);
  if (ctrl && pressed(ImGuiKey_Home)) scroll_towards(0), caret = 0;
  if (ctrl && pressed(ImGuiKey_End)) scroll_towards(max_scroll), caret = len;
  const bool moved = pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_RightArrow) || up || down ||
                     pressed(ImGuiKey_Home) || pressed(ImGuiKey_End);
  if (caret != caret_ || (moved && !shift && has_selection())) {
    if (!shift) anchor_ = caret;  // a plain move collapses the selection
    caret_ = caret;
    ensure_visible(caret_);
  }
}

void DocumentView::context_menu(OpenDocument& doc, const ProjectCache& cache, ViewRequest& req) {
  if (!ImGui::BeginPopup("##docmenu")) return;
  if (has_selection()) {
    if (menu_item(tr(S::menu_code_with), Command::quick_code)) req.kind = ViewRequest::quick_code;
    if (menu_item(tr(S::menu_in_vivo), Command::in_vivo)) req.kind = ViewRequest::in_vivo;
    if (menu_item(tr(S::menu_copy), Command::copy)) {
      const text::Span s = selection();
      ImGui::SetClipboardText(doc.slice(s.start, s.end).c_str());
    }
  }
  if (menu_coding_) {
    if (const store::Coding* c = doc.coding(*menu_coding_)) {
      if (has_selection()) ImGui::Separator();
      const CodeInfo* ci = cache.code(c->code);
      ImGui::TextDisabled("%s", ci ? ci->path.c_str() : "?");
      auto stance_item = [&](S label, Command key, store::Stance s) {
        if (menu_item(tr(label), key, c->stance == s)) {
          req.kind = ViewRequest::set_stance;
          req.stance = s;
          req.coding = c->id;
        }
      };
      stance_item(S::stance_supports, Command::stance_supports, store::Stance::supports);
      stance_item(S::stance_contradicts, Command::stance_contradicts, store::Stance::contradicts);
      stance_item(S::stance_neutral, Command::stance_neutral, store::Stance::neutral);
      if (menu_item(tr(S::menu_memo), Command::memo)) req = {ViewRequest::edit_memo, c->stance, c->id};
      if (menu_item(tr(S::lnk_link_to), Command::link_to)) req = {ViewRequest::link_to, c->stance, c->id};
      if (menu_item(tr(S::menu_remove_coding), Command::remove_coding))
        req = {ViewRequest::remove_coding, c->stance, c->id};
    }
  }
  ImGui::EndPopup();
}

}  // namespace telaah::ui
