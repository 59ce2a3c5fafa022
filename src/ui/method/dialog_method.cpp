// The Method settings dialog (see dialog_method.h): the registry's settings
// in their groups, the coder rule, the source types, the preview of the
// matrix under the candidate settings and Apply as one action.
#include "ui/method/dialog_method.h"

#include <algorithm>
#include <cstdio>

#include "analysis/project_settings.h"
#include "store/errors.h"
#include "store/project.h"
#include "store/source_types.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

constexpr const char* kCoders = "triangulation.coders";
const ImVec4 kErrorColour(0.85f, 0.25f, 0.2f, 1);

S group_title(const std::string& g) {
  if (g == "triangulation") return S::meth_group_triangulation;
  if (g == "coders") return S::meth_group_coders;
  if (g == "evaluation") return S::meth_group_evaluation;
  return S::meth_group_agreement;
}

std::string hex_colour(const float c[3]) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<int>(std::clamp(c[0], 0.0f, 1.0f) * 255 + 0.5f),
                static_cast<int>(std::clamp(c[1], 0.0f, 1.0f) * 255 + 0.5f),
                static_cast<int>(std::clamp(c[2], 0.0f, 1.0f) * 255 + 0.5f));
  return buf;
}

bool parse_colour(const std::string& s, float out[3]) {
  unsigned r = 0, g = 0, b = 0;
  if (s.size() != 7 || std::sscanf(s.c_str(), "#%2x%2x%2x", &r, &g, &b) != 3) return false;
  out[0] = static_cast<float>(r) / 255;
  out[1] = static_cast<float>(g) / 255;
  out[2] = static_cast<float>(b) / 255;
  return true;
}

}  // namespace

MethodDialog::MethodDialog(Workspace& ws) : ws_(ws) {}

void MethodDialog::open() {
  if (!ws_.has_project()) return;
  open_request_ = true;
  load();
}

void MethodDialog::close() {
  open_ = false;
  open_request_ = false;
  ++*generation_;  // a preview on its way is dropped
  computing_ = false;
}

void MethodDialog::project_changed() {
  close();
  edits_.clear();
  errors_.clear();
  candidate_.clear();
  preview_.reset();
  preview_for_.clear();
  requested_.clear();
  renaming_ = 0;
  merge_from_.clear();
  merge_into_.clear();
  type_docs_rev_ = -1;
  rects_.clear();
}

std::optional<ImRect> MethodDialog::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

std::string MethodDialog::edit(const std::string& key) const {
  auto it = edits_.find(key);
  return it == edits_.end() ? "" : it->second;
}

std::string MethodDialog::error(const std::string& key) const {
  auto it = errors_.find(key);
  return it == errors_.end() ? "" : it->second;
}

void MethodDialog::load() {
  const store::Project& p = *ws_.project();
  edits_.clear();
  for (const auto& s : analysis::method_settings()) edits_[s.key] = analysis::setting_value(p, s);
  const auto names = analysis::split_list(edits_[kCoders]);
  coder_one_.clear();
  coder_set_.clear();
  if (names.empty() || (names.size() == 1 && names[0] == "all")) {
    coder_mode_ = CoderMode::all;
  } else if (names.size() == 1) {
    coder_mode_ = CoderMode::one;
    coder_one_ = names[0];
  } else {
    coder_mode_ = CoderMode::set;
    coder_set_ = names;
  }
  loaded_rev_ = p.revision();
  revalidate();
}

