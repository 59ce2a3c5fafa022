// Code from search (issue 9): the hits of the current query at a chosen
// scope (matched words, sentences, paragraphs, documents), each with accept /
// reject and a preview; applying codes the accepted ones in one undoable
// action (index::autocode_apply). The plan is computed on the SearchWorker.
#include <algorithm>
#include <climits>
#include <cstdio>

#include "text/utf8.h"
#include "ui/search/view_search.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void SearchView::open_review() {
  const std::string q = shown_.text;
  if (q.empty()) {
    ws_.set_status(tr(S::sea_need_query), true);
    return;
  }
  Review r;
  r.scope = review_.scope;  // the last choices of this session
  r.stance = review_.stance;
  r.code = ws_.cache().code(review_.code) ? review_.code : 0;
  if (!r.code && ws_.selected_code() && ws_.cache().code(*ws_.selected_code())) r.code = *ws_.selected_code();
  r.query = q;
  r.want_open = true;
  review_ = std::move(r);
  request_plan();
}

void SearchView::request_plan() {
  SearchJob j;
  j.kind = SearchJob::Kind::plan;
  j.gen = ++next_gen_;
  j.query.text = review_.query;
  j.query.docs = set_docs_;  // the hits shown: only the chosen set's documents
  j.scope = review_.scope;
  j.code = review_.code;
  review_.gen = j.gen;
  review_.planning = true;
  review_.error.clear();
  worker_.set_wake(ws_.tasks().wake);
  worker_.post(std::move(j), review_.gen);
}

void SearchView::apply_review() {
  std::vector<index::AutocodeSpan> chosen;
  for (size_t i = 0; i < review_.plan.size(); ++i)
    if (review_.accept[i] && !review_.plan[i].already_coded) chosen.push_back(review_.plan[i]);
  if (!review_.code || !ws_.cache().code(review_.code)) {
    review_.error = tr(S::sea_need_code);
    return;
  }
  std::vector<store::Id> ids;
  const bool ok = ws_.write(
      [&](store::Project& p) { ids = index::autocode_apply(p, chosen, review_.code, review_.query, review_.stance); });
  if (!ok) {
    review_.error = ws_.status().text;
    return;
  }
  if (ids.empty()) {
    ws_.set_status(tr(S::sea_status_none_coded));
  } else {
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(ids.size() == 1 ? S::sea_status_coded_one : S::sea_status_coded),
                  static_cast<int>(ids.size()), ws_.cache().code(review_.code)->path.c_str());
    ws_.set_undoable_status(std::string(buf) + tr(S::status_undo_hint));
  }
  review_.open = false;
  review_.plan.clear();
  review_.accept.clear();
  ImGui::CloseCurrentPopup();
}

