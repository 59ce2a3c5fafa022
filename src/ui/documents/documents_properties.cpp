// The documents view's properties pane (one document: its fields and typed
// attributes, saved as one action; several: bulk changes, each one action)
// and its popups (delete with the count of codings, a new set, renaming a set).
#include <algorithm>
#include <cstdio>

#include "ui/documents/view_documents.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

const char* kTypes[] = {"text", "number", "date", "boolean"};

int type_index(const std::string& t) {
  for (int i = 0; i < 4; ++i)
    if (t == kTypes[i]) return i;
  return 0;
}

const char* type_label(int i) {
  const S s[] = {S::docs_type_text, S::docs_type_number, S::docs_type_date, S::docs_type_boolean};
  return tr(s[std::clamp(i, 0, 3)]);
}

bool type_combo(const char* id, int* t) {
  bool changed = false;
  if (ImGui::BeginCombo(id, type_label(*t))) {
    for (int i = 0; i < 4; ++i)
      if (ImGui::Selectable(type_label(i), *t == i)) *t = i, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

void label(const char* text) {
  ImGui::TextDisabled("%s", text);
}

bool same_attrs(const std::vector<store::Attribute>& a, const std::vector<store::Attribute>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].value != b[i].value || (a[i].type.empty() ? "text" : a[i].type) != b[i].type)
      return false;
  return true;
}

}  // namespace

DocumentsView::Draft DocumentsView::draft_from(store::Id id) const {
  Draft d;
  d.doc = id;
  if (const DocInfo* di = ws_.cache().doc(id)) {
    d.edit = {di->doc.title, di->doc.source_type, di->doc.language, di->doc.date, di->doc.author, di->attributes};
    d.date_text = di->doc.date;
  }
  return d;
}

bool DocumentsView::draft_dirty() const {
  if (draft_.doc == 0) return false;
  const DocInfo* di = ws_.cache().doc(draft_.doc);
  if (!di) return false;
  const store::DocumentEdit& e = draft_.edit;
  return e.title != di->doc.title || e.source_type != di->doc.source_type || e.language != di->doc.language ||
         draft_.date_text != di->doc.date || e.author != di->doc.author || !same_attrs(e.attributes, di->attributes);
}

bool DocumentsView::save_draft() {
  if (!draft_dirty()) return true;
  date_error_.clear();
  save_error_.clear();
  const auto date = parse_date_input(draft_.date_text);
  if (!date) {
    date_error_ = tr(S::docs_bad_date);
    return false;
  }
  draft_.edit.date = *date;
  const store::Id id = draft_.doc;
  const store::DocumentEdit e = draft_.edit;
  char done[512];
  std::snprintf(done, sizeof done, tr(S::docs_saved_fmt), e.title.c_str());
  if (!ws_.write([&](store::Project& p) { store::edit_document(p, id, e); }, done)) {
    save_error_ = ws_.status().text;  // the model's sentence, shown in place too
    if (save_error_.find("date") != std::string::npos) date_error_ = save_error_;
    return false;
  }
  draft_ = draft_from(id);  // the date as stored ("18 Mei 2011" -> 2011-05-18)
  return true;
}

void DocumentsView::save_drafts() {
  save_draft();
  save_memo(doc_memo_);
  save_memo(project_memo_);
}

bool DocumentsView::has_unsaved_draft() const {
  return draft_dirty() || doc_memo_.dirty() || project_memo_.dirty();
}

