// The project window: lifetime of the project, the frame, the pane layout,
// menus, toolbar, status line and keyboard shortcuts.
#include "ui/shell/app.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>

#include "text/utf8.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

const char* view_key(View v) {
  switch (v) {
    case View::coding:
      return "coding";
    case View::search:
      return "search";
    case View::retrieval:
      return "retrieval";
    case View::triangulation:
      return "triangulation";
    case View::agreement:
      return "agreement";
  }
  return "coding";
}

std::optional<View> view_from_key(const std::string& s) {
  for (View v : kAllViews)
    if (s == view_key(v)) return v;
  return std::nullopt;
}

static S view_label(View v) {
  switch (v) {
    case View::coding:
      return S::view_coding;
    case View::search:
      return S::view_search;
    case View::retrieval:
      return S::view_retrieval;
    case View::triangulation:
      return S::view_triangulation;
    case View::agreement:
      return S::view_agreement;
  }
  return S::view_coding;
}

App::App(AppOptions opt)
    : opt_(opt),
      search_view_(std::make_unique<SearchView>(*this)),
      retrieval_view_(std::make_unique<RetrievalView>(*this)),
      triangulation_view_(std::make_unique<TriangulationView>(*this)),
      agreement_view_(std::make_unique<AgreementView>(*this)) {
  if (opt_.remember) prefs_ = load_prefs();
  apply_prefs();
  for (int i = 0; i < static_cast<int>(S::COUNT); ++i) glyphs_.add_text(tr(static_cast<S>(i)));
}

App::~App() {
  save_state();
  tasks_.cancel_all();
}

void App::views_project_changed() {
  search_view_->on_project_changed();
  retrieval_view_->on_project_changed();
  triangulation_view_->on_project_changed();
  agreement_view_->on_project_changed();
}

void App::apply_prefs() {
  set_language(prefs_.language == "id" ? Lang::id : Lang::en);
  theme_ = theme_from_string(prefs_.theme);
  apply_theme(theme_, dpi_);
  palette_ = doc_palette(theme_);
  prefs_.text_size = std::clamp(prefs_.text_size, 10.0f, 32.0f);
}

void App::set_dpi_scale(float s) {
  s = std::clamp(s, 0.5f, 4.0f);
  if (s == dpi_) return;
  dpi_ = s;
  apply_theme(theme_, dpi_);
  fonts_dirty_ = true;
}

FontSpec App::font_spec() const {
  return FontSpec{15.0f, prefs_.text_size, dpi_};
}

void App::set_fonts(const FontSet& f) {
  fonts_ = f;
  fonts_dirty_ = false;
  ImGui::GetIO().FontDefault = f.ui;
}

bool App::needs_frames() const {
  return doc_view_.animating() || tasks_.active() || settle_frames_ > 0;
}

// ImGui lays out a table (and an auto-resizing popup) only on the frame after
// it first appears; the window idles after a few frames of input, so a view, a
// document or a coding that comes up from a click gets a few frames to settle
// (the inspector once stayed wrapped one letter per line until the mouse moved).
void App::note_settling() {
  const auto sel = doc_view_.selected_coding();
  const std::array<int64_t, 4> now{static_cast<int64_t>(view_), doc_ ? static_cast<int64_t>(doc_->meta.id) : 0,
                                   sel ? static_cast<int64_t>(*sel) : 0,
                                   selected_code_ ? static_cast<int64_t>(*selected_code_) : 0};
  if (now != settle_key_)
    settle_frames_ = kSettleFrames;
  else if (settle_frames_ > 0)
    --settle_frames_;
  settle_key_ = now;
}

std::string App::window_title() const {
  if (!project_) return "Telaah";
  return project_->path().filename().string() + " \xE2\x80\x94 Telaah";
}

void App::set_status(std::string text, bool error) {
  status_ = {std::move(text), error, std::chrono::steady_clock::now()};
}

