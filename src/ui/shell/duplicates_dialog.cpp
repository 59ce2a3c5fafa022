// Project › Find near-duplicates… (see duplicates_dialog.h).
#include "ui/shell/duplicates_dialog.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "store/duplicates.h"
#include "store/project.h"
#include "ui/shell/strings.h"
#include "ui/shell/tasks.h"
#include "ui/shell/view.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

DuplicatesDialog::DuplicatesDialog(Workspace& ws) : ws_(ws) {}

void DuplicatesDialog::open() {
  open_request_ = true;
  error_.clear();
}

void DuplicatesDialog::close() {
  open_ = false;
  open_request_ = false;
}

void DuplicatesDialog::project_changed() {
  ++*generation_;  // a result still on its way belongs to the old project
  running_ = false;
  report_.reset();
  decisions_.clear();
  selected_ = 0;
  open_ = open_request_ = false;
}

std::string DuplicatesDialog::decision(size_t i) const {
  auto it = decisions_.find(i);
  return it == decisions_.end() ? "" : it->second;
}

std::optional<ImRect> DuplicatesDialog::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

void DuplicatesDialog::find() {
  if (!ws_.has_project() || running_) return;
  analysis::DuplicateOptions o;
  o.threshold = std::clamp(static_cast<double>(threshold_), 0.05, 1.0);
  const auto& types = ws_.cache().source_types;
  if (type_ > 0 && static_cast<size_t>(type_) <= types.size())
    o.source_type = types[static_cast<size_t>(type_ - 1)].name;
  running_ = true;
  error_.clear();
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  const int gen = ++*generation_;
  const std::filesystem::path file = ws_.project_path();
  ws_.tasks().start(
      tr(S::dup_task),
      [this, file, o, gen, g = generation_, stop = cancel_](TaskProgress& progress) -> std::function<void()> {
        auto r = std::make_shared<analysis::DuplicateReport>();
        auto err = std::make_shared<std::string>();
        bool cancelled = false;
        try {
          const auto snapshot = store::Project::open_snapshot(file);
          *r = analysis::find_duplicates(
              *snapshot, o,
              [&](size_t done, size_t total) {
                progress.set(total ? static_cast<double>(done) / static_cast<double>(total) : 0,
                             std::to_string(done) + " / " + std::to_string(total));
                return !progress.cancelled() && !stop->load();
              },
              &cancelled);
        } catch (const std::exception& e) {
          *err = e.what();
        }
        return [this, r, err, cancelled, gen, g] {
          if (*g != gen) return;
          running_ = false;
          if (cancelled) return;
          if (!err->empty()) {
            error_ = *err;
            return;
          }
          report_ = std::move(*r);
          decisions_.clear();
          selected_ = 0;
        };
      },
      TaskRunner::Kind::awaited);
}

void DuplicatesDialog::mark(size_t i) {
  if (!report_ || i >= report_->groups.size() || !decision(i).empty() || report_->groups[i].recorded) return;
  const auto& grp = report_->groups[i];
  store::Id id = 0;
  if (ws_.act([&] { id = store::mark_duplicates(*ws_.project_rw(), grp.docs, grp.similarity); })) {
    decisions_[i] = "marked";
    report_->groups[i].recorded = id;
    ws_.set_undoable_status(tr(S::dup_marked_status));
    ws_.refresh();
  }
}

void DuplicatesDialog::keep_apart(size_t i) {
  if (!report_ || i >= report_->groups.size() || !decision(i).empty()) return;
  const auto& grp = report_->groups[i];
  if (ws_.act([&] { store::mark_distinct(*ws_.project_rw(), grp.docs, grp.similarity); })) {
    decisions_[i] = "apart";
    ws_.set_undoable_status(tr(S::dup_apart_status));
    ws_.refresh();
  }
}

void DuplicatesDialog::mark_all_new() {
  if (!report_) return;
  std::vector<std::pair<std::vector<store::Id>, double>> fresh;
  std::vector<size_t> which;
  for (size_t i = 0; i < report_->groups.size(); ++i)
    if (!report_->groups[i].recorded && decision(i).empty()) {
      fresh.emplace_back(report_->groups[i].docs, report_->groups[i].similarity);
      which.push_back(i);
    }
  if (fresh.empty()) return;
  std::vector<store::Id> ids;
  if (ws_.act([&] { ids = store::mark_duplicate_groups(*ws_.project_rw(), fresh); })) {
    for (size_t k = 0; k < which.size(); ++k) {
      decisions_[which[k]] = "marked";
      report_->groups[which[k]].recorded = ids[k];
    }
    ws_.set_undoable_status(tr(S::dup_marked_status));
    ws_.refresh();
  }
}

void DuplicatesDialog::keys() {
  if (!report_ || report_->groups.empty() || ImGui::GetIO().WantTextInput) return;
  const size_t n = report_->groups.size();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) selected_ = std::min(selected_ + 1, n - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) && selected_ > 0) --selected_;
  if (ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyAlt) return;
  if (ImGui::IsKeyPressed('M', false)) mark(selected_);
  if (ImGui::IsKeyPressed('K', false)) keep_apart(selected_);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) && selected_ < n) {
    ws_.open_document(report_->groups[selected_].docs.front());
    ws_.show_view(View::coding);
    close();
  }
}