void DocumentsView::draw_properties() {
  ImGui::TextUnformatted(tr(S::docs_properties));
  ImGui::Separator();
  if (selected_.size() == 1 && ws_.cache().doc(*selected_.begin())) {
    draw_single(*selected_.begin());
  } else {
    if (draft_.doc != 0 && !save_draft()) {  // the selection moved away from typed, refused properties: back to them
      if (ws_.cache().doc(draft_.doc)) {
        select({draft_.doc});
        return;
      }
    }
    if (!draft_dirty()) draft_ = Draft{};
    if (doc_memo_.loaded && save_memo(doc_memo_)) doc_memo_ = MemoDraft{};  // no single document: its memo saved
    if (selected_.size() > 1)
      draw_bulk();
    else {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", tr(S::docs_nothing_selected));
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::Spacing();
  ImGui::Separator();
  draw_memo(project_memo_, "project", 0, std::string(tr(S::menu_project)) + " \xC2\xB7 " + tr(S::label_memo),
            "memo:project");
}

void DocumentsView::draw_single(store::Id id) {
  if (draft_.doc != id) {
    if (draft_.doc != 0 && !save_draft() && ws_.cache().doc(draft_.doc)) {
      select({draft_.doc});  // refused (shown in place): back to the document typed in
      return;
    }
    draft_ = draft_from(id);
    date_error_.clear();
    save_error_.clear();
  } else if (!draft_dirty()) {
    draft_ = draft_from(id);  // follow the project (undo, redo, a bulk change) while nothing is typed
  }
  const DocInfo* di = ws_.cache().doc(id);
  if (!di) return;
  bool commit = false;  // a field finished (Enter, or the keyboard left it): save now
  ImGui::PushID(static_cast<int>(id));
  ImGui::PushItemWidth(-1);
  label(tr(S::label_title));
  if (focus_title_) {
    ImGui::SetKeyboardFocusHere();
    focus_title_ = false;
  }
  widgets::input_text("##title", &draft_.edit.title);
  remember("title");
  commit |= ImGui::IsItemDeactivatedAfterEdit();
  label(tr(S::label_type));
  if (ImGui::BeginCombo("##type", source_type_label(draft_.edit.source_type).c_str())) {
    for (const auto& t : ws_.cache().source_types)
      if (ImGui::Selectable(source_type_label(t.name).c_str(), t.name == draft_.edit.source_type)) {
        draft_.edit.source_type = t.name;
        commit = true;
      }
    ImGui::EndCombo();
  }
  remember("type");
  label(tr(S::label_date));
  widgets::input_text_hint("##date", "2011-05-18", &draft_.date_text);
  remember("date");
  if (ImGui::IsItemDeactivatedAfterEdit()) commit = true;
  if (!date_error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", date_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  label(tr(S::docs_col_author));
  widgets::input_text("##author", &draft_.edit.author);
  remember("author");
  commit |= ImGui::IsItemDeactivatedAfterEdit();
  label(tr(S::label_language));
  widgets::input_text_hint("##language", "id, en", &draft_.edit.language);
  remember("language");
  commit |= ImGui::IsItemDeactivatedAfterEdit();
  if (!di->doc.original_name.empty()) {
    label(tr(S::docs_file));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(di->doc.original_name.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::PopItemWidth();

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(S::docs_attributes));
  ImGui::Separator();
  std::optional<size_t> remove;
  const float em = ImGui::GetFontSize();
  for (size_t i = 0; i < draft_.edit.attributes.size(); ++i) {
    store::Attribute& a = draft_.edit.attributes[i];
    ImGui::PushID(static_cast<int>(i));
    label(a.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", type_label(type_index(a.type)));
    if (a.type == "boolean") {
      bool on = a.value == "true";
      if (ImGui::Checkbox("##bool", &on)) {
        a.value = on ? "true" : "false";
        commit = true;
      }
    } else {
      ImGui::SetNextItemWidth(std::max(em * 4, ImGui::GetContentRegionAvail().x - em * 5));
      widgets::input_text("##value", &a.value);
      commit |= ImGui::IsItemDeactivatedAfterEdit();
    }
    remember("attr:value:" + a.name);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::docs_attr_remove))) remove = i;
    remember("attr:remove:" + a.name);
    ImGui::PopID();
  }
  if (remove) {
    draft_.edit.attributes.erase(draft_.edit.attributes.begin() + static_cast<long>(*remove));
    commit = true;
  }
  // A new attribute: name, type, value.
  ImGui::SetNextItemWidth(em * 7);
  widgets::input_text_hint("##newname", tr(S::docs_attr_name), &new_attr_name_);
  remember("attr:new:name");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 5.5f);
  type_combo("##newtype", &new_attr_type_);
  ImGui::SetNextItemWidth(std::max(em * 4, ImGui::GetContentRegionAvail().x));
  widgets::input_text_hint("##newvalue", new_attr_type_ == 3 ? "true / false" : tr(S::docs_attr_value),
                           &new_attr_value_);
  remember("attr:new:value");
  ImGui::BeginDisabled(new_attr_name_.empty());
  if (ImGui::Button(tr(S::docs_attr_add))) {
    auto& attrs = draft_.edit.attributes;
    std::erase_if(attrs, [&](const store::Attribute& a) { return a.name == new_attr_name_; });
    attrs.push_back({new_attr_name_, kTypes[new_attr_type_], new_attr_value_});
    std::sort(attrs.begin(), attrs.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    commit = true;
  }
  remember("attr:add");
  ImGui::EndDisabled();

  ImGui::Spacing();
  ImGui::Separator();
  const bool dirty = draft_dirty();
  ImGui::BeginDisabled(!dirty);
  if (ImGui::Button(tr(S::docs_save))) commit = true;
  remember("save");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::docs_revert))) {
    draft_ = draft_from(id);
    date_error_.clear();
    save_error_.clear();
  }
  remember("revert");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(S::docs_open))) {
    ws_.show_view(View::coding);
    ws_.open_document(id);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(S::docs_delete))) delete_selection();
  remember("delete");
  if (!save_error_.empty() && save_error_ != date_error_) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", save_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  draw_memo(doc_memo_, "document", id, tr(S::label_memo), "memo:doc");
  ImGui::PopID();
  if (commit && draft_dirty() && save_draft()) {
    new_attr_name_.clear();
    new_attr_value_.clear();
  }
}

