// The project window's shell: the list of views, the frame, menus, toolbar,
// status line and global shortcuts (see app.h).
#include "ui/shell/app.h"

#include <algorithm>
#include <cmath>

#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

const char* view_key(ViewKey v) {
  for (ViewKey k : kAllViews)
    if (k == v) return k.name.data();
  return View::coding.name.data();
}

std::optional<ViewKey> view_from_key(const std::string& s) {
  for (ViewKey v : kAllViews)
    if (s == v.name) return v;
  return std::nullopt;
}

App::App(AppOptions opt) : opt_(opt), ws_(WorkspaceOptions{opt.remember, opt.backups}) {
  // The views, in toolbar order. Adding a view: its folder, and one line here.
  views_.push_back(std::make_unique<CodingView>(ws_));
  views_.push_back(std::make_unique<SearchView>(ws_));
  views_.push_back(std::make_unique<RetrievalView>(ws_));
  views_.push_back(std::make_unique<TriangulationView>(ws_));
  views_.push_back(std::make_unique<AgreementView>(ws_));
  views_.push_back(std::make_unique<DocumentsView>(ws_));
  views_.push_back(std::make_unique<SummariesView>(ws_));
  views_.push_back(std::make_unique<CasesView>(ws_));
  views_.push_back(std::make_unique<SuggestView>(ws_));

  on_project_ = ws_.subscribe(Workspace::Event::project, [this] { project_changed(); });
  if (opt_.remember) prefs_ = load_prefs();
  apply_prefs();
}

App::~App() {
  save_drafts();  // the window closes: nothing typed is dropped
  save_state();
  ws_.tasks().cancel_all();
  views_.clear();  // before the Workspace they hold
}

View* App::view(ViewKey key) const {
  for (const auto& v : views_)
    if (v->key() == key && v->available()) return v.get();
  return nullptr;
}

void App::request_quit() {
  save_drafts();
  if (ws_.has_project() && has_unsaved_draft()) {  // a draft the project refused (an empty code name): never dropped
    ws_.set_status(std::string(tr(S::status_draft_not_saved)) + ws_.status().text, true);
    return;
  }
  quit_ = true;
}

void App::save_drafts() {
  if (ws_.has_project())
    for (auto& v : views_) v->save_drafts();
}

bool App::has_unsaved_draft() const {
  for (const auto& v : views_)
    if (v->has_unsaved_draft()) return true;
  return false;
}

void App::set_view(ViewKey v) {
  if (view(v)) ws_.show_view(v);
}

void App::project_changed() {
  if (!view(ws_.shown_view())) ws_.show_view(View::coding);
  for (auto& v : views_) v->project_changed();
  duplicates_.project_changed();
  if (opt_.remember && ws_.has_project()) {
    add_recent(prefs_, ws_.project_path());
    save_prefs(prefs_);
  }
}

std::optional<ImRect> App::code_row_rect(store::Id code) const {
  auto* c = dynamic_cast<CodingView*>(view(View::coding));
  return c ? c->code_row_rect(code) : std::nullopt;
}

void App::apply_prefs() {
  set_language(prefs_.language == "id" ? Lang::id : Lang::en);
  theme_ = theme_from_string(prefs_.theme);
  apply_theme(theme_, dpi_);
  prefs_.text_size = std::clamp(prefs_.text_size, 10.0f, 32.0f);
  Look l = ws_.look();
  l.palette = doc_palette(theme_);
  l.dpi = dpi_;
  l.text_size = prefs_.text_size;
  ws_.set_look(l);
}

void App::set_dpi_scale(float s) {
  s = std::clamp(s, 0.5f, 4.0f);
  if (s == dpi_) return;
  dpi_ = s;
  apply_theme(theme_, dpi_);
  Look l = ws_.look();
  l.dpi = dpi_;
  ws_.set_look(l);
  fonts_dirty_ = true;
}

FontSpec App::font_spec() const {
  return FontSpec{15.0f, prefs_.text_size, dpi_};
}

void App::set_fonts(const FontSet& f) {
  fonts_ = f;
  fonts_dirty_ = false;
  ImGui::GetIO().FontDefault = f.ui;
  Look l = ws_.look();
  l.fonts = f;
  l.text_size = prefs_.text_size;
  ws_.set_look(l);
}

bool App::needs_frames() const {
  return ws_.doc_view().animating() || ws_.tasks().active() || settle_frames_ > 0;
}

