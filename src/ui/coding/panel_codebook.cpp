// The codebook tree: colour chips and counts (own / with sub-codes); click a
// code to code the selection (or, without one, to edit the code); drag the
// selection onto a code; drag codes to reorder and re-parent them; a context
// menu to pin a code to a number key, add a sub-code, or delete.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "ui/coding/view_coding.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

static constexpr const char* kCodePayload = "TELAAH_CODE";

// Enter on the row that ImGui's keyboard navigation is on (Space toggles a tree node).
static bool enter_on_focused_item() {
  return ImGui::IsItemFocused() && !ImGui::GetIO().WantTextInput &&
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
}

// Index of `target` among its siblings, not counting `moving` (what move_code expects).
static int sibling_index(const ProjectCache& cache, store::Id target, store::Id moving) {
  const CodeInfo* t = cache.code(target);
  int i = 0;
  for (const auto& c : cache.codes) {
    if (c.code.id == target) return i;
    if (c.code.parent == t->code.parent && c.code.id != moving) ++i;
  }
  return i;
}

static int child_count(const ProjectCache& cache, std::optional<store::Id> parent, store::Id moving) {
  int n = 0;
  for (const auto& c : cache.codes)
    if (c.code.parent == parent && c.code.id != moving) ++n;
  return n;
}