void DocumentsView::draw_bulk() {
  const auto ids = selected_ids();
  const long long n = static_cast<long long>(ids.size());
  ImGui::Text(tr(S::docs_bulk_title_fmt), n);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(S::docs_bulk_note));
  ImGui::PopTextWrapPos();
  const float em = ImGui::GetFontSize();
  auto done = [&](S what) {
    char b[256];
    std::snprintf(b, sizeof b, tr(S::docs_edited_bulk_fmt), tr(what), n);
    return std::string(b);
  };
  auto run = [&](const std::function<void(store::Project&)>& f, S what) {
    bulk_error_.clear();
    if (!ws_.write(f, done(what))) bulk_error_ = ws_.status().text;
  };
  const auto& types = ws_.cache().source_types;
  // Source type.
  ImGui::Spacing();
  label(tr(S::docs_bulk_type));
  bulk_type_ = std::clamp(bulk_type_, 0, std::max(0, static_cast<int>(types.size()) - 1));
  ImGui::SetNextItemWidth(std::max(em * 5, ImGui::GetContentRegionAvail().x - em * 5));
  if (ImGui::BeginCombo("##bulktype",
                        types.empty() ? "" : source_type_label(types[static_cast<size_t>(bulk_type_)].name).c_str())) {
    for (size_t i = 0; i < types.size(); ++i)
      if (ImGui::Selectable(source_type_label(types[i].name).c_str(), static_cast<int>(i) == bulk_type_))
        bulk_type_ = static_cast<int>(i);
    ImGui::EndCombo();
  }
  remember("bulk:type");
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::docs_apply)) + "##type").c_str()) && !types.empty()) {
    const std::string t = types[static_cast<size_t>(bulk_type_)].name;
    run([&](store::Project& p) { store::set_documents_field(p, ids, "source_type", t); }, S::docs_bulk_type);
  }
  remember("bulk:type:apply");
  // Language.
  label(tr(S::docs_bulk_language));
  ImGui::SetNextItemWidth(std::max(em * 5, ImGui::GetContentRegionAvail().x - em * 5));
  widgets::input_text_hint("##bulklang", "id, en", &bulk_language_);
  remember("bulk:language");
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::docs_apply)) + "##lang").c_str())) {
    const std::string l = bulk_language_;
    run([&](store::Project& p) { store::set_documents_field(p, ids, "language", l); }, S::docs_bulk_language);
  }
  remember("bulk:language:apply");
  // Attribute.
  label(tr(S::docs_bulk_attribute));
  ImGui::SetNextItemWidth(em * 7);
  widgets::input_text_hint("##bulkattr", tr(S::docs_attr_name), &bulk_attr_name_);
  remember("bulk:attr:name");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 5.5f);
  type_combo("##bulkattrtype", &bulk_attr_type_);
  ImGui::SetNextItemWidth(std::max(em * 5, ImGui::GetContentRegionAvail().x - em * 5));
  widgets::input_text_hint("##bulkvalue", bulk_attr_type_ == 3 ? "true / false" : tr(S::docs_attr_value),
                           &bulk_attr_value_);
  remember("bulk:attr:value");
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::docs_apply)) + "##attr").c_str())) {
    std::string value = bulk_attr_value_;
    if (bulk_attr_type_ == 2)
      if (auto d = parse_date_input(value)) value = *d;
    const store::Attribute a{bulk_attr_name_, kTypes[bulk_attr_type_], value};
    run([&](store::Project& p) { store::set_documents_attribute(p, ids, a); }, S::docs_bulk_attribute);
  }
  remember("bulk:attr:apply");
  ImGui::BeginDisabled(bulk_attr_name_.empty());
  if (ImGui::SmallButton(tr(S::docs_bulk_remove_attribute))) {
    const std::string name = bulk_attr_name_;
    run([&](store::Project& p) { store::remove_documents_attribute(p, ids, name); }, S::docs_bulk_remove_attribute);
  }
  remember("bulk:attr:remove");
  ImGui::EndDisabled();
  if (!bulk_error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", bulk_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  ImGui::Separator();
  if (ImGui::Button(tr(S::docs_delete))) delete_selection();
  remember("delete");
}