// ImGui lays out a table (and an auto-resizing popup) only on the frame after
// it first appears; the window idles after a few frames of input, so a view, a
// document or a coding that comes up from a click gets a few frames to settle
// (the inspector once stayed wrapped one letter per line until the mouse moved).
void App::note_settling() {
  const auto sel = ws_.doc_view().selected_coding();
  const std::array<int64_t, 3> now{0, ws_.doc() ? static_cast<int64_t>(ws_.doc()->meta.id) : 0,
                                   sel ? static_cast<int64_t>(*sel) : 0};
  const bool asked = ws_.take_keep_drawing();
  if (now != settle_key_ || settle_view_ != ws_.shown_view().name || asked)
    settle_frames_ = kSettleFrames;
  else if (settle_frames_ > 0)
    --settle_frames_;
  settle_key_ = now;
  settle_view_ = std::string(ws_.shown_view().name);
}

std::string App::window_title() const {
  if (!ws_.has_project()) return "Telaah";
  return ws_.project_path().filename().string() + " \xE2\x80\x94 Telaah";
}

void App::save_state() {
  if (!opt_.remember) return;
  ws_.save_state();
  save_prefs(prefs_);
  last_save_ = std::chrono::steady_clock::now();
}

void App::set_query(const std::string& q) {
  // `telaah gui --view search --query Q` searches the corpus; with any other
  // view the query is a find-in-document for the document that opens.
  if (ws_.shown_view() == View::search) {
    if (auto* s = dynamic_cast<SearchView*>(view(View::search))) s->set_query(q);
    return;
  }
  ws_.set_find_query(q);
}

// --- the frame -------------------------------------------------------------

