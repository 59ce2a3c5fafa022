// The document view's drawing passes over the visible lines only: gutter
// (page markers, speaker bars), coding highlights with overlap levels, find
// matches, selection, the text itself, and the coding stripes.
// Debian's imgui draws with 16-bit indices, so nothing here may emit more
// than ~65k vertices per draw call: we only ever submit the visible lines.
#include <algorithm>
#include <cmath>

#include "ui/shell/strings.h"
#include "ui/widgets/document_view.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void DocumentView::draw_gutter(const OpenDocument& doc, size_t line, float y, const DocPalette& pal) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int64_t lcp = layout_.lines()[line].cp;
  const int64_t next = line + 1 < layout_.line_count() ? layout_.lines()[line + 1].cp : doc.length() + 1;
  // PDF page markers: a rule above the line where a page starts, its number in the gutter.
  auto pg = std::lower_bound(doc.pages.begin(), doc.pages.end(), lcp,
                             [](const store::Page& p, int64_t v) { return p.start < v; });
  if (pg != doc.pages.end() && pg->start < next && pg->page > 1) {
    const float x0 = origin_.x + gutter_w_, x1 = x0 + text_w_;
    for (float x = x0; x < x1; x += 8.0f) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 4.0f, x1), y), pal.rule);
  }
  if (pg != doc.pages.end() && pg->start < next) {
    char buf[32];
    std::snprintf(buf, sizeof buf, tr(S::page_marker), pg->page);
    const float small = fonts_.size * 0.75f;
    dl->AddText(fonts_.regular, small, ImVec2(origin_.x + 4, y + (line_h_ - small) * 0.5f), pal.gutter_text, buf);
  }
  // Speaker turns: a bar in the speaker's colour along the turn.
  auto bl = std::upper_bound(doc.blocks.begin(), doc.blocks.end(), lcp,
                             [](int64_t v, const text::Block& b) { return v < b.start; });
  if (bl != doc.blocks.begin()) {
    const text::Block& b = *std::prev(bl);
    auto sp = doc.speaker_index.find(b.speaker);
    if (b.kind == "turn" && b.end > lcp && !pal.speakers.empty() && sp != doc.speaker_index.end()) {
      const uint32_t idx = sp->second % static_cast<uint32_t>(pal.speakers.size());
      const float x = origin_.x + gutter_w_ - std::round(fonts_.size * 0.5f);
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 3, y + line_h_), with_alpha(pal.speakers[idx], 0.55f));
    }
  }
}

void DocumentView::draw_text_runs(const OpenDocument& doc, size_t line, float y, const DocPalette& pal) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int64_t lcp = layout_.lines()[line].cp;
  const int64_t lend = lcp + static_cast<int64_t>(geom_.size());
  const float x0 = origin_.x + gutter_w_;
  const float ty = y + std::round((line_h_ - fonts_.size) * 0.5f);
  auto st = std::upper_bound(doc.styled.begin(), doc.styled.end(), lcp,
                             [](int64_t v, const Styled& s) { return v < s.span.end; });
  int64_t p = lcp;
  while (p < lend) {
    int64_t e = lend;
    const ImFont* font = fonts_.regular;
    ImU32 col = pal.text;
    if (st != doc.styled.end() && st->span.start <= p) {
      e = std::min(st->span.end, lend);
      font = fonts_.bold ? fonts_.bold : fonts_.regular;
      col = st->kind == Styled::heading ? pal.heading
            : pal.speakers.empty()      ? pal.text
                                        : pal.speakers[st->colour_index % pal.speakers.size()];
      if (st->span.end <= lend) ++st;
    } else if (st != doc.styled.end()) {
      e = std::min(st->span.start, lend);
    }
    const size_t a = static_cast<size_t>(p - lcp), b = static_cast<size_t>(e - lcp);
    dl->AddText(font, fonts_.size, ImVec2(x0 + geom_.xs[a], ty), col, doc.text.data() + geom_.bytes[a],
                doc.text.data() + geom_.bytes[b]);
    p = e;
  }
}

