// Links and impediments in the triangulation view (issue 21): each quote's
// relation chips, the selected indicator's link count (analysis::link_counts),
// the links between quotes of different source types drawn in the compare
// view as arrows in the relation's colour and listed above the columns, and
// under an indicator the impediment findings and the impediment codings
// attached to it.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "ui/coding/link_picker.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void TriangulationView::refresh_links() {
  const store::Project* p = ws_.project();
  if (!p) return;
  if (links_rev_ != p->revision()) {
    links_rev_ = p->revision();
    links_.clear();
    links_of_.clear();
    link_colour_.clear();
    ws_.act([&] {
      links_ = store::all_links(*p);
      for (const auto& t : store::link_types(*p)) link_colour_[t.id] = t.colour;
    });
    for (size_t i = 0; i < links_.size(); ++i) {
      links_of_[links_[i].from].push_back(i);
      links_of_[links_[i].to].push_back(i);
    }
  }
  if (!model_.ready()) return;
  // The indicator's count and the compare view's links, once per matrix and indicator.
  if (counts_rev_ != model_.revision() || counts_code_ != sel_code_ || counts_links_ != links_rev_) {
    counts_rev_ = model_.revision();
    counts_code_ = sel_code_;
    counts_links_ = links_rev_;
    link_counts_ = {};
    impediments_ = {};
    if (sel_code_ != 0 && model_.row_of(sel_code_) >= 0) {
      ws_.act([&] { link_counts_ = analysis::link_counts(*p, model_.table(), model_.matrix(), sel_code_); });
      impediments_ = analysis::impediments_of(model_.evaluation(), sel_code_);
    }
  }
  // The compare view's links: again when the links, the columns' quotes or the indicator changed.
  size_t quotes = 0;
  for (const auto& c : compare_) quotes += c.size();
  const std::array<int64_t, 4> key{links_rev_, detail_rev_, static_cast<int64_t>(sel_code_),
                                   static_cast<int64_t>(quotes)};
  if (key != compare_links_key_) {
    compare_links_key_ = key;
    compare_links_.clear();
    std::unordered_map<store::Id, int> column_of;
    for (size_t c = 0; c < compare_.size(); ++c)
      for (const auto& e : compare_[c]) column_of[e.coding_id] = static_cast<int>(c);
    for (const auto& l : links_) {
      auto a = column_of.find(l.from), b = column_of.find(l.to);
      if (a == column_of.end() || b == column_of.end() || a->second == b->second) continue;
      CompareLink x;
      x.link = l.id;
      x.from = l.from;
      x.to = l.to;
      x.type_name = l.type_name;
      x.directed = l.directed;
      auto col = link_colour_.find(l.type);
      x.colour = col == link_colour_.end() ? "#888888" : col->second;
      x.column_from = a->second;
      x.column_to = b->second;
      compare_links_.push_back(std::move(x));
    }
  }
}

std::vector<TriangulationView::QuoteLink> TriangulationView::quote_links(store::Id coding) const {
  std::vector<QuoteLink> out;
  auto it = links_of_.find(coding);
  if (it == links_of_.end()) return out;
  for (size_t i : it->second) {
    const store::Link& l = links_[i];
    QuoteLink q;
    q.link = l.id;
    q.outgoing = l.from == coding;
    q.other = q.outgoing ? l.to : l.from;
    q.type_name = l.type_name;
    q.directed = l.directed;
    auto col = link_colour_.find(l.type);
    q.colour = col == link_colour_.end() ? "#888888" : col->second;
    out.push_back(std::move(q));
  }
  return out;
}

// One chip per relation ("corroborates ×2"), right-aligned on the quote's last line.
void TriangulationView::draw_link_chips(store::Id coding, ImVec2 at, float max_w) {
  auto it = links_of_.find(coding);
  if (it == links_of_.end() || max_w <= 0) return;
  std::map<std::string, std::pair<int, std::string>> by_type;  // name -> count, colour
  for (const QuoteLink& q : quote_links(coding)) {
    auto& e = by_type[q.type_name];
    ++e.first;
    e.second = q.colour;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize(), small = std::round(fs * 0.85f), pad = std::round(fs * 0.25f);
  float x = at.x + max_w;
  for (auto t = by_type.rbegin(); t != by_type.rend(); ++t) {
    const std::string label =
        relation_label(t->first) + (t->second.first > 1 ? " \xC3\x97" + std::to_string(t->second.first) : "");
    const float w = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, label.c_str()).x + pad * 2;
    if (x - w < at.x) break;
    x -= w;
    const ImU32 col = parse_colour(t->second.second);
    dl->AddRectFilled(ImVec2(x, at.y), ImVec2(x + w - pad * 0.5f, at.y + small + 2), with_alpha(col, 0.25f), 3.0f);
    dl->AddRect(ImVec2(x, at.y), ImVec2(x + w - pad * 0.5f, at.y + small + 2), col, 3.0f);
    dl->AddText(ImGui::GetFont(), small, ImVec2(x + pad * 0.75f, at.y + 1), ImGui::GetColorU32(ImGuiCol_Text),
                label.c_str());
  }
}

