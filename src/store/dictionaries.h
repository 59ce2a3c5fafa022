// Content-analysis dictionaries (schema 7, issue 23): named term lists, one
// per indicator or free-standing, in the project. A term is a word (ekspor),
// a phrase ("kerja sama"), or a wildcard (ekspor*: words that start so); a
// term may name its language (id, en; blank: any); terms sharing a nonzero
// synonym group count as one concept. Each change is one undoable action;
// bad input changes nothing. Deleting the dictionary's code leaves the
// dictionary without a code; merging codes moves it to the code merged into.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

struct DictionaryTerm {
  Id id = 0;
  std::string term, language;
  int64_t syn = 0;  // 0: a term of its own
};

struct Dictionary {
  Id id = 0;
  std::string name;
  std::optional<Id> code;
  std::string memo, created, modified;
  std::vector<DictionaryTerm> terms;  // by id
};

// What kind of term `t` is, or a ValidationError saying what is wrong.
enum class TermKind { word, phrase, wildcard };
TermKind term_kind(const std::string& t);

std::vector<Dictionary> dictionaries(const Project& p);                  // by name, with terms
Dictionary dictionary(const Project& p, const std::string& name_or_id);  // NotFound
Id create_dictionary(Project& p, const std::string& name, std::optional<Id> code = std::nullopt,
                     const std::string& memo = "");
void rename_dictionary(Project& p, Id dict, const std::string& name);
void set_dictionary_code(Project& p, Id dict, std::optional<Id> code);
void delete_dictionary(Project& p, Id dict);  // with its terms
// Adds terms (trimmed; a term already there in that language is refused).
std::vector<Id> add_dictionary_terms(Project& p, Id dict, const std::vector<DictionaryTerm>& terms);
// Removes terms by their text (any language when `language` is empty); returns how many.
int64_t remove_dictionary_terms(Project& p, Id dict, const std::vector<std::string>& terms,
                                const std::string& language = "");

// Within an open action (code deletion / merge).
void remove_code_dictionaries(Project& p, ActionScope& a, Id code);
void move_code_dictionaries(Project& p, ActionScope& a, Id from, Id into);
// Project::check(): terms of a missing dictionary, dictionaries of a missing code.
std::vector<std::string> check_dictionaries(const Project& p);

}  // namespace telaah::store