// Each edit through the registry's checks (as `telaah settings` does): a
// refused value gets its sentence, a valid one that differs from what is
// stored joins the candidate.
void MethodDialog::revalidate() {
  const store::Project& p = *ws_.project();
  errors_.clear();
  candidate_.clear();
  for (const auto& s : analysis::method_settings()) {
    const std::string& e = edits_[s.key];
    std::string as_given = e;
    if (e.find_first_not_of(" \t") == std::string::npos && s.default_value.empty()) as_given = "default";
    try {
      std::string v = analysis::check_method_setting(p, s.key, as_given);
      // The default's own value is stored as the default ("").
      try {
        if (!v.empty() && !s.default_value.empty() && v == analysis::validate_setting(s, s.default_value)) v = "";
      } catch (const UserError&) {
      }
      if (v != p.setting(s.key)) {
        const std::string now = p.setting(s.key);
        // "3" stored where 3 is the default and the edit says 3: no change.
        bool same = false;
        if (v.empty() && !now.empty()) {
          try {
            same = analysis::validate_setting(s, now) == analysis::validate_setting(s, s.default_value);
          } catch (const UserError&) {
          }
        }
        if (!same) candidate_[s.key] = v;
      }
    } catch (const UserError& err) {
      errors_[s.key] = err.what();
    }
  }
}

std::string MethodDialog::candidate_key() const {
  std::string k;
  for (const auto& [key, v] : candidate_)
    if (key.rfind("triangulation.", 0) == 0) k += key + "=" + v + "\n";
  return k;
}

void MethodDialog::request_preview() {
  const std::string key = candidate_key();
  if (!errors_.empty() || key.empty() || key == requested_) return;
  requested_ = key;
  computing_ = true;
  const int gen = ++*generation_;
  const std::filesystem::path file = ws_.project_path();
  std::map<std::string, std::string> cand;
  for (const auto& [k, v] : candidate_)
    if (k.rfind("triangulation.", 0) == 0) cand[k] = v;
  ws_.tasks().start(
      tr(S::meth_preview_computing),
      [this, file, cand, key, gen, g = generation_](TaskProgress&) -> std::function<void()> {
        auto r = std::make_shared<MethodPreview>();
        try {
          const auto snapshot = store::Project::open_snapshot(file);
          *r = preview_method_change(*snapshot, cand);
        } catch (const std::exception& e) {
          r->error = e.what();
        }
        return [this, r, key, gen, g] {
          if (*g != gen) return;  // closed, or another candidate asked for since
          preview_ = std::move(*r);
          preview_for_ = key;
          computing_ = false;
        };
      },
      TaskRunner::Kind::background);
}