void TriangulationView::draw_link_counts() {
  const analysis::LinkCounts& n = link_counts_;
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(S::lnk_count_fmt), n.total());
  std::string text = buf;
  const std::pair<int, const char*> parts[] = {{n.corroborates, "corroborates"},
                                               {n.contradicts, "contradicts"},
                                               {n.explains, "explains"},
                                               {n.impedes, "impedes"}};
  std::string detail;
  for (const auto& [k, name] : parts)
    if (k > 0) detail += (detail.empty() ? "" : ", ") + relation_label(name) + " " + std::to_string(k);
  if (n.other > 0) detail += (detail.empty() ? "" : ", ") + std::string("\xE2\x80\xA6 ") + std::to_string(n.other);
  if (!detail.empty()) text += " (" + detail + ")";
  ImGui::TextDisabled("%s", text.c_str());
  remember("links:count");
}

void TriangulationView::draw_compare_links_list() {
  if (compare_links_.empty()) return;
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(S::lnk_compare_fmt), static_cast<int>(compare_links_.size()));
  ws_.need_glyphs("\xE2\x86\x90\xE2\x86\x91\xE2\x86\x92\xE2\x86\x93\xE2\x86\x94");  // ← ↑ → ↓ ↔
  if (!ImGui::TreeNode("##links", "%s", buf)) return;
  auto find = [&](store::Id id, int col) -> const EvidenceItem* {
    if (col < 0 || col >= static_cast<int>(compare_.size())) return nullptr;
    for (const auto& e : compare_[static_cast<size_t>(col)])
      if (e.coding_id == id) return &e;
    return nullptr;
  };
  for (size_t i = 0; i < compare_links_.size(); ++i) {
    const CompareLink& l = compare_links_[i];
    const EvidenceItem* a = find(l.from, l.column_from);
    const EvidenceItem* b = find(l.to, l.column_to);
    if (!a || !b) continue;
    ImGui::PushID(static_cast<int>(l.link));
    widgets::colour_chip(parse_colour(l.colour), ImGui::GetTextLineHeight() * 0.7f);
    ImGui::SameLine();
    const std::string text = column_label(l.column_from) + " \xE2\x80\x9C" + widgets::ellipsize(a->quote, 1e9f) +
                             "\xE2\x80\x9D " + (l.directed ? "\xE2\x86\x92 " : "\xE2\x86\x94 ") +
                             relation_label(l.type_name) + " " + (l.directed ? "\xE2\x86\x92 " : "\xE2\x86\x94 ") +
                             column_label(l.column_to);
    if (ImGui::Selectable(widgets::ellipsize(text, ImGui::GetContentRegionAvail().x).c_str())) open_in_coding_view(*a);
    remember("link:" + std::to_string(i));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("\xE2\x80\x9C%s\xE2\x80\x9D\n\xE2\x80\x9C%s\xE2\x80\x9D", a->quote.c_str(), b->quote.c_str());
    ImGui::PopID();
  }
  ImGui::TreePop();
}

// Arrows between the quote boxes of two columns, over the columns, clipped to the compare area.
void TriangulationView::draw_compare_link_lines(const ImRect& clip) {
  if (compare_links_.empty() || quote_boxes_.empty()) return;
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->PushClipRect(clip.Min, clip.Max, true);
  const float fs = ImGui::GetFontSize();
  for (const CompareLink& l : compare_links_) {
    auto a = quote_boxes_.find(l.from), b = quote_boxes_.find(l.to);
    if (a == quote_boxes_.end() || b == quote_boxes_.end()) continue;  // scrolled out of sight: listed above
    const ImRect ra = a->second.second, rb = b->second.second;
    const bool left_to_right = a->second.first < b->second.first;
    const ImVec2 p0(left_to_right ? ra.Max.x : ra.Min.x, ra.GetCenter().y);
    const ImVec2 p1(left_to_right ? rb.Min.x : rb.Max.x, rb.GetCenter().y);
    const ImU32 col = parse_colour(l.colour);
    const float bend = (p1.x - p0.x) * 0.4f;
    dl->AddBezierCubic(p0, ImVec2(p0.x + bend, p0.y), ImVec2(p1.x - bend, p1.y), p1, col, 2.0f);
    dl->AddCircleFilled(p0, fs * 0.18f, col);
    // The arrow head at the link's `to` end (both ends for a relation that reads the same both ways).
    auto head = [&](ImVec2 tip, float dir) {
      const float s = fs * 0.45f;
      dl->AddTriangleFilled(tip, ImVec2(tip.x - dir * s, tip.y - s * 0.55f), ImVec2(tip.x - dir * s, tip.y + s * 0.55f),
                            col);
    };
    head(p1, left_to_right ? 1.0f : -1.0f);
    if (!l.directed) head(p0, left_to_right ? -1.0f : 1.0f);
  }
  dl->PopClipRect();
}