// The keyboard caret: a bar at the moving end of the selection, drawn while
// the document has the keyboard focus (arrows move it, Shift extends).
void DocumentView::draw_caret(const DocPalette& pal) {
  if (!ImGui::IsWindowFocused() || layout_.line_count() == 0) return;
  const size_t line = layout_.line_of_cp(caret_);
  if (line < first_line_ || line >= last_line_) return;
  const auto p = screen_pos(caret_);
  if (!p) return;
  const float w = std::max(2.0f, std::round(line_h_ * 0.08f));
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p->x - w * 0.5f, p->y + line_h_ * 0.1f),
                                            ImVec2(p->x + w * 0.5f, p->y + line_h_ * 0.95f), pal.text);
}

void DocumentView::draw_lines(const OpenDocument& doc, const ProjectCache& cache, const DocPalette& pal) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = origin_.x + gutter_w_;
  const text::Span sel = selection();
  const float space_w = fonts_.regular->GetCharAdvance(' ') * fonts_.size / fonts_.regular->FontSize;
  for (size_t line = first_line_; line < last_line_; ++line) {
    const float y = line_y(line);
    line_geometry(doc.text, doc.runs, fonts_, layout_, line, geom_);
    const int64_t lcp = layout_.lines()[line].cp;
    const int64_t lend = lcp + static_cast<int64_t>(geom_.size());
    // A passage that continues on the next line also covers the line's end.
    const bool continues = line + 1 < layout_.line_count();
    auto X = [&](int64_t cp) {
      return x0 + geom_.xs[static_cast<size_t>(std::clamp<int64_t>(cp - lcp, 0, lend - lcp))];
    };
    auto span_x = [&](int64_t s, int64_t e, float* xa, float* xb) {
      const int64_t a = std::max(s, lcp), b = std::min(e, lend);
      if (b < a || (b == a && !(e > lend && continues))) return false;
      *xa = X(a);
      *xb = X(b) + (e > lend && continues ? space_w * 0.5f : 0.0f);
      return true;
    };
    draw_gutter(doc, line, y, pal);

    // Codings: a translucent fill each (overlaps grow darker) and an underline per overlap level.
    doc.for_codings_in(lcp, std::max(lend, lcp + 1), [&](size_t i) {
      const store::Coding& c = doc.codings[i];
      float xa, xb;
      if (!span_x(c.start, c.end, &xa, &xb)) return;
      const CodeInfo* ci = cache.code(c.code);
      const ImU32 col = ci ? ci->colour : pal.text_dim;
      const bool hot = (hovered_coding_ && *hovered_coding_ == c.id) || (selected_coding_ && *selected_coding_ == c.id);
      dl->AddRectFilled(ImVec2(xa, y), ImVec2(xb, y + line_h_),
                        with_alpha(col, pal.highlight_alpha * (hot ? 2.0f : 1.0f)));
      const float lvl = static_cast<float>(std::min<int>(doc.level[i], 3));
      const float uy = y + line_h_ - 2.0f - lvl * 3.0f;
      dl->AddRectFilled(ImVec2(xa, uy - 1.0f), ImVec2(xb, uy + 1.0f), col);
      if (selected_coding_ && *selected_coding_ == c.id)
        dl->AddRect(ImVec2(xa, y), ImVec2(xb, y + line_h_), col, 0, 0, 1.5f);
    });

    // Words OCR read with low confidence (ingest/ocr.h): a dotted underline, so a doubtful quote is checked.
    auto lc = std::lower_bound(doc.low_confidence.begin(), doc.low_confidence.end(), lcp,
                               [](const text::Span& m, int64_t v) { return m.end <= v; });
    for (; lc != doc.low_confidence.end() && lc->start < std::max(lend, lcp + 1); ++lc) {
      float xa, xb;
      if (!span_x(lc->start, lc->end, &xa, &xb)) continue;
      const float uy = y + line_h_ - 1.0f;
      for (float x = xa; x < xb; x += 4.0f)
        dl->AddRectFilled(ImVec2(x, uy - 1.0f), ImVec2(std::min(x + 2.0f, xb), uy + 1.0f), pal.text_dim);
    }

    // Find matches on this line (matches_ is sorted by start).
    auto mt = std::lower_bound(matches_.begin(), matches_.end(), lcp,
                               [](const text::Span& m, int64_t v) { return m.end <= v; });
    for (; mt != matches_.end() && mt->start < std::max(lend, lcp + 1); ++mt) {
      float xa, xb;
      if (!span_x(mt->start, mt->end, &xa, &xb)) continue;
      const bool current = static_cast<size_t>(mt - matches_.begin()) == current_match_;
      dl->AddRectFilled(ImVec2(xa, y + 1), ImVec2(xb, y + line_h_ - 1), current ? pal.find_current : pal.find);
    }
    if (sel.end > sel.start) {
      float xa, xb;
      if (span_x(sel.start, sel.end, &xa, &xb))
        dl->AddRectFilled(ImVec2(xa, y), ImVec2(xb, y + line_h_), pal.selection);
    }
    draw_text_runs(doc, line, y, pal);
  }
}

