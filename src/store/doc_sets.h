// Document sets (schema 5, issue 22): named, saved selections of documents
// that the views can filter by. A document may be in several sets. Every
// change is one undoable action; bad input is a ValidationError or NotFound
// and changes nothing. Deleting a document takes its membership rows in the
// same action (undo brings them back); members of a deleted document are
// never listed or counted.
//
// Also here: edits of many documents at once (bulk source type, language,
// attribute; delete), each ONE action, and a document's properties saved
// together as one action (document_edit.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

struct DocSet {
  Id id = 0;
  std::string name, memo, created;
  int64_t size = 0;  // live member documents
};

std::vector<DocSet> doc_sets(const Project& p);                   // by name
DocSet doc_set(const Project& p, const std::string& name_or_id);  // NotFound
Id create_doc_set(Project& p, const std::string& name);           // a unique, non-blank name
void rename_doc_set(Project& p, Id set, const std::string& name);
void delete_doc_set(Project& p, Id set);  // with its membership rows (the documents stay)
// Adds the live documents among `docs` not yet in the set; returns how many were added.
int64_t add_to_doc_set(Project& p, Id set, const std::vector<Id>& docs);
// Removes those among `docs` that are members; returns how many were removed.
int64_t remove_from_doc_set(Project& p, Id set, const std::vector<Id>& docs);
std::vector<Id> doc_set_members(const Project& p, Id set);  // live documents, by id

// --- document edits (document_edit.cpp) ---

// Everything the properties pane edits. Only what differs from the stored
// document is written; nothing differing: no action.
struct DocumentEdit {
  std::string title, source_type, language, date, author;
  std::vector<Attribute> attributes;  // the whole list: names missing are removed
};
// One action ("Edit document TITLE"); validated before anything is written.
// Returns false when nothing changed.
bool edit_document(Project& p, Id doc, const DocumentEdit& e);
// One field (title, language, date, author, source_type) set on many documents: one action.
void set_documents_field(Project& p, const std::vector<Id>& docs, const std::string& field, const std::string& value);
// One attribute set (added or replaced) on many documents: one action.
void set_documents_attribute(Project& p, const std::vector<Id>& docs, const Attribute& a);
// One attribute removed from those of `docs` that have it: one action; returns how many had it.
int64_t remove_documents_attribute(Project& p, const std::vector<Id>& docs, const std::string& name);
// Many documents deleted (with their codings hidden, their set memberships removed): one action.
void delete_documents(Project& p, const std::vector<Id>& docs);
// Codings on these live documents (what a deletion takes with it).
int64_t codings_on_documents(const Project& p, const std::vector<Id>& docs);
// Names of the attributes the live documents carry, with their type (the first seen), by name.
std::vector<std::pair<std::string, std::string>> attribute_names(const Project& p);

}  // namespace telaah::store