void App::frame() {
  // Keyboard navigation: Tab between fields, arrows and Enter in lists and
  // menus, Esc closes a menu or popup without acting, Alt reaches the menu bar.
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (ImGui::GetIO().KeyMap[ImGuiKey_Tab] >= 0) tab_key_ = ImGui::GetIO().KeyMap[ImGuiKey_Tab];  // see the end
  menu_log().clear();
  widgets::panes().clear();
  body_ = nullptr;
  if (release_active_) {  // Tab left a text field (cycle_panes)
    ImGui::ClearActiveID();
    release_active_ = false;
  }
  if (std::string(ws_.shown_view().name) != drawn_view_) {
    save_drafts();  // a view switch saves what was being typed in the view left
    drawn_view_ = std::string(ws_.shown_view().name);
  }
  ws_.poll_tasks();
  ws_.refresh();
  ws_.tick_backups();
  const ImGuiIO& io = ImGui::GetIO();
  if (fonts_.ui) ImGui::PushFont(fonts_.ui);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##telaah", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse);
  draw_menu_bar();
  const float status_h = ImGui::GetFrameHeightWithSpacing();
  View* shown = ws_.has_project() ? view(ws_.shown_view()) : nullptr;
  if (ws_.has_project() && !shown) ws_.show_view(View::coding), shown = view(View::coding);  // switched off
  if (!ws_.has_project()) {
    ImGui::BeginChild("##start", ImVec2(0, -status_h));
    draw_start_screen();
    ImGui::EndChild();
  } else {
    draw_toolbar();
    const float h = ImGui::GetContentRegionAvail().y - status_h;
    // Every view gets the same body rectangle.
    ImGui::BeginChild("##view", ImVec2(0, h), false, shown ? shown->body_flags() : 0);
    body_ = ImGui::GetCurrentWindow();
    if (shown) shown->draw();
    ImGui::EndChild();
    collect_body_panes();
  }
  draw_status_line();
  draw_popups();
  ImGui::End();
  if (fonts_.ui) ImGui::PopFont();
  handle_shortcuts();
  draw_focus_ring();
  // Tab moves between panes (handle_shortcuts): ImGui sees it only inside a
  // popup, where it moves between the popup's fields (it reads the key map in
  // the next NewFrame).
  ImGuiIO& io_keys = ImGui::GetIO();
  if (io_keys.KeyMap[ImGuiKey_Tab] >= 0) tab_key_ = io_keys.KeyMap[ImGuiKey_Tab];
  io_keys.KeyMap[ImGuiKey_Tab] =
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) ? tab_key_ : -1;
  if (ws_.take_glyphs_changed()) fonts_dirty_ = true;
  note_settling();
  // Remember the place now and then, so a crash loses little (cheap: one small JSON file).
  if (opt_.remember && std::chrono::steady_clock::now() - last_save_ > std::chrono::seconds(30)) save_state();
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  if (menu_request_) {  // F10 opens the first menu; arrows move on from there
    ImGui::OpenPopup(tr(S::menu_project));
    menu_request_ = false;
  }
  const bool busy = ws_.busy();
  auto begin_menu = [&](S title, bool enabled = true) {  // remembers where the title is (tests click it)
    const ImVec2 at = ImGui::GetCursorScreenPos();
    menu_titles_[title] = ImVec2(at.x + (ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(tr(title)).x) * 0.5f,
                                 at.y + ImGui::GetTextLineHeight() * 0.5f);
    return ImGui::BeginMenu(tr(title), enabled);
  };
  if (begin_menu(S::menu_project)) {
    if (menu_item(tr(S::menu_new), Command::new_project, false, !busy))
      file_browser_.open(FileBrowser::Mode::new_project, {});
    if (menu_item(tr(S::menu_open), Command::open_project, false, !busy))
      file_browser_.open(FileBrowser::Mode::open_project, {});
    if (menu_item(tr(S::menu_open_document), Command::open_document, false, ws_.has_project())) picker_.open();
    if (ImGui::BeginMenu(tr(S::menu_recent), !prefs_.recent.empty() && !busy)) {
      for (const auto& r : prefs_.recent)
        if (menu_item(r.c_str(), std::nullopt)) {
          ws_.open_project(r);
          break;
        }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (menu_item(tr(S::menu_import), Command::import_files, false, ws_.has_project() && !busy))
      file_browser_.open(FileBrowser::Mode::import_files, {});
    if (menu_item(tr(S::menu_import_qdpx), std::nullopt, false, !busy)) browse_qdpx();
    for (auto& v : views_) v->menu_items(View::Menu::project);
    if (menu_item(tr(S::menu_duplicates), Command::find_duplicates, false, ws_.has_project() && !busy))
      duplicates_.open();
    if (menu_item(tr(S::rep_menu_report), Command::report, false, ws_.has_project())) output_.open_report();
    if (menu_item(tr(S::rep_menu_export), Command::export_files, false, ws_.has_project())) output_.open_export();
    if (menu_item(tr(S::cb_export), Command::export_codebook, false, ws_.has_project()))
      output_.open_export(OutputKind::qdc);
    if (menu_item(tr(S::menu_close), Command::close_project, false, ws_.has_project() && !busy)) close_project();
    ImGui::Separator();
    if (menu_item(tr(S::menu_quit), Command::quit)) request_quit();
    ImGui::EndMenu();
  }
  if (begin_menu(S::menu_edit, ws_.has_project())) {
    const auto ul = ws_.project()->undo_label(), rl = ws_.project()->redo_label();
    const std::string u = std::string(tr(S::menu_undo)) + (ul ? ": " + *ul : "");
    const std::string r = std::string(tr(S::menu_redo)) + (rl ? ": " + *rl : "");
    if (menu_item(u.c_str(), Command::undo, false, ul.has_value() && !busy)) ws_.undo();
    if (menu_item(r.c_str(), Command::redo, false, rl.has_value() && !busy)) ws_.redo();
    ImGui::Separator();
    if (menu_item(tr(S::menu_find), Command::find, false, ws_.doc() != nullptr)) {
      ws_.show_view(View::coding);
      ws_.doc_view().open_find();
    }
    if (menu_item(tr(S::menu_search_corpus), Command::search_corpus, false, !busy)) {
      ws_.show_view(View::search);
      if (auto* sv = dynamic_cast<SearchView*>(view(View::search))) sv->focus_query();
    }
    ImGui::EndMenu();
  }
  if (begin_menu(S::menu_view)) {
    for (size_t i = 0; i < views_.size(); ++i) {
      if (!views_[i]->available()) continue;
      const auto cmd = i < 9 ? std::optional<Command>(view_command(i)) : std::nullopt;
      if (menu_item(tr(views_[i]->title()), cmd, ws_.shown_view() == views_[i]->key(), ws_.has_project()))
        ws_.show_view(views_[i]->key());
    }
    ImGui::Separator();
    for (auto& v : views_) v->menu_items(View::Menu::view);
    ImGui::Separator();
    if (menu_item(tr(S::theme_light), std::nullopt, theme_ == Theme::light)) prefs_.theme = "light", apply_prefs();
    if (menu_item(tr(S::theme_dark), std::nullopt, theme_ == Theme::dark)) prefs_.theme = "dark", apply_prefs();
    ImGui::Separator();
    float size = prefs_.text_size;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat(tr(S::text_size), &size, 10.0f, 32.0f, "%.0f");
    if (ImGui::IsItemDeactivatedAfterEdit() || (size != prefs_.text_size && !ImGui::IsItemActive())) {
      prefs_.text_size = std::round(size);
      fonts_dirty_ = true;
    }
    ImGui::Separator();
    if (menu_item("English", std::nullopt, language() == Lang::en)) prefs_.language = "en", apply_prefs();
    if (menu_item("Bahasa Indonesia", std::nullopt, language() == Lang::id)) prefs_.language = "id", apply_prefs();
    ImGui::EndMenu();
  }
  if (begin_menu(S::menu_help)) {
    ImGui::TextDisabled("%s", tr(S::help_shortcuts_title));
    ImGui::TextUnformatted(tr(S::help_shortcuts));
    ImGui::Separator();
    ImGui::TextDisabled("Telaah 0.1.0 \xC2\xB7 Dear ImGui %s \xC2\xB7 %s", IMGUI_VERSION, fonts_.description.c_str());
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

std::optional<ImRect> App::toolbar_rect(const std::string& key) const {
  auto it = toolbar_rects_.find(key);
  if (it == toolbar_rects_.end()) return std::nullopt;
  return it->second;
}

void App::draw_toolbar() {
  toolbar_rects_.clear();
  auto remember = [&](const std::string& key) {
    toolbar_rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  };
  const ImGuiStyle& st = ImGui::GetStyle();
  const float fs = ImGui::GetFontSize();
  auto button_w = [&](const char* label) { return ImGui::CalcTextSize(label).x + st.FramePadding.x * 2; };
  // The view buttons, Undo, Redo and a coder box of at least 4 em: when they do not all fit (nine
  // views at 800x600), the views become one list showing the current view, so Undo, Redo and the
  // coder stay in the window.
  float views_w = 0;
  for (const auto& v : views_)
    if (v->available()) views_w += button_w(tr(v->title())) + st.ItemSpacing.x;
  const float rest_w = fs * 1.5f + button_w(tr(S::button_undo)) + st.ItemSpacing.x + button_w(tr(S::button_redo)) +
                       st.ItemSpacing.x + fs + ImGui::CalcTextSize(tr(S::label_coder)).x + st.ItemSpacing.x + fs * 4;
  if (views_w + rest_w <= ImGui::GetContentRegionAvail().x) {
    for (const auto& v : views_) {
      if (!v->available()) continue;
      const bool on = ws_.shown_view() == v->key();
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button(tr(v->title()))) ws_.show_view(v->key());
      if (on) ImGui::PopStyleColor();
      remember("view:" + std::string(v->key().name));
      ImGui::SameLine();
    }
  } else {
    const char* current = "";
    float widest = 0;
    for (const auto& v : views_) {
      if (!v->available()) continue;
      widest = std::max(widest, ImGui::CalcTextSize(tr(v->title())).x);
      if (ws_.shown_view() == v->key()) current = tr(v->title());
    }
    ImGui::SetNextItemWidth(widest + ImGui::GetFrameHeight() + st.FramePadding.x * 2);
    if (ImGui::BeginCombo("##views", current)) {
      for (size_t i = 0; i < views_.size(); ++i) {
        const auto& v = views_[i];
        if (!v->available()) continue;
        if (ImGui::Selectable(tr(v->title()), ws_.shown_view() == v->key())) ws_.show_view(v->key());
        if (i < 9) {
          ImGui::SameLine(widest + fs * 2);
          ImGui::TextDisabled("Ctrl+%d", static_cast<int>(i) + 1);
        }
      }
      ImGui::EndCombo();
    }
    remember("views");
    ImGui::SameLine();
  }
  const bool busy = ws_.busy();
  ImGui::SameLine(0, fs * 1.5f);
  ImGui::BeginDisabled(!ws_.project()->can_undo() || busy);
  if (ImGui::Button(tr(S::button_undo))) ws_.undo();
  ImGui::EndDisabled();
  remember("undo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    if (auto l = ws_.project()->undo_label()) ImGui::SetTooltip("%s: %s (Ctrl+Z)", tr(S::menu_undo), l->c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(!ws_.project()->can_redo() || busy);
  if (ImGui::Button(tr(S::button_redo))) ws_.redo();
  ImGui::EndDisabled();
  remember("redo");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    if (auto l = ws_.project()->redo_label()) ImGui::SetTooltip("%s: %s (Ctrl+Shift+Z)", tr(S::menu_redo), l->c_str());

  // The coder of this session: every new coding is theirs.
  const float blind_w =
      ws_.state().blind ? ImGui::CalcTextSize(tr(S::agr_blind_on)).x + ImGui::GetStyle().ItemSpacing.x * 2 : 0;
  const float label_w = ImGui::CalcTextSize(tr(S::label_coder)).x + ImGui::GetStyle().ItemSpacing.x + blind_w;
  ImGui::SameLine();
  const float after = ImGui::GetCursorPosX() + ImGui::GetFontSize();  // never over the Redo button (800x600)
  const float combo_w =
      std::clamp(ImGui::GetContentRegionMax().x - after - label_w, ImGui::GetFontSize() * 4, ImGui::GetFontSize() * 11);
  ImGui::SameLine(std::max(after, ImGui::GetContentRegionMax().x - combo_w - label_w));
  ImGui::AlignTextToFramePadding();
  if (ws_.state().blind) {  // blind mode is on: say so where the coder is chosen
    ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1.0f), "%s", tr(S::agr_blind_on));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::agr_blind_on_tip));
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
  }
  ImGui::TextUnformatted(tr(S::label_coder));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_w);
  const bool coder_open = ImGui::BeginCombo("##coder", ws_.project()->coder().c_str());
  remember("coder");
  if (coder_open) {
    for (const auto& c : ws_.cache().coders)
      if (ImGui::Selectable(c.name.c_str(), c.name == ws_.project()->coder())) ws_.set_coder(c.name);
    ImGui::Separator();
    if (ImGui::Selectable(tr(S::new_coder))) new_coder_open_ = true;
    ImGui::EndCombo();
  }
}

