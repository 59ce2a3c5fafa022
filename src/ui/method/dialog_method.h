// Project › Method settings… (Ctrl+Shift+M): every setting of the method
// registry (analysis/method_settings.h) grouped as the registry groups them,
// each with its value, its default, its one-line meaning and "Reset to
// default"; a value the registry refuses is marked in place with its
// sentence and nothing is applied. Before Apply, the matrix is computed with
// the candidate settings on a worker (its own read-only snapshot; see
// method_preview.h) and the indicators whose status or pair labels change are
// listed. Apply writes every changed setting as ONE undoable action
// (analysis::set_method_settings). Source types are edited here too (add,
// rename, recolour, reorder, merge), each change one undoable action at once.
// The dialog is a modal drawn by the triangulation view, whose matrix stays
// visible behind it.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/method_settings.h"
#include "store/types.h"
#include "ui/method/method_preview.h"

namespace telaah::ui {

class Workspace;

class MethodDialog {
 public:
  explicit MethodDialog(Workspace& ws);
  void open();  // shows it next frame, values as in force
  bool is_open() const { return open_; }
  void close();
  void draw();  // the modal (nothing while closed)
  void project_changed();

  // --- what tests read ---
  // The text in a setting's box (or the value chosen), as edited.
  std::string edit(const std::string& key) const;
  // The registry's sentence for a refused value ("" when valid).
  std::string error(const std::string& key) const;
  // Changed settings, key -> value as it would be stored ("" = default); only valid ones.
  const std::map<std::string, std::string>& candidate() const { return candidate_; }
  // The last preview computed, and whether it is for the current candidate.
  const std::optional<MethodPreview>& preview() const { return preview_; }
  bool preview_current() const { return preview_ && preview_for_ == candidate_key() && !computing_; }
  // Where a control was drawn in the last frame: "value:KEY", "reset:KEY",
  // "coders:all|one|set", "coders:one:combo", "coder:NAME", "apply", "close",
  // "type:colour:NAME", "type:rename:NAME", "type:up:NAME", "type:down:NAME",
  // "type:merge:NAME", "type:add:name", "type:add", "body" (the scrolling list), "preview".
  std::optional<ImRect> item_rect(const std::string& key) const;

 private:
  void load();        // edits from the values in force
  void revalidate();  // errors_ and candidate_ from the edits
  std::string candidate_key() const;
  void request_preview();
  void draw_setting(const analysis::SettingSpec& s);
  void draw_coders();
  void draw_source_types();
  void draw_preview(float height);
  void apply();
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

  Workspace& ws_;
  bool open_ = false, open_request_ = false;
  int64_t loaded_rev_ = -1;
  std::map<std::string, std::string> edits_;   // key -> text as typed (or value chosen)
  std::map<std::string, std::string> errors_;  // key -> the registry's sentence
  std::map<std::string, std::string> candidate_;
  enum class CoderMode { all, one, set } coder_mode_ = CoderMode::all;
  std::string coder_one_;
  std::vector<std::string> coder_set_;

  // The preview on a worker: a generation drops results that came too late.
  std::optional<MethodPreview> preview_;
  std::string preview_for_, requested_;
  bool computing_ = false;
  std::shared_ptr<int> generation_ = std::make_shared<int>(0);

  // Source types: the one being renamed, a merge waiting for confirmation, a new one.
  store::Id renaming_ = 0;
  std::string rename_text_;
  bool rename_focus_ = false;
  std::string merge_from_, merge_into_;
  bool merge_scroll_ = false;
  std::string new_type_;
  float new_colour_[3] = {0.53f, 0.53f, 0.53f};
  std::map<store::Id, int64_t> type_docs_;
  int64_t type_docs_rev_ = -1;

  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
