// The inspector's links of the selected coding (issue 21): a chip to drag
// onto another coding, "Link to…", and one row per link (relation, direction,
// the other quote's start, its document). A click or Enter on a row goes to
// the other coding; Delete on a focused row removes the link; Memo opens the
// link's memo box (saved on blur, and as a draft on quit or a view switch).
#include <cstring>

#include "text/utf8.h"
#include "ui/coding/view_coding.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void CodingView::link_from(store::Id coding) {
  save_drafts();
  link_picker_.open(coding);
}

std::optional<ImRect> CodingView::link_row_rect(size_t i) const {
  if (i >= link_rects_.size()) return std::nullopt;
  return link_rects_[i];
}

std::optional<ImRect> CodingView::link_memo_button_rect(size_t i) const {
  if (i >= link_memo_buttons_.size()) return std::nullopt;
  return link_memo_buttons_[i];
}

void CodingView::refresh_links(store::Id coding) {
  const store::Project* p = ws_.project();
  if (!p || (links_rev_ == p->revision() && links_for_ == coding)) return;
  links_rev_ = p->revision();
  links_for_ = coding;
  links_.clear();
  std::vector<store::Link> ls;
  std::vector<store::LinkType> types;
  if (!ws_.act([&] {
        ls = store::links_of_coding(*p, coding);
        types = store::link_types(*p);
      }))
    return;
  // The other codings' texts, each document read once.
  store::Id text_of = 0;
  std::string text;
  text::OffsetMap map;
  for (const store::Link& l : ls) {
    LinkRow r;
    r.link = l;
    r.outgoing = l.from == coding;
    r.other = r.outgoing ? l.to : l.from;
    for (const auto& t : types)
      if (t.id == l.type) r.colour = t.colour;
    store::Coding o;
    if (!ws_.act([&] { o = p->coding(r.other); })) continue;
    r.other_doc = o.doc;
    r.other_start = o.start;
    r.other_end = o.end;
    if (o.doc != text_of) {
      text_of = o.doc;
      text = p->text(o.doc);
      map = text::OffsetMap(text);
    }
    r.quote = text::one_line(text::slice_cp(text, map, static_cast<size_t>(o.start),
                                            static_cast<size_t>(std::min<int64_t>(o.end, o.start + 160))),
                             60, "\xE2\x80\xA6");
    if (const DocInfo* d = ws_.cache().doc(o.doc)) r.doc_title = d->doc.title;
    links_.push_back(std::move(r));
  }
}

void CodingView::save_link_memo() {
  if (!link_memo_editing_ || link_memo_for_ == 0) return;
  link_memo_editing_ = false;
  const store::Id id = link_memo_for_;
  const std::string memo = link_memo_draft_;
  bool changed = true;
  for (const LinkRow& r : links_)
    if (r.link.id == id) changed = r.link.memo != memo;
  if (changed)
    ws_.write([&](store::Project& p) { store::set_link_memo(p, id, memo); },
              tr(S::lnk_memo_saved) + ("#" + std::to_string(id)));
}