bool App::act(const std::function<void()>& f) {
  try {
    f();
    return true;
  } catch (const text::InvalidUtf8& e) {
    set_status(std::string(e.what()) + tr(S::nothing_changed), true);
  } catch (const UserError& e) {
    set_status(std::string(e.what()) + tr(S::nothing_changed), true);
  } catch (const SQLite::Exception& e) {
    set_status(std::string(tr(S::error_database)) + e.what() + tr(S::nothing_changed), true);
  } catch (const std::exception& e) {
    set_status(std::string(tr(S::error_internal)) + e.what(), true);
  }
  return false;
}

// --- the project ---------------------------------------------------------

bool App::open_project(const fs::path& file) {
  std::unique_ptr<store::Project> p;
  try {
    p = store::Project::open(file);
  } catch (const ProjectLocked& e) {
    error_modal_ = e.what();
    return false;
  } catch (const UserError& e) {
    error_modal_ = e.what();
    return false;
  } catch (const std::exception& e) {
    error_modal_ = std::string(tr(S::error_open)) + file.string() + ": " + e.what();
    return false;
  }
  adopt_project(std::move(p));
  return project_ != nullptr;
}

bool App::create_project(const fs::path& file) {
  std::unique_ptr<store::Project> p;
  try {
    store::OpenOptions o;
    o.create = true;
    p = store::Project::create(file, o);
  } catch (const std::exception& e) {
    error_modal_ = e.what();
    return false;
  }
  adopt_project(std::move(p));
  return project_ != nullptr;
}

void App::adopt_project(std::unique_ptr<store::Project> p) {
  close_project();
  project_ = std::move(p);
  if (!project_) return;
  project_->on_commit([this](int64_t) { rev_changed_ = true; });
  if (!act([&] { project_id_ = project_->project_id(); })) project_id_.clear();
  state_ = opt_.remember ? load_project_state(project_id_) : ProjectUiState{};
  if (!state_.coder.empty()) act([&] { project_->set_coder(state_.coder); });
  view_ = view_from_key(state_.view).value_or(View::coding);
  rev_changed_ = true;
  views_project_changed();
  refresh();
  if (state_.open_doc && cache_.doc(state_.open_doc))
    open_document(state_.open_doc, state_.top_cp);
  else if (!cache_.docs.empty())
    open_document(cache_.docs.front().doc.id);  // first visit: something to read
  if (opt_.remember) {
    add_recent(prefs_, project_->path());
    save_prefs(prefs_);
  }
  set_status(std::string(tr(S::status_opened)) + project_->path().filename().string());
}

void App::close_project() {
  if (!project_) return;
  const std::string name = project_->path().filename().string();
  save_state();
  doc_.reset();
  doc_view_.reset();
  selected_code_.reset();
  project_.reset();
  project_id_.clear();
  cache_ = ProjectCache{};
  state_ = ProjectUiState{};
  code_rows_.clear();
  backups_ = store::BackupScheduler{};
  views_project_changed();
  set_status(tr(S::status_closed) + name);  // not the stale "Opened ..." of the project just closed
}

void App::save_state() {
  if (!opt_.remember) return;
  if (project_) {
    state_.open_doc = doc_ ? doc_->meta.id : 0;
    state_.top_cp = doc_ ? doc_view_.top_cp() : 0;
    state_.view = view_key(view_);
    state_.coder = project_->coder();
    save_project_state(project_id_, state_);
  }
  save_prefs(prefs_);
  last_save_ = std::chrono::steady_clock::now();
}

void App::set_query(const std::string& q) {
  // `telaah gui --view search --query Q` searches the corpus; with any other
  // view the query is a find-in-document for the document that opens.
  if (view_ == View::search) {
    search_view_->set_query(q);
    return;
  }
  pending_query_ = q;
  if (doc_ && !q.empty()) doc_view_.set_find_query(q);
}

bool App::open_document(store::Id id, std::optional<int64_t> cp) {
  if (!project_) return false;
  return act([&] {
    auto d = load_document(*project_, id, cache_);
    doc_view_.reset();
    doc_ = std::move(d);
    if (cp) doc_view_.jump_to(*cp, false, 0.0f);
    if (glyphs_.add_text(doc_->text) || glyphs_.add_text(doc_->meta.title)) fonts_dirty_ = true;
    if (pending_query_ && !pending_query_->empty()) doc_view_.set_find_query(*pending_query_);
    state_.open_doc = id;
  });
}