void App::draw_status_line() {
  ImGui::Separator();
  const auto running = ws_.tasks().running();
  if (!running.empty()) {
    const auto& t = running.front();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(t.title.c_str());
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(t.fraction), ImVec2(ImGui::GetFontSize() * 12, 0), t.message.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::cancel))) ws_.tasks().cancel_all();
    ImGui::SameLine();
  }
  char buf[160] = "";
  if (ws_.has_project())
    std::snprintf(buf, sizeof buf, tr(has_unsaved_draft() ? S::status_draft_unsaved : S::status_saved_rev),
                  static_cast<long long>(ws_.cache().revision));  // never "All changes saved" over a draft
  // The message gives way to the saved / revision note at the right (they were drawn over each other).
  const float saved_w = ws_.has_project() ? ImGui::CalcTextSize(buf).x + ImGui::GetFontSize() : 0.0f;
  // An action that can be undone offers an Undo link before its message, while it is the last action.
  const StatusMessage& st = ws_.status();
  undo_link_.reset();
  if (ws_.status_offers_undo()) {
    ImGui::AlignTextToFramePadding();
    if (ImGui::SmallButton((std::string(tr(S::button_undo)) + "##status_undo").c_str())) ws_.undo();
    undo_link_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
  }
  const float room = ImGui::GetContentRegionMax().x - ImGui::GetCursorPosX() - saved_w;
  const std::string text = widgets::ellipsize(st.text, std::max(0.0f, room));
  if (st.error)
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
  if (text != st.text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", st.text.c_str());
  if (ws_.has_project()) {
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(buf).x);
    ImGui::TextDisabled("%s", buf);
  }
}