void CodingView::draw_code_row(size_t index, std::vector<bool>& open_stack) {
  (void)open_stack;
  // A copy: an action in this row (add a sub-code, rename, recolour) reloads the
  // cache and would leave a reference into the old vector dangling.
  const CodeInfo c = ws_.cache().codes[index];
  const store::Id id = c.code.id;
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth |
                             ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_FramePadding;
  if (!c.has_children) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
  if (ws_.selected_code() == id) flags |= ImGuiTreeNodeFlags_Selected;
  const float chip = ImGui::GetTextLineHeight() * 0.7f;
  // Counts (own, and with sub-codes when different) and the pinned key are drawn
  // at the right of the row: the name is cut short before them, not drawn under them.
  char n[48];
  if (c.total != c.count)
    std::snprintf(n, sizeof n, "%lld (%lld)", static_cast<long long>(c.count), static_cast<long long>(c.total));
  else
    std::snprintf(n, sizeof n, "%lld", static_cast<long long>(c.count));
  std::string key;
  for (size_t k = 0; k < ws_.state().pinned.size(); ++k)
    if (ws_.state().pinned[k] == id) key = "[" + std::to_string(k + 1) + "]";
  const float count_w = ImGui::CalcTextSize(n).x;
  const float key_x = ImGui::CalcTextSize("000 (000)").x + 8;  // the keys line up in a column
  const float reserve =
      key.empty() ? count_w + 10 : std::max(count_w + 10, key_x + ImGui::CalcTextSize(key.c_str()).x + 4);
  const std::string pad = "    ";  // room for the chip before the name; the chip is drawn over it
  const float name_room = ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing() -
                          ImGui::CalcTextSize(pad.c_str()).x - reserve;
  const std::string name = widgets::ellipsize(c.code.name, std::max(0.0f, name_room));
  const bool open =
      ImGui::TreeNodeEx(reinterpret_cast<void*>(static_cast<intptr_t>(id)), flags, "%s%s", pad.c_str(), name.c_str());
  if (open && c.has_children) open_stack.push_back(true);
  const ImRect row(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  code_rows_[id] = row;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float lx = row.Min.x + ImGui::GetTreeNodeToLabelSpacing();
  const float cy = (row.Min.y + row.Max.y) * 0.5f;
  dl->AddRectFilled(ImVec2(lx, cy - chip * 0.5f), ImVec2(lx + chip, cy + chip * 0.5f), c.colour, 2.0f);
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddText(ImVec2(row.Max.x - count_w - 4, cy - ImGui::GetTextLineHeight() * 0.5f), dim, n);
  if (!key.empty())
    dl->AddText(ImVec2(row.Max.x - ImGui::CalcTextSize(key.c_str()).x - key_x, cy - ImGui::GetTextLineHeight() * 0.5f),
                dim, key.c_str());
  if (name != c.code.name && ImGui::IsItemHovered() && c.code.definition.empty() && !ImGui::IsMouseDragging(0))
    ImGui::SetTooltip("%s", c.path.c_str());

  // On release, and only if the mouse did not move: a press may start dragging the code.
  const ImGuiIO& io = ImGui::GetIO();
  const bool clicked = (ImGui::IsItemDeactivated() && ImGui::IsItemHovered() && io.MousePos.x >= lx &&
                        io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold) ||
                       enter_on_focused_item();  // the keyboard: arrows to the row, Enter
  if (clicked) {
    if (ws_.doc() && ws_.doc_view().has_selection()) {
      ws_.code_selection(id);
    } else {
      ws_.select_code(id);
      ws_.doc_view().select_coding(std::nullopt);
    }
  }
  if (ImGui::IsItemHovered() && !c.code.definition.empty() && !ImGui::IsMouseDragging(0)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(c.path.c_str());
    ImGui::TextDisabled("%s", c.code.definition.c_str());
    if (ws_.doc_view().has_selection()) ImGui::TextUnformatted(tr(S::hint_click_to_code));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  if (ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kCodePayload, &id, sizeof id);
    ImGui::Text("%s", c.path.c_str());
    ImGui::EndDragDropSource();
  }
  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kSpanPayload)) {
      SpanPayload s;
      std::memcpy(&s, p->Data, sizeof s);
      ws_.code_span(s.doc, s.start, s.end, id);
    }
    // Codes: the top quarter drops before, the bottom quarter after, the middle into.
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(
            kCodePayload, ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect)) {
      store::Id moving;
      std::memcpy(&moving, p->Data, sizeof moving);
      const float t = (ImGui::GetMousePos().y - row.Min.y) / std::max(1.0f, row.GetHeight());
      const ImU32 col = ImGui::GetColorU32(ImGuiCol_DragDropTarget);
      if (moving != id) {
        if (t < 0.25f)
          dl->AddLine(ImVec2(lx, row.Min.y), ImVec2(row.Max.x, row.Min.y), col, 2.0f);
        else if (t > 0.75f)
          dl->AddLine(ImVec2(lx, row.Max.y), ImVec2(row.Max.x, row.Max.y), col, 2.0f);
        else
          dl->AddRect(row.Min, row.Max, col, 2.0f, 0, 2.0f);
      }
      if (p->IsDelivery() && moving != id) {
        if (t < 0.25f)
          ws_.move_code(moving, c.code.parent, sibling_index(ws_.cache(), id, moving));
        else if (t > 0.75f)
          ws_.move_code(moving, c.code.parent, sibling_index(ws_.cache(), id, moving) + 1);
        else
          ws_.move_code(moving, id, child_count(ws_.cache(), id, moving));
      }
    }
    ImGui::EndDragDropTarget();
  }
  if (ImGui::BeginPopupContextItem("##codemenu")) {
    ImGui::TextDisabled("%s", c.path.c_str());
    if (ImGui::BeginMenu(tr(S::menu_pin))) {
      for (int k = 0; k < 9; ++k) {
        const std::string key = std::to_string(k + 1);
        const bool on =
            static_cast<size_t>(k) < ws_.state().pinned.size() && ws_.state().pinned[static_cast<size_t>(k)] == id;
        if (ImGui::MenuItem(key.c_str(), nullptr, on)) {
          std::erase(ws_.state().pinned, id);
          if (ws_.state().pinned.size() < static_cast<size_t>(k))
            ws_.state().pinned.push_back(id);
          else
            ws_.state().pinned.insert(ws_.state().pinned.begin() + k, id);
          if (ws_.state().pinned.size() > 9) ws_.state().pinned.resize(9);
        }
      }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem(
            tr(S::menu_unpin), nullptr, false,
            std::find(ws_.state().pinned.begin(), ws_.state().pinned.end(), id) != ws_.state().pinned.end()))
      std::erase(ws_.state().pinned, id);
    if (ImGui::MenuItem(tr(S::menu_edit_code))) {
      ws_.select_code(id);
      ws_.doc_view().select_coding(std::nullopt);
    }
    if (ImGui::MenuItem(tr(S::menu_move_top), nullptr, false, c.code.parent.has_value()))
      ws_.move_code(id, std::nullopt, child_count(ws_.cache(), std::nullopt, id));
    ImGui::Separator();
    if (menu_item(tr(S::cb_add_sub), std::nullopt)) add_sub_code(id);
    remember("menu:add_sub");
    if (menu_item(tr(S::cb_rename), Command::rename)) rename_code(id);
    remember("menu:rename");
    if (menu_item(tr(S::cb_move_up), std::nullopt, false, sibling_index(ws_.cache(), id, id) > 0)) move_sibling(id, -1);
    remember("menu:up");
    if (menu_item(tr(S::cb_move_down), std::nullopt, false,
                  sibling_index(ws_.cache(), id, id) + 1 < child_count(ws_.cache(), c.code.parent, id) + 1))
      move_sibling(id, +1);
    remember("menu:down");
    if (ImGui::BeginMenu(tr(S::cb_colour))) {
      static const char* kPalette[] = {"#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F",
                                       "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"};
      for (int k = 0; k < 10; ++k) {
        if (k % 5) ImGui::SameLine();
        ImGui::PushID(k);
        const ImVec4 col = ImGui::ColorConvertU32ToFloat4(parse_colour(kPalette[k]));
        if (ImGui::ColorButton("##swatch", col, ImGuiColorEditFlags_NoTooltip,
                               ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()))) {
          store::Code k2 = c.code;
          k2.colour = kPalette[k];
          ws_.edit_code(k2);
          ImGui::CloseCurrentPopup();
        }
        remember("menu:colour:" + std::to_string(k));
        ImGui::PopID();
      }
      ImGui::EndMenu();
    }
    if (menu_item(tr(S::cb_memo), std::nullopt)) {
      memo_code_ = id;
      code_memo_open_ = true;
    }
    remember("menu:memo");
    if (menu_item(tr(S::cb_merge), std::nullopt, false, ws_.cache().codes.size() > 1)) {
      merge_from_ = id;
      merge_into_ = 0;
      merge_open_ = true;
    }
    remember("menu:merge");
    if (menu_item(tr(S::cb_delete), std::nullopt)) {
      ws_.select_code(id);
      confirm_delete_code_ = true;
    }
    remember("menu:delete");
    ImGui::EndPopup();
  }
}