// Reloads what the panels show when the project's revision moved (any
// action, undo or redo, from this window).
void App::refresh() {
  if (!project_ || !rev_changed_) return;
  rev_changed_ = false;
  act([&] {
    const ProjectCache::Delta delta = cache_.update(*project_);  // from the change log, not a reload
    bool added = false;
    if (delta.full)
      for (const auto& d : cache_.docs) added |= glyphs_.add_text(d.doc.title);
    for (store::Id id : delta.docs)
      if (const DocInfo* d = cache_.doc(id)) added |= glyphs_.add_text(d->doc.title);
    for (const auto& c : cache_.codes) added |= glyphs_.add_text(c.code.name);
    if (added) fonts_dirty_ = true;
    if (doc_) {
      const DocInfo* info = cache_.doc(doc_->meta.id);
      if (!info) {
        doc_.reset();
        doc_view_.reset();
      } else if (info->doc.modified != doc_->meta.modified || info->doc.length_cp != doc_->meta.length_cp) {
        const text::Span sel = doc_view_.selection();
        doc_ = load_document(*project_, doc_->meta.id, cache_);
        doc_view_.set_selection(std::min(sel.start, doc_->length()), std::min(sel.end, doc_->length()));
      } else {
        store::CodingFilter f;
        f.doc = doc_->meta.id;
        doc_->set_codings(project_->codings(f), cache_);
      }
      if (doc_ && doc_view_.selected_coding() && !doc_->coding(*doc_view_.selected_coding()))
        doc_view_.select_coding(std::nullopt);
    }
    if (selected_code_ && !cache_.code(*selected_code_)) selected_code_.reset();
    ensure_pinned();
  });
}

// Keys 1..9 code with the pinned codes; by default the indicators in tree order.
void App::ensure_pinned() {
  std::erase_if(state_.pinned, [&](store::Id id) { return !cache_.code(id); });
  if (!state_.pinned.empty()) return;
  for (const auto& c : cache_.codes)
    if (c.code.kind == store::CodeKind::indicator && state_.pinned.size() < 9) state_.pinned.push_back(c.code.id);
  for (const auto& c : cache_.codes)
    if (state_.pinned.size() < 9 && c.code.kind != store::CodeKind::indicator &&
        c.code.kind != store::CodeKind::variable)
      state_.pinned.push_back(c.code.id);
}

std::optional<ImRect> App::code_row_rect(store::Id code) const {
  auto it = code_rows_.find(code);
  if (it == code_rows_.end()) return std::nullopt;
  return it->second;
}

void App::poll_tasks() {
  for (auto& r : tasks_.poll()) {
    if (r.error) {
      try {
        std::rethrow_exception(r.error);
      } catch (const std::exception& e) {
        set_status(r.title + ": " + e.what(), !r.cancelled);
      }
    } else if (r.then) {
      act(r.then);
    }
  }
}

// --- the frame -------------------------------------------------------------

void App::frame() {
  poll_tasks();
  refresh();
  tick_backups();
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
  if (!project_) {
    ImGui::BeginChild("##start", ImVec2(0, -status_h));
    draw_start_screen();
    ImGui::EndChild();
  } else {
    draw_toolbar();
    const float h = ImGui::GetContentRegionAvail().y - status_h;
    if (view_ == View::coding) {
      draw_coding_layout(h);
    } else {  // every other view gets the same body rectangle, one file each
      ImGui::BeginChild("##view", ImVec2(0, h));
      switch (view_) {
        case View::coding:
          break;
        case View::search:
          draw_search_view();
          break;
        case View::retrieval:
          draw_retrieval_view();
          break;
        case View::triangulation:
          draw_triangulation_view();
          break;
        case View::agreement:
          draw_agreement_view();
          break;
      }
      ImGui::EndChild();
    }
  }
  draw_status_line();
  draw_popups();
  ImGui::End();
  if (fonts_.ui) ImGui::PopFont();
  handle_shortcuts();
  note_settling();
  // Remember the place now and then, so a crash loses little (cheap: one small JSON file).
  if (opt_.remember && std::chrono::steady_clock::now() - last_save_ > std::chrono::seconds(30)) save_state();
}