// The shell's keys act everywhere; a view's keys (View::shortcuts) only
// while it is shown, no popup is open and no text field has the keyboard.
// Which keys: the table in shortcuts.cpp (the menus show the same).
void App::handle_shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput;
  const bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  const bool busy = ws_.busy();
  for (int b = 0; b < 3; ++b)
    if (io.MouseClicked[b]) keyboard_focus_ = false;
  if (pressed(Command::quit)) request_quit();
  if (pressed(Command::menu_bar)) menu_request_ = true;  // F10: the menu bar
  if (popup) return;
  if (ws_.has_project() && tab_key_ >= 0 && ImGui::IsKeyPressed(tab_key_) && !io.KeyCtrl && !io.KeyAlt)
    cycle_panes(io.KeyShift);  // Tab / Shift+Tab (ImGui does not see Tab outside popups)
  if (ws_.has_project() && pressed(Command::open_document)) picker_.open();
  if (busy) return;
  if (ws_.has_project())  // Ctrl+1..5: the views, also while typing
    for (size_t i = 0; i < views_.size() && i < 9; ++i)
      if (pressed(view_command(i))) set_view(views_[i]->key());
  if (pressed(Command::open_project)) file_browser_.open(FileBrowser::Mode::open_project, {});
  if (pressed(Command::new_project)) file_browser_.open(FileBrowser::Mode::new_project, {});
  if (!ws_.has_project()) return;
  if (pressed(Command::close_project)) {
    close_project();
    return;
  }
  if (pressed(Command::import_files)) file_browser_.open(FileBrowser::Mode::import_files, {});
  if (pressed(Command::report)) output_.open_report();
  if (pressed(Command::export_files)) output_.open_export();
  if (pressed(Command::find_duplicates) && !ws_.busy()) duplicates_.open();
  if (pressed(Command::export_codebook)) output_.open_export(OutputKind::qdc);
  if (pressed(Command::search_corpus)) {
    ws_.show_view(View::search);
    if (auto* s = dynamic_cast<SearchView*>(view(View::search))) s->focus_query();
  } else if (pressed(Command::find) && ws_.doc()) {
    ws_.show_view(View::coding);  // find in the document: where it can be seen
    ws_.doc_view().open_find();
  }
  if (typing) return;
  for (auto& v : views_) v->menu_shortcuts();  // the keys shown beside views' menu items
  if (pressed(Command::undo)) ws_.undo();
  if (pressed(Command::redo)) ws_.redo();
  if (View* v = view(ws_.shown_view())) v->shortcuts();
}