void DocumentView::stripe_tooltip(const OpenDocument& doc, const ProjectCache& cache, store::Id id) {
  const store::Coding* c = doc.coding(id);
  if (!c) return;
  const CodeInfo* ci = cache.code(c->code);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  if (ci) {
    widgets::colour_chip(ci->colour, ImGui::GetFontSize() * 0.7f);
    ImGui::SameLine();
    ImGui::TextUnformatted(ci->path.c_str());
  }
  ImGui::TextDisabled("%s: %s  \xC2\xB7  %s: %s", tr(S::label_stance), stance_label(c->stance), tr(S::label_coder),
                      cache.coder_name(c->coder).c_str());
  if (!c->memo.empty()) ImGui::TextWrapped("%s: %s", tr(S::label_memo), c->memo.c_str());
  std::string quote = doc.slice(c->start, std::min(c->end, c->start + 240));
  if (c->end - c->start > 240) quote += "\xE2\x80\xA6";
  ImGui::Separator();
  ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", quote.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void DocumentView::draw_stripes(const OpenDocument& doc, const ProjectCache& cache, const DocPalette& pal) {
  if (doc.lanes.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(margin_x_ - 2, view_rect_.Min.y), ImVec2(view_rect_.Max.x, view_rect_.Max.y), pal.stripe_bg);
  const float label_size = std::round(fonts_.size * 0.72f);
  // Labels are drawn unrotated first and then turned: widen the clip rect so
  // the unrotated glyphs are not culled (the turned ones stay inside the margin).
  dl->PushClipRect(view_rect_.Min, ImVec2(view_rect_.Max.x + 4096.0f, view_rect_.Max.y), false);
  for (const StripeHit& s : stripes_) {
    const CodeInfo* ci = cache.code(s.code);
    const ImU32 col = ci ? ci->colour : pal.text_dim;
    const bool hot =
        (hovered_coding_ && *hovered_coding_ == s.coding) || (selected_coding_ && *selected_coding_ == s.coding);
    dl->AddRectFilled(s.rect.Min, s.rect.Max, hot ? col : with_alpha(col, 0.8f), 1.5f);
    if (hot)
      dl->AddRect(ImVec2(s.rect.Min.x - 1, s.rect.Min.y - 1), ImVec2(s.rect.Max.x + 1, s.rect.Max.y + 1), pal.text,
                  1.5f);
    if (s.label && ci)
      widgets::add_text_vertical(dl, fonts_.regular, label_size, ImVec2(s.rect.Max.x + 1.0f, s.rect.Min.y + 2.0f),
                                 hot ? pal.text : pal.text_dim, ci->code.name, s.rect.GetHeight() - 4.0f);
  }
  dl->PopClipRect();
  if (hovered_coding_ && drag_ == Drag::none && !ImGui::IsPopupOpen("##docmenu"))
    stripe_tooltip(doc, cache, *hovered_coding_);
}

}  // namespace telaah::ui