// The views that later work fills in say so plainly instead of showing nothing.
void App::draw_not_available(S what) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float w = std::min(avail.x * 0.8f, ImGui::GetFontSize() * 32);
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - w) * 0.5f, ImGui::GetCursorPosY() + avail.y * 0.3f));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
  ImGui::TextUnformatted(tr(what));
  ImGui::TextDisabled("%s", tr(S::not_available_yet));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

PaneWidths fit_panes(float width, float left, float right, float bar, float min_pane, float min_centre) {
  // The side panes give way (in proportion) before the document drops below
  // min_centre; below min_pane each they stop, and only then the document
  // shrinks further. Nothing here changes what the user chose.
  left = std::max(left, min_pane);
  right = std::max(right, min_pane);
  const float sides = std::max(0.0f, width - 2 * bar - min_centre);
  if (left + right > sides && left + right > 0) {
    const float k = sides / (left + right);
    left = std::max(min_pane, left * k);
    right = std::max(min_pane, right * k);
  }
  // A tiny window: three equal shares, each at least a sliver.
  const float rest = width - 2 * bar - left - right;
  if (rest < 40.0f) {
    const float share = std::max(20.0f, (width - 2 * bar) / 3.0f);
    left = right = share;
  }
  const float centre = std::max(20.0f, width - 2 * bar - left - right);
  return {left, centre, right};
}