// --- panes and the focus ring ---------------------------------------------------

ImGuiWindow* App::pane_of(ImGuiWindow* w) const {
  for (; w; w = w->ParentWindow)
    for (const auto& p : widgets::panes())
      if (p.window == w) return w;
  return nullptr;
}

// The panes are those the view drew with widgets::begin_pane; a view that
// draws none has its body's child windows as panes, from the top left.
void App::collect_body_panes() {
  if (!widgets::panes().empty() || !body_) return;
  std::vector<ImGuiWindow*> kids;
  for (ImGuiWindow* w : GImGui->Windows)
    if (w->ParentWindow == body_ && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->Active && !w->Hidden)
      kids.push_back(w);
  std::stable_sort(kids.begin(), kids.end(), [](const ImGuiWindow* a, const ImGuiWindow* b) {
    return a->Pos.y != b->Pos.y ? a->Pos.y < b->Pos.y : a->Pos.x < b->Pos.x;
  });
  for (ImGuiWindow* w : kids) widgets::panes().push_back({0, w});  // id 0: focused here, not at a begin_pane
}

void App::cycle_panes(bool back) {
  auto& ps = widgets::panes();
  if (ps.empty()) return;
  const ImGuiWindow* now = pane_of(GImGui->NavWindow);
  int at = -1;
  for (size_t i = 0; i < ps.size(); ++i)
    if (ps[i].window == now) at = static_cast<int>(i);
  const int n = static_cast<int>(ps.size());
  const int next = at < 0 ? (back ? n - 1 : 0) : (at + (back ? n - 1 : 1)) % n;
  // A text field that has the keyboard lets it go at the start of the next
  // frame, so that it sees itself deactivated and saves its draft as on any blur.
  release_active_ = GImGui->ActiveId != 0;
  ImGui::FocusWindow(ps[static_cast<size_t>(next)].window);  // the pane now; its list or text at its next draw
  if (ps[static_cast<size_t>(next)].id != 0) widgets::focus_pane(ps[static_cast<size_t>(next)].id);
  GImGui->NavDisableHighlight = false;
  keyboard_focus_ = true;
}

std::string App::focused_pane() const {
  const ImGuiWindow* p = pane_of(GImGui->NavWindow);
  if (!p) return {};
  // A child window's name is "Parent/##name_XXXXXXXX".
  std::string name = p->Name;
  if (auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
  if (auto us = name.rfind('_'); us != std::string::npos) name = name.substr(0, us);
  return name;
}

void App::draw_focus_ring() {
  focus_ring_.reset();
  if (!keyboard_focus_ || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
  const ImGuiWindow* p = pane_of(GImGui->NavWindow);
  if (!p) return;
  const float t = std::max(2.0f, std::round(2.0f * dpi_));
  const ImRect r(ImVec2(p->Pos.x + t * 0.5f, p->Pos.y + t * 0.5f),
                 ImVec2(p->Pos.x + p->Size.x - t * 0.5f, p->Pos.y + p->Size.y - t * 0.5f));
  ImGui::GetForegroundDrawList()->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight),
                                          ImGui::GetStyle().ChildRounding, 0, t);
  focus_ring_ = r;
}

}  // namespace telaah::ui
