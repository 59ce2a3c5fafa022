// Typed errors of the model. Each carries a sentence a researcher understands;
// the CLI and the GUI catch them at one boundary.
#pragma once
#include <stdexcept>
#include <string>

namespace telaah {

// Something the user asked for cannot be done (bad input, unknown name,
// offsets out of range). Nothing was changed. CLI exit status 1.
struct UserError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct NotFound : UserError {
  using UserError::UserError;
};
struct ValidationError : UserError {
  using UserError::UserError;
};
// The project is open in another Telaah window or process.
struct ProjectLocked : UserError {
  long pid = 0;
  ProjectLocked(const std::string& msg, long p) : UserError(msg), pid(p) {}
};
// The project file is damaged or not a Telaah project.
struct CorruptProject : UserError {
  using UserError::UserError;
};
// The project was written by a newer Telaah: its schema is newer than this
// build can read. The file is left untouched.
struct NewerProject : UserError {
  using UserError::UserError;
};
// A bug or an environment failure (disk full, I/O error). CLI exit status 2.
struct InternalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace telaah
