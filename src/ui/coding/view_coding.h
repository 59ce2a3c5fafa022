// The coding view: the document browser, the document, the codebook and the
// inspector, side by side; keys 1-9, + − 0, Q, I, M and Delete act on what
// it shows selected. Its state is its own; the project, the open document
// and every write are the Workspace's.
//
// Files: view_coding.cpp (the panes' layout and the view's shortcuts),
// panel_browser.cpp, panel_document.cpp, panel_codebook.cpp,
// panel_inspector.cpp, coding_popups.cpp (quick code, the memo editor,
// deleting a code).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/coding/doc_list.h"
#include "ui/coding/link_picker.h"
#include "ui/coding/replace_version.h"
#include "ui/shell/file_browser.h"
#include "ui/shell/view.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

// The coding view's three pane widths for a window width (see fit_panes in view_coding.cpp).
struct PaneWidths {
  float left, centre, right;
};
PaneWidths fit_panes(float width, float left, float right, float bar, float min_pane, float min_centre);

class CodingView : public View {
 public:
  explicit CodingView(Workspace& ws) : ws_(ws) {}
  ViewKey key() const override { return View::coding; }
  S title() const override { return S::view_coding; }
  void draw() override;
  void shortcuts() override;
  void project_changed() override;
  void save_drafts() override;
  bool has_unsaved_draft() const override;
  std::optional<ImRect> memo_box_rect() const { return memo_rect_; }        // the inspector's memo box, last frame
  std::optional<ImRect> code_name_rect() const { return code_name_rect_; }  // the code editor's name box, last frame

  // For tests: where the codebook drew a code's row last frame.
  std::optional<ImRect> code_row_rect(store::Id code) const;
  // For tests: where a control of the codebook's menu and popups was drawn last frame: "menu:add_sub",
  // "menu:rename", "menu:delete", "menu:merge", "menu:memo", "menu:up", "menu:down", "merge:filter",
  // "merge:target:ID", "merge:ok", "memo:text", "memo:save", "delete:ok".
  std::optional<ImRect> item_rect(const std::string& key) const;
  void menu_items(Menu m) override;  // Project › Load framework…
  void menu_shortcuts() override;
  void load_framework(const std::filesystem::path& file);  // merges by code path: one action
  ReplaceVersion& replace_version() { return replace_version_; }

  // --- links of the selected coding (panel_links.cpp) ---
  struct LinkRow {
    store::Link link;
    bool outgoing = true;  // the selected coding is the link's `from`
    store::Id other = 0, other_doc = 0;
    int64_t other_start = 0, other_end = 0;
    std::string quote, doc_title, colour;
  };
  const std::vector<LinkRow>& link_rows() const { return links_; }  // of the coding the inspector shows
  LinkPicker& link_picker() { return link_picker_; }
  void link_from(store::Id coding);                                             // opens Link to…
  std::optional<ImRect> link_row_rect(size_t i) const;                          // last frame
  std::optional<ImRect> link_memo_button_rect(size_t i) const;                  // a row's Memo button
  std::optional<ImRect> coding_chip_rect() const { return chip_rect_; }         // the inspector's drag chip
  std::optional<ImRect> link_memo_rect() const { return link_memo_rect_; }      // the open link memo box
  std::optional<ImRect> link_button_rect() const { return link_button_rect_; }  // "Link to…"
  // An impediment coding's "Hinders indicator…" (panel_impediments.cpp); the popup's state, for tests.
  std::optional<ImRect> hinders_button_rect() const { return hinders_button_rect_; }
  bool is_impediment_code(store::Id code);  // coded at evaluation.impediment_codes (or a sub-code)
  std::vector<store::Id> attached_indicators(store::Id coding) const;  // as the inspector lists them