void MethodDialog::draw() {
  rects_.clear();
  const char* id = "##method_settings";
  if (open_request_ && !ImGui::IsPopupOpen(id)) {
    ImGui::OpenPopup(id);
    open_request_ = false;
    open_ = true;
  }
  if (!open_ || !ws_.has_project()) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float fs = ImGui::GetFontSize();
  const ImVec2 size(std::min(display.x * 0.96f, fs * 56), std::min(display.y * 0.94f, fs * 46));
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(id, nullptr,
                              ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                  ImGuiWindowFlags_NoSavedSettings)) {
    if (open_) close();
    return;
  }
  // Undo, redo or another window's change moved the project: what is not being changed follows it.
  if (ws_.project()->revision() != loaded_rev_) {
    const auto keep = candidate_;
    const auto edits = edits_;
    load();
    for (const auto& [k, v] : keep) edits_[k] = edits.at(k);
    revalidate();
  }

  ImGui::TextUnformatted(tr(S::meth_title));
  ImGui::TextDisabled("%s", ws_.project_path().filename().string().c_str());
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(S::meth_intro));
  ImGui::PopTextWrapPos();
  const ImGuiStyle& st = ImGui::GetStyle();
  const float preview_h = std::clamp(size.y * 0.2f, fs * 4.5f, fs * 8.5f);
  const float footer = ImGui::GetTextLineHeightWithSpacing() + preview_h + st.ItemSpacing.y +
                       ImGui::GetFrameHeightWithSpacing() + st.WindowPadding.y * 0.5f;
  ImGui::BeginChild("##method_body", ImVec2(0, -footer), true);
  std::string group;
  for (const auto& s : analysis::method_settings()) {
    if (s.group != group) {
      group = s.group;
      ImGui::Spacing();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      ImGui::TextUnformatted(tr(group_title(group)));
      ImGui::PopStyleColor();
      ImGui::Separator();
      if (group == "coders") draw_coders();
    }
    if (s.key != kCoders) draw_setting(s);
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  ImGui::TextUnformatted(tr(S::meth_group_types));
  ImGui::PopStyleColor();
  ImGui::Separator();
  draw_source_types();
  ImGui::EndChild();
  remember("body");

  request_preview();
  draw_preview(preview_h);

  const bool can_apply = errors_.empty() && !candidate_.empty() && !ws_.busy();
  ImGui::BeginDisabled(!can_apply);
  if (ImGui::Button(tr(S::meth_apply))) apply();
  ImGui::EndDisabled();
  remember("apply");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::meth_close)) ||
      (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !ImGui::GetIO().WantTextInput)) {
    close();
    ImGui::CloseCurrentPopup();
  }
  remember("close");
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// One setting: its key, the box (or choice), the default, Reset, the meaning, the error.
void MethodDialog::draw_setting(const analysis::SettingSpec& s) {
  const float fs = ImGui::GetFontSize();
  ImGui::PushID(s.key.c_str());
  std::string& e = edits_[s.key];
  const bool changed = candidate_.count(s.key) > 0;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(s.key.c_str());
  ImGui::SameLine(fs * 15);
  bool edited = false;
  if (s.kind == analysis::SettingKind::choice) {
    ImGui::SetNextItemWidth(fs * 10);
    const bool open = ImGui::BeginCombo("##v", e.c_str());
    remember("value:" + s.key);
    if (open) {
      for (size_t i = 0; i < s.choices.size(); ++i) {
        if (ImGui::Selectable(s.choices[i].c_str(), s.choices[i] == e)) e = s.choices[i], edited = true;
        remember("value:" + s.key + ":" + std::to_string(i));
      }
      ImGui::EndCombo();
    }
  } else {
    const bool wide = s.kind == analysis::SettingKind::list || s.kind == analysis::SettingKind::text;
    ImGui::SetNextItemWidth(wide ? fs * 16 : fs * 6);
    edited = widgets::input_text("##v", &e);
    remember("value:" + s.key);
  }
  ImGui::SameLine();
  if (changed) {
    ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1), "%s", tr(S::meth_changed));
    ImGui::SameLine();
  }
  char def[160];
  std::snprintf(def, sizeof def, tr(S::meth_default_fmt),
                s.default_value.empty() ? "\xE2\x80\x94" : s.default_value.c_str());
  ImGui::TextDisabled("%s", def);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::meth_reset))) e = s.default_value, edited = true;
  remember("reset:" + s.key);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", language() == Lang::id ? s.meaning_id.c_str() : s.meaning_en.c_str());
  auto err = errors_.find(s.key);
  if (err != errors_.end()) ImGui::TextColored(kErrorColour, "%s", err->second.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::PopID();
  if (edited) revalidate();
}

