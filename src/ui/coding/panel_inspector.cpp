// The inspector: the selected coding (code, stance, memo, coder, dates,
// quote), or the selected code's editor (name, colour, definition,
// inclusion, exclusion, example), and the open document's attributes.
#include <algorithm>

#include "ui/coding/view_coding.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

// Label | value tables: the label column keeps its width (it once took half the
// pane and squeezed the values), long labels wrap, the value takes the rest.
static void setup_label_value_columns() {
  const float w = std::min(ImGui::GetContentRegionAvail().x * 0.4f, ImGui::GetFontSize() * 7.5f);
  ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, w);
  ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
}

static void field_label(S s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", tr(s));
}

void CodingView::draw_inspector() {
  memo_rect_.reset();
  code_name_rect_.reset();
  const store::Coding* coding = nullptr;
  if (ws_.doc() && ws_.doc_view().selected_coding()) coding = ws_.doc()->coding(*ws_.doc_view().selected_coding());
  if (!coding && memo_editing_) save_drafts();  // the coding was deselected while its memo was typed
  if (coding)
    draw_coding_inspector(*coding);
  else if (ws_.selected_code())
    draw_code_editor(*ws_.selected_code());
  else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::hint_inspector));
    ImGui::PopTextWrapPos();
  }
  if (ws_.doc()) {
    ImGui::Spacing();
    ImGui::Separator();
    draw_document_info();
  }
}

void CodingView::draw_coding_inspector(const store::Coding& c) {
  const store::Coding copy = c;  // actions below reload the document's codings
  const CodeInfo* ci = ws_.cache().code(copy.code);
  ImGui::TextDisabled(tr(S::coding_number), static_cast<long long>(copy.id));
  if (ci) {
    widgets::colour_chip(ci->colour, ImGui::GetTextLineHeight() * 0.7f);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(ci->path.c_str());
    ImGui::PopTextWrapPos();
  }
  field_label(S::label_stance);
  int stance = static_cast<int>(copy.stance);
  bool changed = false;
  changed |= ImGui::RadioButton(tr(S::stance_supports), &stance, static_cast<int>(store::Stance::supports));
  ImGui::SameLine();
  changed |= ImGui::RadioButton(tr(S::stance_contradicts), &stance, static_cast<int>(store::Stance::contradicts));
  ImGui::SameLine();
  changed |= ImGui::RadioButton(tr(S::stance_neutral), &stance, static_cast<int>(store::Stance::neutral));
  if (changed) ws_.set_stance(copy.id, static_cast<store::Stance>(stance));

  field_label(S::label_memo);
  // The draft follows the project except while it is being edited (undo may change the memo).
  ImGui::PushID(static_cast<int>(copy.id));  // another coding's memo is another box: one being typed in lets go
  const ImGuiID memo_id = ImGui::GetID("##memo");
  if (memo_editing_ && memo_draft_for_ != copy.id) save_drafts();  // another coding was chosen while typing
  if (ImGui::GetActiveID() != memo_id && !memo_editing_) {
    memo_draft_ = copy.memo;
    memo_draft_for_ = copy.id;
  }
  widgets::input_text_multiline("##memo", &memo_draft_, ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f));
  memo_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (ImGui::IsItemActive()) memo_editing_ = true;
  if (ImGui::IsItemDeactivated()) save_drafts();  // blur: saved (nothing when unchanged)
  ImGui::PopID();
  // What the researcher made of it, before the bookkeeping: the indicators it hinders, its links.
  draw_hinders(copy);
  draw_links(copy);

  if (ImGui::BeginTable("##codingmeta", 2, ImGuiTableFlags_SizingStretchProp)) {
    setup_label_value_columns();
    auto row = [](S label, const std::string& v) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", tr(label));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.c_str());
      ImGui::PopTextWrapPos();
    };
    row(S::label_coder, ws_.cache().coder_name(copy.coder));
    row(S::label_created, copy.created);
    if (copy.modified != copy.created) row(S::label_modified, copy.modified);
    if (!copy.origin.empty()) row(S::label_origin, copy.origin);
    row(S::label_span, std::to_string(copy.start) + "\xE2\x80\x93" + std::to_string(copy.end));
    ImGui::EndTable();
  }
  if (ws_.doc()) {
    std::string quote = ws_.doc()->slice(copy.start, std::min(copy.end, copy.start + 400));
    if (copy.end - copy.start > 400) quote += "\xE2\x80\xA6";
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("\xE2\x80\x9C%s\xE2\x80\x9D", quote.c_str());
    ImGui::PopTextWrapPos();
  }
  if (ImGui::Button(tr(S::button_go_to))) ws_.doc_view().jump_to(copy.start);
  ImGui::SameLine();
  if (ImGui::Button(tr(S::menu_remove_coding))) ws_.remove_coding(copy.id);
}