void CodingView::draw_links(const store::Coding& c) {
  link_rects_.clear();
  link_memo_buttons_.clear();
  chip_rect_.reset();
  link_memo_rect_.reset();
  link_button_rect_.reset();
  refresh_links(c.id);
  ws_.need_glyphs("\xE2\x86\x90\xE2\x86\x91\xE2\x86\x92\xE2\x86\x93\xE2\x86\x94");  // the arrows: ← ↑ → ↓ ↔
  const float fs = ImGui::GetFontSize();
  ImGui::Spacing();
  // The chip: drag it onto another coding (in the document, or a row of Link to…).
  const CodeInfo* ci = ws_.cache().code(c.code);
  ImGui::PushID("links");
  const std::string chip = "#" + std::to_string(c.id);
  ImGui::PushStyleColor(ImGuiCol_Button, ci ? with_alpha(ci->colour, 0.35f) : ImGui::GetColorU32(ImGuiCol_Button));
  ImGui::SmallButton(chip.c_str());
  ImGui::PopStyleColor();
  chip_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::lnk_chip_tip));
  if (ImGui::BeginDragDropSource()) {
    const store::Id id = c.id;
    ImGui::SetDragDropPayload(kCodingPayload, &id, sizeof id);
    ImGui::TextUnformatted(chip.c_str());
    ImGui::TextDisabled("%s", ci ? ci->path.c_str() : "");
    ImGui::EndDragDropSource();
  }
  ImGui::SameLine();
  char head[64];
  std::snprintf(head, sizeof head, tr(S::lnk_links_fmt), static_cast<int>(links_.size()));
  ImGui::TextUnformatted(head);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::lnk_link_to))) link_from(c.id);
  link_button_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("L");
  if (links_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::lnk_none));
    ImGui::PopTextWrapPos();
  }
  bool focused = false;
  std::optional<store::Id> remove, jump;
  for (size_t i = 0; i < links_.size(); ++i) {
    const LinkRow& r = links_[i];
    ImGui::PushID(static_cast<int>(r.link.id));
    // "→ corroborates  “quote…” · Document" (← when the other coding is the link's `from`, ↔ undirected).
    const char* arrow = !r.link.directed ? "\xE2\x86\x94" : r.outgoing ? "\xE2\x86\x92" : "\xE2\x86\x90";
    const std::string label = std::string(arrow) + " " + relation_label(r.link.type_name);
    const float chip_w = fs * 0.35f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x + chip_w + fs * 0.3f, at.y));
    const float row_h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::Selectable("##link", false, ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(ImGui::GetContentRegionAvail().x - fs * 3.5f, row_h)))
      jump = r.other;
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    link_rects_.push_back(rect);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::lnk_row_tip));
    if (ImGui::IsItemFocused()) {
      focused = true;
      if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false)) remove = r.link.id;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(at.x, rect.Min.y), ImVec2(at.x + chip_w, rect.Max.y), parse_colour(r.colour), 2.0f);
    const float w = rect.GetWidth();
    dl->AddText(rect.Min, ImGui::GetColorU32(ImGuiCol_Text),
                widgets::ellipsize(label + "  \xE2\x80\x9C" + r.quote + "\xE2\x80\x9D", w).c_str());
    dl->AddText(ImVec2(rect.Min.x, rect.Min.y + ImGui::GetTextLineHeight()), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                widgets::ellipsize("#" + std::to_string(r.other) + " \xC2\xB7 " + r.doc_title +
                                       (r.link.memo.empty() ? "" : "  \xE2\x80\x94 " + r.link.memo),
                                   w)
                    .c_str());
    ImGui::SameLine();
    const bool memo_clicked = ImGui::SmallButton(tr(S::lnk_memo));
    link_memo_buttons_.emplace_back(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (memo_clicked) {
      save_link_memo();
      if (link_memo_for_ == r.link.id) {
        link_memo_for_ = 0;
      } else {
        link_memo_for_ = r.link.id;
        link_memo_draft_ = r.link.memo;
      }
    }
    if (link_memo_for_ == r.link.id) {
      if (!link_memo_editing_) link_memo_draft_ = r.link.memo;  // follows undo while nothing is typed
      widgets::input_text_multiline("##linkmemo", &link_memo_draft_, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
      link_memo_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      if (ImGui::IsItemActive()) link_memo_editing_ = true;
      if (ImGui::IsItemDeactivated()) save_link_memo();
      if (ImGui::SmallButton(tr(S::lnk_remove))) remove = r.link.id;
    }
    ImGui::PopID();
  }
  link_focused_ = focused;
  ImGui::PopID();
  if (remove) {
    const store::Id id = *remove;
    std::string what;
    for (const LinkRow& r : links_)
      if (r.link.id == id)
        what = "#" + std::to_string(r.link.from) + " " + relation_label(r.link.type_name) + " #" +
               std::to_string(r.link.to);
    if (link_memo_for_ == id) link_memo_for_ = 0, link_memo_editing_ = false;
    ws_.write([&](store::Project& p) { store::remove_link(p, id); }, tr(S::lnk_removed) + what);
  } else if (jump) {
    for (const LinkRow& r : links_)
      if (r.other == *jump) {
        save_link_memo();
        ws_.show_passage(r.other_doc, r.other_start, r.other_end, r.other);
        break;
      }
  }
}

}  // namespace telaah::ui