void DocumentsView::draw_popups() {
  using widgets::centre_next;
  using widgets::ok_cancel;
  if (confirm_delete_) {
    confirm_delete_ = false;
    deleting_ = selected_ids();
    if (!deleting_.empty()) ImGui::OpenPopup("###deletedocs");
  }
  centre_next(30);
  if (ImGui::BeginPopupModal((std::string(tr(S::docs_delete_title)) + "###deletedocs").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    long long codings = 0;
    std::string title;
    for (store::Id id : deleting_)
      if (const DocInfo* d = ws_.cache().doc(id)) codings += d->codings, title = d->doc.title;
    char b[1024];
    if (deleting_.size() == 1)
      std::snprintf(b, sizeof b, tr(S::docs_delete_one_fmt), title.c_str(), codings);
    else
      std::snprintf(b, sizeof b, tr(S::docs_delete_many_fmt), static_cast<long long>(deleting_.size()), codings);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(b);
    ImGui::PopTextWrapPos();
    const int r = ok_cancel(tr(S::button_delete));
    rects_["delete:confirm"] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (r == 1) {
      const auto ids = deleting_;
      draft_ = Draft{};  // the properties of a document about to go are not saved
      char done[128];
      std::snprintf(done, sizeof done, tr(S::docs_deleted_fmt), static_cast<long long>(ids.size()));
      if (ws_.write([&](store::Project& p) { store::delete_documents(p, ids); }, done)) selected_.clear();
    }
    ImGui::EndPopup();
  }

  if (new_set_open_ || rename_set_open_) {
    ImGui::OpenPopup("###newset");
    renaming_set_ = rename_set_open_;
    new_set_open_ = rename_set_open_ = false;
  }
  const bool renaming = renaming_set_;
  centre_next(24);
  if (ImGui::BeginPopupModal(
          (std::string(tr(renaming ? S::docs_set_rename : S::docs_set_new_title)) + "###newset").c_str(), nullptr,
          ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(tr(S::docs_set_name));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    const bool enter = widgets::input_text("##setname", &new_set_name_, ImGuiInputTextFlags_EnterReturnsTrue);
    remember("sets:new:name");
    const int r = ok_cancel(tr(S::ok), !new_set_name_.empty());
    rects_["sets:new:ok"] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (r == 1 || (enter && !new_set_name_.empty())) {
      const std::string name = new_set_name_;
      char done[256];
      if (renaming && set_filter_) {
        const store::Id set = *set_filter_;
        std::snprintf(done, sizeof done, tr(S::docs_set_renamed_fmt), name.c_str());
        ws_.write([&](store::Project& p) { store::rename_doc_set(p, set, name); }, done);
      } else {
        const auto ids = selected_ids();
        std::snprintf(done, sizeof done, tr(S::docs_set_created_fmt), name.c_str());
        store::Id made = 0;
        // The set and its first members: one action.
        if (ws_.write(
                [&](store::Project& p) {
                  auto a = p.begin_action("Create document set " + name);
                  made = store::create_doc_set(p, name);
                  if (!ids.empty()) store::add_to_doc_set(p, made, ids);
                  a.commit();
                },
                done)) {
          set_filter_ = made;
          sets_rev_ = -1;
        }
      }
      if (enter) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace telaah::ui