static bool same_code(const store::Code& a, const store::Code& b) {
  return a.name == b.name && a.colour == b.colour && a.definition == b.definition && a.inclusion == b.inclusion &&
         a.exclusion == b.exclusion && a.example == b.example && a.kind == b.kind && a.aliases == b.aliases;
}

bool CodingView::code_draft_dirty() const {
  const CodeInfo* ci = draft_.id != 0 ? ws_.cache().code(draft_.id) : nullptr;
  return ci && !same_code(draft_.code, ci->code);
}

void CodingView::save_code_draft() {
  if (!code_draft_dirty()) return;
  const store::Code edited = draft_.code;
  ws_.edit_code(edited);
}

void CodingView::draw_code_editor(store::Id id) {
  const CodeInfo* ci = ws_.cache().code(id);
  if (!ci) return;
  auto same = same_code;
  if (draft_.id != id) {  // another code was chosen while this one was being edited: saved
    save_code_draft();
    if (code_draft_dirty()) {  // refused (the status says why): back to it, the typed fields kept
      ws_.select_code(draft_.id);
      return;
    }
  }
  ci = ws_.cache().code(id);
  if (!ci) return;
  const bool dirty = draft_.id == id && !same(draft_.code, ci->code);
  if (!dirty) {  // follow the project (undo, redo, another edit) while nothing is typed
    draft_.id = id;
    draft_.code = ci->code;
    draft_.colour = ImGui::ColorConvertU32ToFloat4(ci->colour);
  }
  ImGui::PushID(static_cast<int>(id));  // another code's fields are other fields: a box being typed in lets go
  ImGui::TextDisabled("%s", ci->path.c_str());
  char counts[96];
  std::snprintf(counts, sizeof counts, tr(S::code_counts), static_cast<long long>(ci->count),
                static_cast<long long>(ci->total));
  ImGui::TextDisabled("%s", counts);
  ImGui::PushItemWidth(-1);
  field_label(S::label_name);
  if (focus_code_name_) {  // F2 / Rename: the name box takes the keyboard, its text selected
    ImGui::SetKeyboardFocusHere();
    focus_code_name_ = false;
  }
  widgets::input_text("##name", &draft_.code.name);
  code_name_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (ImGui::IsItemDeactivatedAfterEdit()) save_code_draft();  // Enter (or leaving the box) renames
  field_label(S::label_colour);
  if (ImGui::ColorEdit3("##colour", &draft_.colour.x, ImGuiColorEditFlags_DisplayHex))
    draft_.code.colour = format_colour(draft_.colour);
  field_label(S::label_kind);
  int kind = static_cast<int>(draft_.code.kind);
  const char* kinds[] = {tr(S::kind_variable), tr(S::kind_indicator), tr(S::kind_code)};
  if (ImGui::Combo("##kind", &kind, kinds, 3)) draft_.code.kind = static_cast<store::CodeKind>(kind);
  const ImVec2 box(-1, ImGui::GetTextLineHeight() * 3.5f);
  field_label(S::label_definition);
  widgets::input_text_multiline("##definition", &draft_.code.definition, box);
  field_label(S::label_inclusion);
  widgets::input_text_multiline("##inclusion", &draft_.code.inclusion, box);
  field_label(S::label_exclusion);
  widgets::input_text_multiline("##exclusion", &draft_.code.exclusion, box);
  field_label(S::label_example);
  widgets::input_text_multiline("##example", &draft_.code.example, box);
  ImGui::PopItemWidth();

  const bool now_dirty = !same(draft_.code, ci->code);
  ImGui::BeginDisabled(!now_dirty);
  if (ImGui::Button(tr(S::button_save_code))) {
    const store::Code edited = draft_.code;
    ws_.edit_code(edited);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(S::button_revert)))
    draft_.code = ci->code, draft_.colour = ImGui::ColorConvertU32ToFloat4(ci->colour);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(S::button_delete_code))) confirm_delete_code_ = true;
  ImGui::PopID();
}

void CodingView::draw_document_info() {
  ImGui::TextDisabled("%s", tr(S::document));
  if (!ImGui::BeginTable("##docmeta", 2, ImGuiTableFlags_SizingStretchProp)) return;
  setup_label_value_columns();
  auto row = [](const char* label, const std::string& v) {
    if (v.empty()) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.c_str());
    ImGui::PopTextWrapPos();
  };
  const store::Document& d = ws_.doc()->meta;
  row(tr(S::label_title), d.title);
  row(tr(S::label_type), source_type_label(d.source_type));
  row(tr(S::label_language), d.language);
  row(tr(S::label_date), d.date);
  row(tr(S::label_author), d.author);
  row(tr(S::label_file), d.original_name);
  for (const auto& a : ws_.doc()->attributes) row(a.name.c_str(), a.value);
  ImGui::EndTable();
}

}  // namespace telaah::ui