void TriangulationView::draw_impediments_of(const analysis::Row& row) {
  const analysis::IndicatorImpediments& im = impediments_;
  const auto& findings = model_.evaluation().findings;
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(S::imp_findings_fmt), static_cast<int>(im.findings.size()));
  if (ImGui::TreeNodeEx("##findings", ImGuiTreeNodeFlags_DefaultOpen, "%s", buf)) {
    std::optional<store::Id> remove, add_ticked;
    for (store::Id f : im.findings)
      for (const auto& x : findings) {
        if (x.id != f) continue;
        ImGui::PushID(static_cast<int>(f));
        ImGui::AlignTextToFramePadding();
        ImGui::BulletText("%s", x.title.c_str());
        remember("finding:" + std::to_string(f));
        ImGui::SameLine();
        ImGui::TextDisabled(tr(S::imp_evidence_fmt), static_cast<int>(x.evidence.size()));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::imp_edit))) {
          finding_ = {};
          finding_.open = finding_.focus = true;
          finding_.id = x.id;
          finding_.indicator = row.path;
          finding_.title = x.title;
          finding_.description = x.description;
        }
        remember("finding:edit:" + std::to_string(f));
        ImGui::SameLine();
        ImGui::BeginDisabled(cited_.empty());
        if (ImGui::SmallButton(tr(S::imp_add_ticked))) add_ticked = f;
        ImGui::EndDisabled();
        remember("finding:evidence:" + std::to_string(f));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::imp_remove))) remove = f;
        remember("finding:remove:" + std::to_string(f));
        if (!x.description.empty()) {
          ImGui::Indent();
          ImGui::PushTextWrapPos(0);
          ImGui::TextDisabled("%s", x.description.c_str());
          ImGui::PopTextWrapPos();
          ImGui::Unindent();
        }
        ImGui::PopID();
      }
    if (ImGui::SmallButton(tr(S::imp_new_finding))) {
      finding_ = {};
      finding_.open = finding_.focus = true;
      finding_.code = row.code_id;
      finding_.indicator = row.path;
    }
    remember("finding:new");
    ImGui::TreePop();
    if (remove) {
      const store::Id id = *remove;
      std::string title;
      for (const auto& x : findings)
        if (x.id == id) title = x.title;
      if (ws_.write([&](store::Project& p) { store::remove_impediment(p, id); }))
        ws_.set_undoable_status(tr(S::imp_removed_finding) + title);
    } else if (add_ticked) {
      const store::Id id = *add_ticked;
      store::ImpedimentEdit e;
      std::set<store::Id> have;
      for (const auto& x : findings)
        if (x.id == id) have.insert(x.evidence.begin(), x.evidence.end());
      for (store::Id c : cited_)
        if (!have.count(c)) e.add_evidence.push_back(c);
      std::string title;
      for (const auto& x : findings)
        if (x.id == id) title = x.title;
      if (!e.add_evidence.empty() && ws_.write([&](store::Project& p) { store::edit_impediment(p, id, e); }))
        ws_.set_undoable_status(tr(S::imp_saved_finding) + title);
    }
  }
  if (!im.attached.empty()) {
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(S::imp_attached_codings_fmt), static_cast<int>(im.attached.size()));
    ImGui::TextDisabled("%s", buf);
    remember("impediments:attached");
  }
}

bool TriangulationView::save_finding() {
  FindingDraft& d = finding_;
  const FindingDraft copy = d;
  bool ok = false;
  if (copy.id == 0) {
    ok = ws_.write([&](store::Project& p) { store::add_impediment(p, copy.title, copy.description, {copy.code}, {}); });
  } else {
    store::ImpedimentEdit e;
    e.title = copy.title;
    e.description = copy.description;
    ok = ws_.write([&](store::Project& p) { store::edit_impediment(p, copy.id, e); });
  }
  if (ok) {
    ws_.set_undoable_status(tr(S::imp_saved_finding) + copy.title);
    d.open = false;
  }
  return ok;
}

void TriangulationView::draw_finding_editor() {
  const char* id = "##tri_finding";
  if (finding_.open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    finding_.open = false;
    return;
  }
  const float fs = ImGui::GetFontSize();
  FindingDraft& d = finding_;
  char head[512];
  std::snprintf(head, sizeof head, tr(S::imp_finding_of), d.indicator.c_str());
  ImGui::TextUnformatted(head);
  ImGui::TextUnformatted(tr(S::imp_title));
  if (d.focus) {
    ImGui::SetKeyboardFocusHere();
    d.focus = false;
  }
  ImGui::SetNextItemWidth(fs * 30);
  widgets::input_text("##title", &d.title);
  remember("finding:title");
  ImGui::TextUnformatted(tr(S::imp_description));
  widgets::input_text_multiline("##description", &d.description, ImVec2(fs * 30, fs * 5));
  remember("finding:description");
  if (ImGui::Button(tr(S::imp_save)) && save_finding()) ImGui::CloseCurrentPopup();
  remember("finding:save");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::imp_cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    d.open = false;
    ImGui::CloseCurrentPopup();
  }
  remember("finding:cancel");
  ImGui::EndPopup();
}

}  // namespace telaah::ui