void CodingView::draw_codebook() {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::codebook));
  ImGui::SameLine();
  const float add_w = ImGui::CalcTextSize(tr(S::button_new_code)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(40.0f, ImGui::GetContentRegionAvail().x - add_w - ImGui::GetStyle().ItemSpacing.x));
  widgets::input_text_hint("##codefilter", tr(S::filter_codes), &code_filter_);
  ImGui::SameLine();
  if (ImGui::Button(tr(S::button_new_code))) {
    store::Code k;
    k.parent = ws_.selected_code();
    k.name = tr(S::new_code_name);
    for (int n = 2;; ++n) {  // a name no sibling has
      bool taken = false;
      for (const auto& c : ws_.cache().codes) taken |= c.code.parent == k.parent && c.code.name == k.name;
      if (!taken) break;
      k.name = std::string(tr(S::new_code_name)) + " " + std::to_string(n);
    }
    ws_.add_code(k);  // selects it
  }
  ImGui::Separator();
  ImGui::BeginChild("##codes");
  if (widgets::pane_focus_arrived()) ImGui::SetWindowFocus();  // Tab: the arrows move in the tree
  code_rows_.clear();
  if (ws_.cache().codes.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::hint_no_codes));
    ImGui::PopTextWrapPos();
  }
  const std::string needle = lower_ascii(code_filter_);
  if (!needle.empty()) {
    // Filtered: a flat list of matching paths (names and aliases).
    for (size_t i = 0; i < ws_.cache().codes.size(); ++i) {
      const CodeInfo& c = ws_.cache().codes[i];
      bool hit = lower_ascii(c.path).find(needle) != std::string::npos;
      for (const auto& a : c.code.aliases) hit |= lower_ascii(a).find(needle) != std::string::npos;
      if (!hit) continue;
      const store::Id id = c.code.id;  // c is not used after an action reloads the cache
      ImGui::PushID(static_cast<int>(id));
      widgets::colour_chip(c.colour, ImGui::GetTextLineHeight() * 0.7f);
      ImGui::SameLine();
      if (ImGui::Selectable(c.path.c_str(), ws_.selected_code() == id) || enter_on_focused_item()) {
        if (ws_.doc() && ws_.doc_view().has_selection())
          ws_.code_selection(id);
        else
          ws_.select_code(id), ws_.doc_view().select_coding(std::nullopt);
      }
      code_rows_[id] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      ImGui::PopID();
    }
  } else {
    // The tree: ws_.cache().codes is depth-first, so a node's children follow it;
    // children of a closed node are skipped.
    std::vector<bool> open_stack;  // one entry per pushed (open) tree node
    int pushed = 0;
    for (size_t i = 0; i < ws_.cache().codes.size(); ++i) {
      const int depth = ws_.cache().codes[i].depth;
      while (pushed > depth) {
        ImGui::TreePop();
        --pushed;
      }
      if (depth > pushed) continue;  // an ancestor is closed
      const size_t before = open_stack.size();
      draw_code_row(i, open_stack);
      if (open_stack.size() > before) ++pushed;
    }
    while (pushed-- > 0) ImGui::TreePop();
  }
  ImGui::EndChild();
}

}  // namespace telaah::ui
