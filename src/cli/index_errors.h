// Errors of the search index at the command-line boundary: a Xapian::Error is
// no std::exception, so one escaping a command aborts the process (exit 134).
// Commands that touch the index wrap their callback so that such an error
// becomes a UserError: one sentence, exit 1 (a full disk, a read-only folder
// or a damaged index are faults of the environment, not of Telaah).
#pragma once
#include <xapian.h>

#include <string>
#include <utility>

#include "index/search.h"
#include "store/errors.h"

namespace telaah::cli {

template <class F>
auto index_errors_as_user_errors(const std::string& project, F f) {
  return [&project, f = std::move(f)]() {
    try {
      f();
    } catch (const Xapian::Error& e) {
      throw UserError(index::index_error_sentence(e, project));
    }
  };
}

}  // namespace telaah::cli