 private:
  void draw_collapsed(float width, float height);  // a window too narrow for the side panes
  void draw_browser();
  void draw_document();
  void draw_codebook();
  void draw_code_row(size_t index, std::vector<bool>& open_stack);
  void draw_inspector();
  void draw_coding_inspector(const store::Coding& c);
  void draw_code_editor(store::Id code);
  bool code_draft_dirty() const;  // the code editor holds fields not saved yet
  void save_code_draft();         // saves them (an invalid name: the status says why, the draft stays)
  void draw_document_info();
  void draw_links(const store::Coding& c);  // panel_links.cpp
  void refresh_links(store::Id coding);
  void save_link_memo();
  void draw_hinders(const store::Coding& c);  // panel_impediments.cpp
  void draw_hinders_picker();
  void refresh_impediments();
  void draw_popups();  // coding_popups.cpp
  void draw_quick_code();
  void draw_memo_editor();
  void draw_delete_code();
  void draw_merge_code();  // codebook_actions.cpp: Merge into…, the code memo, Load framework…
  void draw_code_memo();
  void open_framework_browser();
  void add_sub_code(store::Id parent);
  void move_sibling(store::Id id, int delta);
  void rename_code(store::Id id);
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }
  void edit_memo(store::Id coding);
  // The coding selected in the document, if the document shows it.
  std::optional<store::Id> visible_selected_coding() const;

  Workspace& ws_;
  std::string doc_filter_, code_filter_;
  DocList doc_list_;  // the browser's rows, computed once per filter or document-list change
  struct CodeDraft {  // the code editor's unsaved fields
    store::Id id = 0;
    store::Code code;
    ImVec4 colour;
  } draft_;
  std::unordered_map<store::Id, ImRect> code_rows_;
  std::string memo_draft_;  // the inspector's memo box
  store::Id memo_draft_for_ = 0;
  bool memo_editing_ = false;  // the box has had the keyboard: memo_draft_ may differ from the saved memo
  std::optional<ImRect> memo_rect_, code_name_rect_;
  store::Id drawn_doc_ = 0;                      // the document of the last frame (a switch saves the draft)
  bool show_left_ = false, show_right_ = false;  // a narrow window: the side panes behind their toggles
  std::string memo_popup_draft_;
  bool quick_open_ = false, memo_open_ = false, confirm_delete_code_ = false;
  bool memo_popup_shown_ = false;  // the memo popup was drawn open in the last frame
  std::string quick_filter_;
  int quick_index_ = 0;
  store::Id memo_coding_ = 0;
  std::optional<store::Id> last_code_;  // the selected code of the last frame (a change: draw a few more)
  // Links (panel_links.cpp): the inspector's list, read once per revision and coding.
  LinkPicker link_picker_;
  std::vector<LinkRow> links_;
  int64_t links_rev_ = -1;
  store::Id links_for_ = 0;
  std::vector<ImRect> link_rects_, link_memo_buttons_;
  std::optional<ImRect> chip_rect_, link_memo_rect_, link_button_rect_;
  bool link_focused_ = false;    // a link row had the keyboard last frame (Delete is the link's)
  store::Id link_memo_for_ = 0;  // the link whose memo box is open
  std::string link_memo_draft_;
  bool link_memo_editing_ = false;
  // Impediment codings attached to indicators (panel_impediments.cpp), read once per revision.
  int64_t imp_rev_ = -1;
  std::vector<store::Id> imp_codes_;  // sorted
  std::vector<store::CodingAttachment> attachments_;
  bool hinders_open_ = false;
  store::Id hinders_for_ = 0;
  std::string hinders_filter_;
  int hinders_index_ = 0;
  std::optional<ImRect> hinders_button_rect_;
  // The codebook's menu: merging, the code memo, loading a framework, renaming.
  store::Id merge_from_ = 0, merge_into_ = 0, memo_code_ = 0;
  bool merge_open_ = false, code_memo_open_ = false, focus_code_name_ = false;
  std::string merge_filter_, code_memo_draft_;
  FileBrowser framework_browser_;
  ReplaceVersion replace_version_{ws_};            // Replace document with a new version… (issue 24)
  std::unordered_map<std::string, ImRect> rects_;  // item_rect()
};

}  // namespace telaah::ui