void App::draw_coding_layout(float height) {
  const float W = ImGui::GetContentRegionAvail().x;
  const float bar = std::round(6.0f * dpi_);
  const float min_pane = 140.0f * dpi_, min_centre = 320.0f * dpi_;
  const PaneWidths fit = fit_panes(W, state_.left_w * dpi_, state_.right_w * dpi_, bar, min_pane, min_centre);
  float left = fit.left, centre = fit.centre, right = fit.right;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::BeginChild("##browser", ImVec2(left, height), true);
  ImGui::PopStyleVar();
  draw_browser();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  // Only a dragged splitter changes the remembered widths: a small window
  // squeezes the panes for now, and the user's layout comes back with the space.
  const float max_left = std::max(left, W - right - 2 * bar - min_centre);
  if (widgets::splitter("##split_left", true, bar, &left, std::min(min_pane, left), max_left, height)) {
    state_.left_w = left / dpi_;
    centre = std::max(20.0f, W - left - right - 2 * bar);
  }
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##document", ImVec2(centre, height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_document();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  const float max_centre = std::max(centre, W - left - 2 * bar - min_pane);
  if (widgets::splitter("##split_right", true, bar, &centre, std::min(min_centre, centre), max_centre, height)) {
    right = std::max(20.0f, W - left - centre - 2 * bar);
    state_.right_w = right / dpi_;
  }
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##right", ImVec2(right, height), false);
  float cb = std::clamp(state_.codebook_frac, 0.15f, 0.85f) * height;
  ImGui::BeginChild("##codebook", ImVec2(right, cb), true);
  draw_codebook();
  ImGui::EndChild();
  widgets::splitter("##split_inspector", false, bar, &cb, height * 0.15f, height * 0.85f, right);
  ImGui::BeginChild("##inspector", ImVec2(right, 0), true);
  draw_inspector();
  ImGui::EndChild();
  ImGui::EndChild();
  state_.codebook_frac = cb / std::max(1.0f, height);
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  const bool busy = tasks_.busy();
  if (ImGui::BeginMenu(tr(S::menu_project))) {
    if (ImGui::MenuItem(tr(S::menu_new), "Ctrl+N", false, !busy))
      file_browser_.open(FileBrowser::Mode::new_project, {});
    if (ImGui::MenuItem(tr(S::menu_open), "Ctrl+O", false, !busy))
      file_browser_.open(FileBrowser::Mode::open_project, {});
    if (ImGui::BeginMenu(tr(S::menu_recent), !prefs_.recent.empty() && !busy)) {
      for (const auto& r : prefs_.recent)
        if (ImGui::MenuItem(r.c_str())) {
          open_project(r);
          break;
        }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::menu_import), "Ctrl+I", false, project_ && !busy))
      file_browser_.open(FileBrowser::Mode::import_files, {});
    if (ImGui::MenuItem(tr(S::agr_menu_merge), nullptr, false, project_ && !busy)) {
      view_ = View::agreement;  // the merge report is shown there
      agreement_view_->start_merge();
    }
    if (ImGui::MenuItem(tr(S::menu_close), nullptr, false, project_ && !busy)) close_project();
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::menu_quit), "Ctrl+Q")) quit_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::menu_edit), project_ != nullptr)) {
    const auto ul = project_->undo_label(), rl = project_->redo_label();
    const std::string u = std::string(tr(S::menu_undo)) + (ul ? ": " + *ul : "");
    const std::string r = std::string(tr(S::menu_redo)) + (rl ? ": " + *rl : "");
    if (ImGui::MenuItem(u.c_str(), "Ctrl+Z", false, ul.has_value() && !busy)) undo();
    if (ImGui::MenuItem(r.c_str(), "Ctrl+Shift+Z", false, rl.has_value() && !busy)) redo();
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::menu_find), "Ctrl+F", false, doc_ != nullptr)) doc_view_.open_find();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::menu_view))) {
    for (View v : kAllViews)
      if (ImGui::MenuItem(tr(view_label(v)), nullptr, view_ == v, project_ != nullptr)) view_ = v;
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::agr_blind_mode), nullptr, state_.blind, project_ != nullptr))
      agreement_view_->set_blind(!state_.blind);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::agr_blind_tip));
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::theme_light), nullptr, theme_ == Theme::light)) prefs_.theme = "light", apply_prefs();
    if (ImGui::MenuItem(tr(S::theme_dark), nullptr, theme_ == Theme::dark)) prefs_.theme = "dark", apply_prefs();
    ImGui::Separator();
    float size = prefs_.text_size;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat(tr(S::text_size), &size, 10.0f, 32.0f, "%.0f");
    if (ImGui::IsItemDeactivatedAfterEdit() || (size != prefs_.text_size && !ImGui::IsItemActive())) {
      prefs_.text_size = std::round(size);
      fonts_dirty_ = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("English", nullptr, language() == Lang::en)) prefs_.language = "en", apply_prefs();
    if (ImGui::MenuItem("Bahasa Indonesia", nullptr, language() == Lang::id)) prefs_.language = "id", apply_prefs();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::menu_help))) {
    ImGui::TextDisabled("%s", tr(S::help_shortcuts_title));
    ImGui::TextUnformatted(tr(S::help_shortcuts));
    ImGui::Separator();
    ImGui::TextDisabled("Telaah 0.1.0 \xC2\xB7 Dear ImGui %s \xC2\xB7 %s", IMGUI_VERSION, fonts_.description.c_str());
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void App::draw_toolbar() {
  for (View v : kAllViews) {
    const bool on = view_ == v;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(tr(view_label(v)))) view_ = v;
    if (on) ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  const bool busy = tasks_.busy();
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::BeginDisabled(!project_->can_undo() || busy);
  if (ImGui::Button(tr(S::button_undo))) undo();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    if (auto l = project_->undo_label()) ImGui::SetTooltip("%s: %s (Ctrl+Z)", tr(S::menu_undo), l->c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(!project_->can_redo() || busy);
  if (ImGui::Button(tr(S::button_redo))) redo();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    if (auto l = project_->redo_label()) ImGui::SetTooltip("%s: %s (Ctrl+Shift+Z)", tr(S::menu_redo), l->c_str());

  // The coder of this session: every new coding is theirs.
  const float combo_w = ImGui::GetFontSize() * 11;
  const float blind_w =
      state_.blind ? ImGui::CalcTextSize(tr(S::agr_blind_on)).x + ImGui::GetStyle().ItemSpacing.x * 2 : 0;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - combo_w - ImGui::CalcTextSize(tr(S::label_coder)).x -
                  ImGui::GetStyle().ItemSpacing.x - blind_w);
  ImGui::AlignTextToFramePadding();
  if (state_.blind) {  // blind mode is on: say so where the coder is chosen
    ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1.0f), "%s", tr(S::agr_blind_on));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::agr_blind_on_tip));
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
  }
  ImGui::TextUnformatted(tr(S::label_coder));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_w);
  if (ImGui::BeginCombo("##coder", project_->coder().c_str())) {
    for (const auto& c : cache_.coders)
      if (ImGui::Selectable(c.name.c_str(), c.name == project_->coder())) act([&] { project_->set_coder(c.name); });
    ImGui::Separator();
    if (ImGui::Selectable(tr(S::new_coder))) new_coder_open_ = true;
    ImGui::EndCombo();
  }
}

