// The Workspace: the project's lifetime, the open document, the status line,
// the error boundary, events and the remembered per-project state (see workspace.h).
#include "ui/shell/workspace.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "store/stats.h"
#include "text/utf8.h"
#include "ui/shell/per_revision.h"
#include "ui/shell/strings.h"

namespace fs = std::filesystem;

namespace telaah::ui {

struct Workspace::Listeners {
  size_t next = 1;
  std::map<size_t, std::pair<Event, std::function<void()>>> by_id;
};

Workspace::Subscription::~Subscription() {
  if (auto l = std::static_pointer_cast<Listeners>(list_.lock())) l->by_id.erase(id_);
}

Workspace::Workspace(WorkspaceOptions opt) : opt_(opt), listeners_(std::make_shared<Listeners>()) {
  for (int i = 0; i < static_cast<int>(S::COUNT); ++i) glyphs_.add_text(tr(static_cast<S>(i)));
}

Workspace::~Workspace() {
  save_state();
  tasks_.cancel_all();
}

Workspace::Subscription Workspace::subscribe(Event e, std::function<void()> f) {
  Subscription s;
  const size_t id = listeners_->next++;
  listeners_->by_id[id] = {e, std::move(f)};
  s.list_ = listeners_;
  s.id_ = id;
  return s;
}

void Workspace::notify(Event e) {
  // A copy: a listener may subscribe or unsubscribe.
  std::vector<std::function<void()>> fs;
  for (const auto& [id, l] : listeners_->by_id)
    if (l.first == e) fs.push_back(l.second);
  for (auto& f : fs) f();
}

// --- status and the error boundary --------------------------------------------

void Workspace::set_status(std::string text, bool error) {
  status_ = {std::move(text), error, -1, std::chrono::steady_clock::now()};
}

void Workspace::set_undoable_status(std::string text) {
  set_status(std::move(text));
  if (project_) act([&] { status_.undo_revision = project_->revision(); });
}

bool Workspace::status_offers_undo() const {
  if (!project_ || status_.undo_revision < 0 || status_.error) return false;
  // The Undo link stands for the action the message reports: only while it is the last one.
  return cache_.revision == status_.undo_revision && project_->can_undo();
}

bool Workspace::act(const std::function<void()>& f) {
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

// --- the project ---------------------------------------------------------------

bool Workspace::open_project(const fs::path& file) {
  std::unique_ptr<store::Project> p;
  try {
    p = store::Project::open(file);
  } catch (const ProjectLocked& e) {
    alert_ = e.what();
    return false;
  } catch (const UserError& e) {
    alert_ = e.what();
    return false;
  } catch (const std::exception& e) {
    alert_ = std::string(tr(S::error_open)) + file.string() + ": " + e.what();
    return false;
  }
  adopt_project(std::move(p));
  return project_ != nullptr;
}

bool Workspace::create_project(const fs::path& file) {
  std::unique_ptr<store::Project> p;
  try {
    store::OpenOptions o;
    o.create = true;
    p = store::Project::create(file, o);
  } catch (const std::exception& e) {
    alert_ = e.what();
    return false;
  }
  adopt_project(std::move(p));
  return project_ != nullptr;
}

void Workspace::adopt_project(std::unique_ptr<store::Project> p) {
  close_project();
  project_ = std::move(p);
  if (!project_) return;
  project_->on_commit([this](int64_t) {
    rev_changed_ = true;
    notify(Event::revision);
  });
  if (!act([&] { project_id_ = project_->project_id(); })) project_id_.clear();
  state_ = opt_.remember ? load_project_state(project_id_) : ProjectUiState{};
  if (!state_.coder.empty()) act([&] { project_->set_coder(state_.coder); });
  shown_ = state_.view.empty() ? "coding" : state_.view;
  opened_at_ = std::chrono::steady_clock::now();
  large_ = false;
  act([&] { large_ = store::size_estimate(*project_) >= Offload::limit; });
  rev_changed_ = true;
  if (large_) {
    // The window is usable at once; the lists come from a worker (a reload
    // at 100,000 documents took seconds on the UI thread).
    start_cache_load();
    notify(Event::project);
  } else {
    refresh();
    notify(Event::project);
    after_first_load();
  }
  std::string opened = std::string(tr(S::status_opened)) + project_->path().filename().string();
  for (const auto& n : project_->notices())
    opened += ". " + std::string(tr(S::status_notice)) + n;  // e.g. a foreign -wal moved aside
  set_status(opened, !project_->notices().empty());
}

void Workspace::after_first_load() {
  if (state_.open_doc && cache_.doc(state_.open_doc))
    open_document(state_.open_doc, state_.top_cp);
  else if (!cache_.docs.empty())
    open_document(cache_.docs.front().doc.id);  // first visit: something to read
}

namespace {

// Every character of the titles and code names, once each: what the fonts need.
std::string distinct_chars(const ProjectCache& c) {
  std::set<char32_t> seen;
  auto add = [&](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      if (static_cast<unsigned char>(s[i]) < 0x80) {
        seen.insert(static_cast<char32_t>(s[i++]));
        continue;
      }
      seen.insert(text::decode_next(s, i));
    }
  };
  for (const auto& d : c.docs) add(d.doc.title);
  for (const auto& k : c.codes) add(k.code.name);
  std::string out;
  for (char32_t cp : seen) text::append_utf8(out, cp);
  return out;
}

}  // namespace

// The whole cache on a worker through its own snapshot; meanwhile the window
// draws (the first time with empty lists and the task's progress), and
// writes go on. The result is then brought up to date from the change log
// like any other revision.
void Workspace::start_cache_load() {
  loading_ = true;
  const uint64_t gen = ++load_gen_;
  const fs::path file = project_->path();
  tasks_.start(
      tr(S::task_loading),
      [this, file, gen](TaskProgress& tp) -> std::function<void()> {
        Offload::wait_if_held();
        tp.set(0.0, file.filename().string());
        auto c = std::make_shared<ProjectCache>();
        std::string err;
        auto chars = std::make_shared<std::string>();
        try {
          const auto snapshot = store::Project::open_snapshot(file);
          c->reload(*snapshot);
          *chars = distinct_chars(*c);
        } catch (const std::exception& e) {
          err = e.what();
        }
        return [this, c, chars, gen, err] {
          if (gen != load_gen_ || !project_) return;  // another project meanwhile
          loading_ = false;
          if (!err.empty()) {  // read it in the frame instead
            large_ = false;
            set_status(std::string(tr(S::task_loading)) + ": " + err, true);
          } else {
            cache_ = std::move(*c);
            need_glyphs(*chars);
          }
          rev_changed_ = true;
          refresh();  // what was written meanwhile, from the change log
          if (!doc_) after_first_load();
          notify(Event::revision);
          keep_drawing();
        };
      },
      TaskRunner::Kind::awaited);
}

void Workspace::close_project() {
  if (!project_) return;
  const std::string name = project_->path().filename().string();
  save_state();
  doc_.reset();
  doc_view_.reset();
  selected_code_.reset();
  project_.reset();
  project_id_.clear();
  cache_ = ProjectCache{};
  ++load_gen_;  // a load on its way belongs to this project
  loading_ = large_ = false;
  state_ = ProjectUiState{};
  backups_ = store::BackupScheduler{};
  notify(Event::project);
  set_status(tr(S::status_closed) + name);  // not the stale "Opened ..." of the project just closed
}

fs::path Workspace::project_path() const {
  return project_ ? project_->path() : fs::path();
}

void Workspace::save_state() {
  if (!opt_.remember || !project_) return;
  state_.open_doc = doc_ ? doc_->meta.id : 0;
  state_.top_cp = doc_ ? doc_view_.top_cp() : 0;
  state_.view = shown_;
  state_.coder = project_->coder();
  save_project_state(project_id_, state_);
}

// --- the open document ------------------------------------------------------------

void Workspace::set_find_query(std::optional<std::string> q) {
  find_query_ = std::move(q);
  if (doc_ && find_query_ && !find_query_->empty()) doc_view_.set_find_query(*find_query_);
}

bool Workspace::open_document(store::Id id, std::optional<int64_t> cp) {
  if (!project_) return false;
  const bool ok = act([&] {
    auto d = load_document(*project_, id, cache_);
    doc_view_.reset();
    doc_ = std::move(d);
    if (cp) doc_view_.jump_to(*cp, false, 0.0f);
    need_glyphs(doc_->text);
    need_glyphs(doc_->meta.title);
    if (find_query_ && !find_query_->empty()) doc_view_.set_find_query(*find_query_);
    state_.open_doc = id;
  });
  if (ok) notify(Event::document);
  return ok;
}

bool Workspace::show_passage(store::Id doc, int64_t start, int64_t end, std::optional<store::Id> coding, float align) {
  find_query_.reset();  // a --query was for the view that opened it, not for find-in-document
  if (!open_document(doc, start)) return false;
  doc_view_.jump_to(start, false, align);
  if (coding)
    doc_view_.select_coding(*coding);
  else
    doc_view_.set_selection(start, end);
  show_view(View::coding);
  return true;
}

// Reloads what the views show when the project's revision moved (any action,
// undo or redo, from this window): the cache from the change log; when it is
// far behind on a large project (a large import or its undo) a whole reload
// on a worker, the old lists shown meanwhile.
void Workspace::refresh() {
  if (!project_ || !rev_changed_) return;
  if (loading_) {  // the cache comes from a worker (then catches up itself); the open document follows at once
    rev_changed_ = false;
    refresh_document();
    return;
  }
  rev_changed_ = false;
  act([&] {
    const ProjectCache::Delta delta = cache_.update(*project_, !large_);  // from the change log, not a reload
    if (delta.behind) {
      start_cache_load();
      refresh_document();
      return;
    }
    if (delta.full)
      for (const auto& d : cache_.docs) need_glyphs(d.doc.title);
    for (store::Id id : delta.docs)
      if (const DocInfo* d = cache_.doc(id)) need_glyphs(d->doc.title);
    for (const auto& c : cache_.codes) need_glyphs(c.code.name);
    refresh_document();
    if (selected_code_ && !cache_.code(*selected_code_)) selected_code_.reset();
    ensure_pinned();
  });
}

void Workspace::refresh_document() {
  if (!doc_) return;
  act([&] {
    const auto live =
        project_->documents(std::vector<store::Id>{doc_->meta.id});  // one row, even while the cache loads
    const store::Document* meta = live.empty() ? nullptr : &live.front();
    if (!meta) {
      doc_.reset();
      doc_view_.reset();
    } else if (meta->modified != doc_->meta.modified || meta->length_cp != doc_->meta.length_cp) {
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
  });
}

// Keys 1..9 code with the pinned codes; by default the indicators in tree order.
void Workspace::ensure_pinned() {
  std::erase_if(state_.pinned, [&](store::Id id) { return !cache_.code(id); });
  if (!state_.pinned.empty()) return;
  for (const auto& c : cache_.codes)
    if (c.code.kind == store::CodeKind::indicator && state_.pinned.size() < 9) state_.pinned.push_back(c.code.id);
  for (const auto& c : cache_.codes)
    if (state_.pinned.size() < 9 && c.code.kind != store::CodeKind::indicator &&
        c.code.kind != store::CodeKind::variable)
      state_.pinned.push_back(c.code.id);
}

// --- tasks, glyphs -----------------------------------------------------------------

void Workspace::poll_tasks() {
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

bool Workspace::need_glyphs(std::string_view utf8) {
  const bool added = glyphs_.add_text(utf8);
  glyphs_changed_ |= added;
  return added;
}

bool Workspace::take_glyphs_changed() {
  const bool c = glyphs_changed_;
  glyphs_changed_ = false;
  return c;
}

bool Workspace::take_keep_drawing() {
  const bool c = settle_request_;
  settle_request_ = false;
  return c;
}

std::vector<std::pair<fs::path, std::string>> Workspace::take_import_skipped() {
  return std::exchange(import_skipped_, {});
}

}  // namespace telaah::ui