void SearchView::draw_review() {
  if (review_.want_open) {
    ImGui::OpenPopup("###sea_review");
    review_.want_open = false;
    review_.open = true;
  }
  if (!review_.open) return;
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(std::min(ds.x * 0.8f, ImGui::GetFontSize() * 70), ds.y * 0.75f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(ds.x * 0.5f, ds.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool keep = true;
  const std::string title = std::string(tr(S::sea_review_title)) + "###sea_review";
  if (!ImGui::BeginPopupModal(title.c_str(), &keep)) {
    review_.open = false;
    return;
  }
  if (!keep || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    review_.open = false;
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const float fs = ImGui::GetFontSize();
  // Radio buttons and checkboxes need their outline on the light popup background.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
  ImGui::TextDisabled("%s", tr(S::sea_review_query));
  ImGui::SameLine();
  ImGui::TextUnformatted(review_.query.c_str());

  // Scope.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::sea_scope));
  const std::pair<index::Scope, S> scopes[] = {{index::Scope::hit, S::sea_scope_hit},
                                               {index::Scope::sentence, S::sea_scope_sentence},
                                               {index::Scope::paragraph, S::sea_scope_paragraph},
                                               {index::Scope::document, S::sea_scope_document}};
  for (const auto& [sc, label] : scopes) {
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(label), review_.scope == sc) && review_.scope != sc) {
      review_.scope = sc;
      request_plan();
    }
    remember(std::string("scope:") + index::to_string(sc));
  }

  // Code and stance.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::sea_review_code));
  ImGui::SameLine();
  const CodeInfo* chosen = ws_.cache().code(review_.code);
  // As wide as the code's path, leaving room for the stance; a path cut short shows whole in a tooltip.
  const char* code_shown = chosen ? chosen->path.c_str() : tr(S::sea_choose_code);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float stance_w = ImGui::CalcTextSize(tr(S::sea_review_stance)).x + fs * 9 + st.ItemSpacing.x * 2 + fs;
  const float want = ImGui::CalcTextSize(code_shown).x + ImGui::GetFrameHeight() + st.FramePadding.x * 2 + 2;
  const float combo_w =
      std::max(fs * 10, std::min(std::max(want, fs * 22), ImGui::GetContentRegionAvail().x - stance_w));
  ImGui::SetNextItemWidth(combo_w);
  code_combo_cut_ = want > combo_w;
  const bool combo = ImGui::BeginCombo("##sea_code", code_shown, ImGuiComboFlags_HeightLarge);
  remember("code_combo");
  if (!combo && code_combo_cut_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", code_shown);
  if (combo) {
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    widgets::input_text_hint("##sea_code_filter", tr(S::filter_codes), &review_.code_filter);
    const std::string f = lower_ascii(review_.code_filter);
    for (const auto& c : ws_.cache().codes) {
      if (!f.empty() && lower_ascii(c.path).find(f) == std::string::npos) continue;
      ImGui::PushID(static_cast<int>(c.code.id));
      ImGui::Indent(static_cast<float>(c.depth) * fs * 0.8f);
      widgets::colour_chip(c.colour, fs * 0.7f);
      ImGui::SameLine();
      if (ImGui::Selectable(c.code.name.c_str(), c.code.id == review_.code)) {
        review_.code = c.code.id;
        request_plan();  // "already coded" depends on the code
      }
      remember("code:" + std::to_string(c.code.id));
      ImGui::Unindent(static_cast<float>(c.depth) * fs * 0.8f);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, fs);
  ImGui::TextUnformatted(tr(S::sea_review_stance));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 8);
  if (ImGui::BeginCombo("##sea_stance", stance_label(review_.stance))) {
    for (auto s : {store::Stance::supports, store::Stance::contradicts, store::Stance::neutral})
      if (ImGui::Selectable(stance_label(s), s == review_.stance)) review_.stance = s;
    ImGui::EndCombo();
  }

  // Accept / reject.
  int accepted = 0, open_rows = 0;
  for (size_t i = 0; i < review_.plan.size(); ++i) {
    accepted += review_.accept[i] && !review_.plan[i].already_coded;
    open_rows += !review_.plan[i].already_coded;
  }
  if (ImGui::Button(tr(S::sea_select_all)))
    for (size_t i = 0; i < review_.plan.size(); ++i) review_.accept[i] = !review_.plan[i].already_coded;
  remember("button:all");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::sea_select_none))) std::fill(review_.accept.begin(), review_.accept.end(), false);
  remember("button:none");
  ImGui::SameLine();
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(open_rows == 1 ? S::sea_review_count_one : S::sea_review_count), accepted,
                open_rows);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", buf);

  // The rows.
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2;
  ImGui::BeginChild("##sea_review_rows", ImVec2(0, -footer), true);
  if (review_.planning) {
    ImGui::TextDisabled("%s", tr(S::sea_planning));
  } else if (review_.plan.empty() && review_.error.empty()) {
    ImGui::TextDisabled("%s", tr(S::sea_plan_empty));
  } else {
    const float lh = ImGui::GetTextLineHeight(), pad = ImGui::GetStyle().ItemSpacing.y;
    const float row_h = std::round(ImGui::GetFrameHeight() + lh * 2 + pad * 2);
    const std::string empty;
    const float w = ImGui::GetContentRegionAvail().x;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(std::min<size_t>(review_.plan.size(), INT_MAX)), row_h);
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& s = review_.plan[static_cast<size_t>(i)];
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::PushID(i);
        bool on = review_.accept[static_cast<size_t>(i)] && !s.already_coded;
        ImGui::BeginDisabled(s.already_coded);
        if (ImGui::Checkbox("##accept", &on)) review_.accept[static_cast<size_t>(i)] = on;
        ImGui::EndDisabled();
        remember("review:" + std::to_string(i));
        ImGui::SameLine();
        std::string head = s.title + "  [" + std::to_string(s.start) + "\xE2\x80\x93" + std::to_string(s.end) + ")";
        if (s.already_coded) head += std::string("  \xC2\xB7  ") + tr(S::sea_already_coded);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", widgets::ellipsize(head, w - ImGui::GetCursorPosX()).c_str());
        // The span on a highlight, a few words of context around it.
        const std::string& before =
            i < static_cast<int>(review_.before.size()) ? review_.before[static_cast<size_t>(i)] : empty;
        const std::string& after =
            i < static_cast<int>(review_.after.size()) ? review_.after[static_cast<size_t>(i)] : empty;
        const auto b = static_cast<int64_t>(text::count_code_points(before));
        const std::vector<index::Match> mark{{b, b + static_cast<int64_t>(text::count_code_points(s.quote))}};
        const float indent = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
        const ImVec2 at(top.x + indent, top.y + ImGui::GetFrameHeight());
        draw_snippet(ImGui::GetWindowDrawList(), at, w - indent, 2, before + s.quote + after, mark,
                     ImGui::GetColorU32(ImGuiCol_Text, s.already_coded ? 0.5f : 1.0f), ws_.look().palette.find, false);
        if (ImGui::IsMouseHoveringRect(at, ImVec2(top.x + w, top.y + row_h)) && s.quote.size() > 120) {
          ImGui::BeginTooltip();
          ImGui::PushTextWrapPos(fs * 40);
          ImGui::TextUnformatted(s.quote.c_str());
          ImGui::PopTextWrapPos();
          ImGui::EndTooltip();
        }
        ImGui::SetCursorScreenPos(top);  // the row takes exactly row_h, as the clipper assumes
        ImGui::Dummy(ImVec2(1, row_h - ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
      }
    }
  }
  ImGui::EndChild();

  // Footer.
  if (!review_.error.empty())
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", review_.error.c_str());
  else
    ImGui::NewLine();
  std::snprintf(buf, sizeof buf, tr(accepted == 1 ? S::sea_apply_one : S::sea_apply), accepted);
  ImGui::BeginDisabled(accepted == 0 || !chosen || review_.planning);
  if (ImGui::Button(buf)) apply_review();
  ImGui::EndDisabled();
  remember("button:apply");
  if (!chosen && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(S::sea_need_code));
  ImGui::SameLine();
  if (ImGui::Button(tr(S::cancel))) {
    review_.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::PopStyleVar();
  ImGui::EndPopup();
}

}  // namespace telaah::ui