void App::draw_status_line() {
  ImGui::Separator();
  const auto running = tasks_.running();
  if (!running.empty()) {
    const auto& t = running.front();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(t.title.c_str());
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(t.fraction), ImVec2(ImGui::GetFontSize() * 12, 0), t.message.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::cancel))) tasks_.cancel_all();
    ImGui::SameLine();
  }
  char buf[96] = "";
  if (project_) std::snprintf(buf, sizeof buf, tr(S::status_saved_rev), static_cast<long long>(cache_.revision));
  // The message gives way to the saved / revision note at the right (they were drawn over each other).
  const float saved_w = project_ ? ImGui::CalcTextSize(buf).x + ImGui::GetFontSize() : 0.0f;
  const float room = ImGui::GetContentRegionMax().x - ImGui::GetCursorPosX() - saved_w;
  const std::string text = widgets::ellipsize(status_.text, std::max(0.0f, room));
  if (status_.error)
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
  if (text != status_.text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", status_.text.c_str());
  if (project_) {
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(buf).x);
    ImGui::TextDisabled("%s", buf);
  }
}

void App::handle_shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput;
  const bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  const bool busy = tasks_.busy();
  // Letter keys: GLFW's key codes for letters are their ASCII capitals
  // (the platform layer checks this at compile time).
  auto key = [](int k) { return ImGui::IsKeyPressed(k, false); };
  const int kZ = ImGui::GetKeyIndex(ImGuiKey_Z), kY = ImGui::GetKeyIndex(ImGuiKey_Y);
  if (io.KeyCtrl && key('Q')) quit_ = true;
  if (popup || busy) return;
  if (io.KeyCtrl && key('O')) file_browser_.open(FileBrowser::Mode::open_project, {});
  if (io.KeyCtrl && key('N')) file_browser_.open(FileBrowser::Mode::new_project, {});
  if (!project_) return;
  if (io.KeyCtrl && key('I')) file_browser_.open(FileBrowser::Mode::import_files, {});
  if (io.KeyCtrl && io.KeyShift && key('F')) {
    view_ = View::search;
    search_view_->focus_query();
  } else if (io.KeyCtrl && key('F') && doc_) {
    doc_view_.open_find();
  }
  if (typing) return;
  if (io.KeyCtrl && key(kZ)) io.KeyShift ? redo() : undo();
  if (io.KeyCtrl && key(kY)) redo();
  const auto sel_coding = doc_view_.selected_coding();
  if (key(ImGui::GetKeyIndex(ImGuiKey_Delete)) && sel_coding) remove_coding(*sel_coding);
  if (io.KeyCtrl || io.KeyAlt) return;
  for (ImWchar c : io.InputQueueCharacters) {
    if (c >= '1' && c <= '9') {
      const size_t n = static_cast<size_t>(c - '1');
      if (n < state_.pinned.size()) code_selection(state_.pinned[n]);
    } else if ((c == '+' || c == '=') && sel_coding) {
      set_stance(*sel_coding, store::Stance::supports);
    } else if ((c == '-' || c == 0x2212) && sel_coding) {
      set_stance(*sel_coding, store::Stance::contradicts);
    } else if (c == '0' && sel_coding) {
      set_stance(*sel_coding, store::Stance::neutral);
    } else if ((c == 'q' || c == 'Q') && doc_view_.has_selection()) {
      quick_open_ = true;
    } else if ((c == 'i' || c == 'I') && doc_view_.has_selection()) {
      code_in_vivo();
    } else if ((c == 'm' || c == 'M') && sel_coding) {
      memo_coding_ = *sel_coding;
      memo_open_ = true;
    }
  }
}

}  // namespace telaah::ui
