// Open a document by its name (see doc_picker.h).
#include "ui/coding/doc_picker.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void DocPicker::index(const ProjectCache& cache) {
  if (indexed_ && version_ == cache.docs_version && docs_at_ == cache.docs.data() && docs_n_ == cache.docs.size())
    return;
  indexed_ = true;
  version_ = cache.docs_version;
  docs_at_ = cache.docs.data();
  docs_n_ = cache.docs.size();
  titles_.resize(cache.docs.size());
  others_.resize(cache.docs.size());
  auto add = [](std::string& to, const std::string& from) {  // ASCII lower-cased, as lower_ascii does
    if (!to.empty()) to += '\n';
    for (char c : from) to += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  };
  for (size_t i = 0; i < cache.docs.size(); ++i) {
    const DocInfo& d = cache.docs[i];
    std::string& t = titles_[i];
    t.clear();
    add(t, d.doc.title);
    std::string& o = others_[i];
    o.clear();
    for (const std::string* f : {&d.doc.author, &d.doc.date, &d.doc.language, &d.doc.original_name}) add(o, *f);
    for (const auto& a : d.attributes) add(o, a.value);
  }
  applied_ = "\x01";  // nothing applied: filter everything again
}

// Hits by rank: the title starts with the query, a word of the title starts
// with it, the title contains it, another field contains it; the list's
// order (by id) within a rank.
void DocPicker::set_query(const ProjectCache& cache, const std::string& q) {
  index(cache);
  query_ = q;
  const std::string needle = lower_ascii(q);
  if (needle == applied_) return;
  // A longer query can only match documents the shorter one matched.
  const bool narrower = applied_ != "\x01" && !applied_.empty() && needle.size() > applied_.size() &&
                        needle.compare(0, applied_.size(), applied_) == 0;
  std::vector<uint32_t> from;
  if (narrower) {
    from.swap(hits_);
  } else {
    from.resize(titles_.size());
    for (size_t i = 0; i < from.size(); ++i) from[i] = static_cast<uint32_t>(i);
  }
  scanned_ = from.size();
  std::array<std::vector<uint32_t>, 4> ranked;
  for (uint32_t i : from) {
    if (needle.empty()) {
      ranked[0].push_back(i);
      continue;
    }
    const std::string& t = titles_[i];
    const size_t at = t.find(needle);
    if (at == 0)
      ranked[0].push_back(i);
    else if (at != std::string::npos) {
      // A later word that starts with it ranks above a match inside a word.
      size_t p = at;
      bool word = false;
      for (; p != std::string::npos; p = t.find(needle, p + 1))
        if (p == 0 || !std::isalnum(static_cast<unsigned char>(t[p - 1]))) {
          word = true;
          break;
        }
      ranked[word ? 1 : 2].push_back(i);
    } else if (others_[i].find(needle) != std::string::npos) {
      ranked[3].push_back(i);
    }
  }
  if (narrower) {  // the previous hits were in rank order: put them back in list order within each rank
    for (auto& r : ranked) std::sort(r.begin(), r.end());
  }
  hits_.clear();
  for (auto& r : ranked) hits_.insert(hits_.end(), r.begin(), r.end());
  applied_ = needle;
  chosen_ = 0;
  scroll_to_chosen_ = true;
}

std::optional<store::Id> DocPicker::draw(const ProjectCache& cache) {
  rows_drawn_ = 0;
  if (open_request_) {
    open_request_ = false;
    ImGui::OpenPopup("###docpicker");
    query_.clear();
    applied_ = "\x01";
    set_query(cache, "");
  }
  const ImGuiIO& io = ImGui::GetIO();
  const float fs = ImGui::GetFontSize();
  const float w = std::min(fs * 40, io.DisplaySize.x * 0.9f);
  ImGui::SetNextWindowPos(ImVec2((io.DisplaySize.x - w) * 0.5f, io.DisplaySize.y * 0.12f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  open_ = ImGui::BeginPopup("###docpicker");
  if (!open_) return std::nullopt;
  index(cache);
  if (applied_ == "\x01") set_query(cache, query_);  // the document list changed while open
  ImGui::TextDisabled("%s", tr(S::picker_title));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      widgets::input_text_hint("##pick", tr(S::picker_hint), &query_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemActive())  // Up and Down choose a row; they do not move ImGui's focus off the box
    GImGui->ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
  set_query(cache, query_);
  const int n = static_cast<int>(hits_.size());
  const int page = 10;
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
  const int before = chosen_;
  if (key(ImGuiKey_DownArrow)) ++chosen_;
  if (key(ImGuiKey_UpArrow)) --chosen_;
  if (key(ImGuiKey_PageDown)) chosen_ += page;
  if (key(ImGuiKey_PageUp)) chosen_ -= page;
  chosen_ = std::clamp(chosen_, 0, std::max(0, n - 1));
  if (chosen_ != before) scroll_to_chosen_ = true;

  std::optional<store::Id> picked;
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  const float list_h = row_h * static_cast<float>(std::clamp(n, 1, 12)) + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##picklist", ImVec2(0, list_h), false, ImGuiWindowFlags_NoNav);
  if (n == 0) ImGui::TextDisabled("%s", tr(S::picker_none));
  if (scroll_to_chosen_ && n > 0) {  // keep the chosen row in sight
    const float y = static_cast<float>(chosen_) * row_h, h = ImGui::GetWindowHeight();
    if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
    if (y + row_h > ImGui::GetScrollY() + h) ImGui::SetScrollY(y + row_h - h);
    scroll_to_chosen_ = false;
  }
  ImGuiListClipper clip;
  clip.Begin(n, row_h);
  while (clip.Step())
    for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
      const uint32_t at = hits_[static_cast<size_t>(r)];
      if (at >= cache.docs.size()) continue;
      const DocInfo& d = cache.docs[at];
      ++rows_drawn_;
      ImGui::PushID(r);
      if (ImGui::Selectable("##row", r == chosen_)) picked = d.doc.id;
      const ImVec2 p = ImGui::GetItemRectMin();
      const float rw = ImGui::GetItemRectSize().x;
      std::string sub = source_type_label(d.doc.source_type);
      if (!d.doc.date.empty()) sub += " \xC2\xB7 " + d.doc.date;
      const float sub_w = std::min(ImGui::CalcTextSize(sub.c_str()).x, rw * 0.35f);
      sub = widgets::ellipsize(sub, sub_w);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), widgets::ellipsize(d.doc.title, rw - sub_w - fs).c_str());
      dl->AddText(ImVec2(p.x + rw - ImGui::CalcTextSize(sub.c_str()).x, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  sub.c_str());
      ImGui::PopID();
    }
  ImGui::EndChild();
  if (enter && n > 0) picked = cache.docs[hits_[static_cast<size_t>(chosen_)]].doc.id;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  if (picked) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return picked;
}

}  // namespace telaah::ui