void DuplicatesDialog::draw() {
  rects_.clear();
  const char* id = "##duplicates";
  if (open_request_ && !ImGui::IsPopupOpen(id)) {
    ImGui::OpenPopup(id);
    open_request_ = false;
    open_ = true;
  }
  if (!open_ || !ws_.has_project()) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float fs = ImGui::GetFontSize();
  const ImVec2 size(std::min(display.x * 0.96f, fs * 52), std::min(display.y * 0.94f, fs * 40));
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(id, nullptr,
                              ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                  ImGuiWindowFlags_NoSavedSettings)) {
    if (open_) close();
    return;
  }
  auto remember = [&](const std::string& key) {
    rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  };
  ImGui::TextUnformatted(tr(S::dup_title));
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(S::dup_rule));
  ImGui::PopTextWrapPos();
  ImGui::SetNextItemWidth(fs * 10);
  ImGui::SliderFloat(tr(S::dup_threshold), &threshold_, 0.5f, 1.0f, "%.2f");
  remember("threshold");
  ImGui::SameLine();
  const auto& types = ws_.cache().source_types;
  std::string preview = type_ == 0 || static_cast<size_t>(type_) > types.size()
                            ? std::string(tr(S::dup_all_types))
                            : types[static_cast<size_t>(type_ - 1)].name;
  ImGui::SetNextItemWidth(fs * 9);
  if (ImGui::BeginCombo("##duptype", preview.c_str())) {
    if (ImGui::Selectable(tr(S::dup_all_types), type_ == 0)) type_ = 0;
    for (size_t i = 0; i < types.size(); ++i)
      if (ImGui::Selectable(types[i].name.c_str(), type_ == static_cast<int>(i) + 1)) type_ = static_cast<int>(i) + 1;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(running_);
  if (ImGui::Button(tr(S::dup_find))) find();
  ImGui::EndDisabled();
  remember("find");
  if (running_) {
    ImGui::SameLine();
    if (ImGui::Button(tr(S::dup_cancel))) {
      ++*generation_;
      running_ = false;
      if (cancel_) *cancel_ = true;
    }
    remember("cancel");
    for (const auto& t : ws_.tasks().running())
      if (t.title == tr(S::dup_task))
        ImGui::ProgressBar(static_cast<float>(t.fraction), ImVec2(-1, 0), t.message.c_str());
  }
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 40, 40, 255));
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  }
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##dup_list", ImVec2(0, -footer), true);
  std::optional<store::Id> open_doc;
  if (report_) {
    ImGui::Text(tr(S::dup_summary), static_cast<int>(report_->groups.size()), static_cast<int>(report_->documents));
    if (report_->groups.empty()) ImGui::TextDisabled("%s", tr(S::dup_none));
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(report_->groups.size()));
    while (clip.Step())
      for (int gi = clip.DisplayStart; gi < clip.DisplayEnd; ++gi) {
        const auto i = static_cast<size_t>(gi);
        const auto& grp = report_->groups[i];
        ImGui::PushID(gi);
        ImGui::Separator();
        const std::string d = decision(i);
        const char* state = !d.empty()     ? (d == "marked" ? tr(S::dup_state_marked) : tr(S::dup_state_apart))
                            : grp.recorded ? tr(S::dup_state_recorded)
                                           : tr(S::dup_state_new);
        char head[160];
        std::snprintf(head, sizeof head, tr(S::dup_group_head), static_cast<int>(grp.docs.size()),
                      static_cast<int>(std::lround(grp.similarity * 100)), state);
        if (ImGui::Selectable(head, selected_ == i)) selected_ = i;
        remember("group:" + std::to_string(i));
        const bool open_choice = d.empty() && !grp.recorded;
        ImGui::BeginDisabled(!open_choice || ws_.busy());
        if (ImGui::SmallButton(tr(S::dup_mark))) mark(i);
        remember("mark:" + std::to_string(i));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::dup_apart))) keep_apart(i);
        remember("apart:" + std::to_string(i));
        ImGui::EndDisabled();
        for (store::Id doc : grp.docs) {
          const DocInfo* info = ws_.cache().doc(doc);
          const std::string line = "#" + std::to_string(doc) + "  " +
                                   (info ? info->doc.source_type + "  " +
                                               (info->doc.date.empty() ? "-" : info->doc.date) + "  " + info->doc.title
                                         : std::string("?"));
          ImGui::Indent();
          if (ImGui::Selectable(line.c_str(), false)) open_doc = doc;
          ImGui::Unindent();
        }
        ImGui::PopID();
      }
  } else if (!running_) {
    ImGui::TextDisabled("%s", tr(S::dup_start_hint));
  }
  ImGui::EndChild();
  keys();
  if (open_doc) {  // read it in the coding view; the dialog closes (its results stay for next time)
    ws_.open_document(*open_doc);
    ws_.show_view(View::coding);
    close();
  }
  size_t fresh = 0;
  if (report_)
    for (size_t i = 0; i < report_->groups.size(); ++i) fresh += !report_->groups[i].recorded && decision(i).empty();
  ImGui::BeginDisabled(fresh == 0 || ws_.busy());
  if (ImGui::Button(tr(S::dup_mark_all))) mark_all_new();
  ImGui::EndDisabled();
  remember("mark-all");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::dup_close)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close();
  remember("close");
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace telaah::ui