// The coder rule as a choice among the project's coders; it edits the
// triangulation.coders setting, checked by the registry like the others.
void MethodDialog::draw_coders() {
  const analysis::SettingSpec* spec = analysis::find_setting(kCoders);
  if (!spec) return;
  const float fs = ImGui::GetFontSize();
  const auto& coders = ws_.cache().coders;
  bool edited = false;
  ImGui::PushID("coders");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(kCoders);
  ImGui::SameLine(fs * 15);
  const float x = ImGui::GetCursorPosX();  // the choices line up under the first
  if (ImGui::RadioButton(tr(S::meth_coders_all), coder_mode_ == CoderMode::all)) {
    coder_mode_ = CoderMode::all;
    edited = true;
  }
  remember("coders:all");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::meth_reset))) coder_mode_ = CoderMode::all, edited = true;
  remember("reset:" + std::string(kCoders));
  ImGui::SetCursorPosX(x);
  if (coders.empty()) ImGui::TextDisabled("%s", tr(S::meth_coders_none));
  if (!coders.empty()) {
    if (ImGui::RadioButton(tr(S::meth_coders_one), coder_mode_ == CoderMode::one)) {
      coder_mode_ = CoderMode::one;
      if (coder_one_.empty()) coder_one_ = coders.front().name;
      edited = true;
    }
    remember("coders:one");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 10);
    const bool open = ImGui::BeginCombo("##one", coder_one_.c_str());
    remember("coders:one:combo");
    if (open) {
      for (const auto& c : coders) {
        if (ImGui::Selectable(c.name.c_str(), c.name == coder_one_)) {
          coder_one_ = c.name;
          coder_mode_ = CoderMode::one;
          edited = true;
        }
        remember("coders:one:" + c.name);
      }
      ImGui::EndCombo();
    }
    ImGui::SetCursorPosX(x);
    if (ImGui::RadioButton(tr(S::meth_coders_set), coder_mode_ == CoderMode::set)) {
      coder_mode_ = CoderMode::set;
      edited = true;
    }
    remember("coders:set");
    for (const auto& c : coders) {
      ImGui::SameLine();
      bool on = std::find(coder_set_.begin(), coder_set_.end(), c.name) != coder_set_.end();
      if (ImGui::Checkbox(c.name.c_str(), &on)) {
        if (on)
          coder_set_.push_back(c.name);
        else
          std::erase(coder_set_, c.name);
        coder_mode_ = CoderMode::set;
        edited = true;
      }
      remember("coder:" + c.name);
    }
  }
  if (edited) {
    std::string v = "all";
    if (coder_mode_ == CoderMode::one) v = coder_one_;
    if (coder_mode_ == CoderMode::set) {
      v.clear();
      for (const auto& c : coder_set_) v += (v.empty() ? "" : ", ") + c;
    }
    edits_[kCoders] = v;
    revalidate();
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", language() == Lang::id ? spec->meaning_id.c_str() : spec->meaning_en.c_str());
  auto err = errors_.find(kCoders);
  if (err != errors_.end()) ImGui::TextColored(kErrorColour, "%s", err->second.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::PopID();
}

// Source types: colour, name, documents, rename, up / down, merge; add one.
// Each change is one undoable action, saved at once.
void MethodDialog::draw_source_types() {
  const float fs = ImGui::GetFontSize();
  const auto& cache = ws_.cache();
  if (type_docs_rev_ != cache.revision) {
    type_docs_.clear();
    for (const auto& d : cache.docs)
      if (d.doc.id) type_docs_[d.doc.source_type_id]++;
    type_docs_rev_ = cache.revision;
  }
  ImGui::TextDisabled("%s", tr(S::meth_types_note));
  const auto& types = cache.source_types;
  const auto done = [&](const std::string& what) { return std::string(tr(S::meth_type_saved)) + what; };
  for (size_t i = 0; i < types.size(); ++i) {
    const store::SourceType t = types[i];  // a copy: a write below reloads the cache
    ImGui::PushID(static_cast<int>(t.id));
    float col[3] = {0.5f, 0.5f, 0.5f};
    parse_colour(t.colour, col);
    ImGui::ColorEdit3("##colour", col, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel);
    remember("type:colour:" + t.name);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      const std::string c = hex_colour(col);
      ws_.write([&](store::Project& p) { store::set_source_type_colour(p, t.name, c); }, done(t.name + " " + c));
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (renaming_ == t.id) {
      ImGui::SetNextItemWidth(fs * 10);
      if (rename_focus_) {  // the box takes the keyboard as it appears
        ImGui::SetKeyboardFocusHere();
        rename_focus_ = false;
      }
      const bool enter = widgets::input_text("##rename", &rename_text_, ImGuiInputTextFlags_EnterReturnsTrue);
      remember("type:rename:text");
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::meth_type_rename)) || enter) {
        if (ws_.write([&](store::Project& p) { store::rename_source_type(p, t.name, rename_text_); },
                      done(t.name + " \xE2\x86\x92 " + rename_text_)))
          renaming_ = 0;
      }
      remember("type:rename:save");
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::meth_type_cancel))) renaming_ = 0;
    } else {
      ImGui::TextUnformatted(source_type_label(t.name).c_str());
      if (source_type_label(t.name) != t.name) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", t.name.c_str());
      }
      ImGui::SameLine(fs * 16);
      char n[64];
      std::snprintf(n, sizeof n, tr(S::meth_type_documents_fmt), static_cast<long long>(type_docs_[t.id]));
      ImGui::TextDisabled("%s", n);
      ImGui::SameLine(fs * 22);
      if (ImGui::SmallButton(tr(S::meth_type_rename))) {
        renaming_ = t.id;
        rename_text_ = t.name;
        rename_focus_ = true;
      }
      remember("type:rename:" + t.name);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(i == 0);
    if (ImGui::SmallButton(tr(S::meth_type_up)))
      ws_.write([&](store::Project& p) { store::move_source_type(p, t.name, static_cast<int>(i) - 1); },
                done(t.name + " \xE2\x86\x91"));
    ImGui::EndDisabled();
    remember("type:up:" + t.name);
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 == types.size());
    if (ImGui::SmallButton(tr(S::meth_type_down)))
      ws_.write([&](store::Project& p) { store::move_source_type(p, t.name, static_cast<int>(i) + 1); },
                done(t.name + " \xE2\x86\x93"));
    ImGui::EndDisabled();
    remember("type:down:" + t.name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 9);
    const bool merge_open = ImGui::BeginCombo("##merge", tr(S::meth_type_merge), ImGuiComboFlags_NoArrowButton);
    remember("type:merge:" + t.name);
    if (merge_open) {
      for (const auto& o : types) {
        if (o.id == t.id) continue;
        if (ImGui::Selectable(source_type_label(o.name).c_str())) {
          merge_from_ = t.name;
          merge_into_ = o.name;
          merge_scroll_ = true;
        }
        remember("type:merge:" + t.name + ":" + o.name);
      }
      ImGui::EndCombo();
    }
    ImGui::PopID();
  }
  if (!merge_from_.empty()) {  // a merge moves documents: said in words, then confirmed
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(S::meth_type_merge_confirm_fmt), merge_from_.c_str(), merge_into_.c_str(),
                  merge_from_.c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1), "%s", buf);
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton(tr(S::meth_type_merge_do))) {
      const std::string from = merge_from_, into = merge_into_;
      if (ws_.write([&](store::Project& p) { store::merge_source_types(p, from, into); },
                    done(from + " \xE2\x86\x92 " + into)))
        merge_from_.clear();
    }
    remember("type:merge:confirm");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::meth_type_cancel))) merge_from_.clear();
    if (merge_scroll_) {  // the question is below the list: bring it into view
      ImGui::SetScrollHereY(1.0f);
      merge_scroll_ = false;
    }
  }
  ImGui::ColorEdit3("##new_colour", new_colour_, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 12);
  const bool enter = widgets::input_text_hint("##new_type", tr(S::meth_type_new_hint), &new_type_,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  remember("type:add:name");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::meth_type_add)) || enter) {
    const std::string name = new_type_, colour = hex_colour(new_colour_);
    if (ws_.write([&](store::Project& p) { p.add_source_type(name, colour); }, done("+ " + name))) new_type_.clear();
  }
  remember("type:add");
}

// What the candidate does to the matrix, from the worker's last result.
void MethodDialog::draw_preview(float height) {
  ImGui::TextUnformatted(tr(S::meth_preview));
  ImGui::BeginChild("##method_preview", ImVec2(0, height), true);
  ImGui::PushTextWrapPos(0);
  const std::string key = candidate_key();
  if (!errors_.empty()) {
    ImGui::TextColored(kErrorColour, "%s", tr(S::meth_preview_invalid));
  } else if (candidate_.empty()) {
    ImGui::TextDisabled("%s", tr(S::meth_preview_none));
  } else if (key.empty()) {
    ImGui::TextDisabled("%s", tr(S::meth_preview_not_matrix));
  } else if (!preview_ || preview_for_ != key || computing_) {
    ImGui::TextDisabled("%s", tr(S::meth_preview_computing));
  } else if (!preview_->error.empty()) {
    ImGui::TextColored(kErrorColour, "%s%s", tr(S::meth_preview_failed), preview_->error.c_str());
  } else {
    const MethodPreview& p = *preview_;
    std::vector<std::string> indicators;
    for (const auto& c : p.changes)
      if (std::find(indicators.begin(), indicators.end(), c.indicator) == indicators.end())
        indicators.push_back(c.indicator);
    if (p.changes.empty()) {
      ImGui::TextUnformatted(tr(S::meth_preview_same));
    } else {
      char head[96];
      std::snprintf(head, sizeof head, tr(indicators.size() == 1 ? S::meth_preview_one : S::meth_preview_many),
                    static_cast<int>(indicators.size()));
      std::string line = head;
      for (size_t i = 0; i < p.changes.size() && i < 3; ++i) {
        const auto& c = p.changes[i];
        const auto slash = c.indicator.rfind('/');
        line += (i ? "; " : "") + c.indicator.substr(slash == std::string::npos ? 0 : slash + 1) + " ";
        if (!c.pair_a.empty()) line += source_type_label(c.pair_a) + "\xE2\x80\x93" + source_type_label(c.pair_b) + " ";
        line += c.overridden
                    ? value_label(c.automatic_before) + " \xE2\x86\x92 " + value_label(c.automatic_after) + " *"
                    : value_label(c.before) + " \xE2\x86\x92 " + value_label(c.after);
      }
      if (p.changes.size() > 3) line += " \xE2\x80\xA6";
      ImGui::TextUnformatted(line.c_str());
      for (const auto& c : p.changes) {
        std::string l = c.indicator;
        if (!c.pair_a.empty()) l += "  " + source_type_label(c.pair_a) + " \xE2\x80\x93 " + source_type_label(c.pair_b);
        if (c.overridden)
          l += ": " + value_label(c.automatic_before) + " \xE2\x86\x92 " + value_label(c.automatic_after) +
               tr(S::meth_preview_overridden);
        else
          l += ": " + value_label(c.before) + " \xE2\x86\x92 " + value_label(c.after);
        ImGui::BulletText("%s", l.c_str());
      }
    }
    ImGui::TextDisabled(tr(S::meth_preview_units_fmt), static_cast<long long>(p.units_before),
                        static_cast<long long>(p.units_after));
    if (p.stale_before != p.stale_after) {
      ImGui::SameLine(0, ImGui::GetFontSize());
      ImGui::TextDisabled(tr(S::meth_preview_stale_fmt), p.stale_before, p.stale_after);
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  remember("preview");
}

void MethodDialog::apply() {
  std::vector<std::pair<std::string, std::string>> changes;
  std::string said;
  for (const auto& [k, v] : candidate_) {
    changes.emplace_back(k, v.empty() ? "default" : v);
    const analysis::SettingSpec* s = analysis::find_setting(k);
    said += (said.empty() ? "" : ", ") + k + " = " + (v.empty() && s ? s->default_value : v);
  }
  if (ws_.write([&](store::Project& p) { analysis::set_method_settings(p, changes, "Method settings: " + said); },
                tr(S::meth_applied) + said)) {
    preview_.reset();
    requested_.clear();
    close();  // the matrix behind follows at once; Undo is on the status line
  }
}

}  // namespace telaah::ui
