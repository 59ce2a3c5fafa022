// The SQL schema of the project file and its forward migrations.
#pragma once
#include <string>
#include <vector>

namespace telaah::store {

// migrations()[v] upgrades a project from user_version v to v+1;
// migrations()[0] creates the schema from nothing.
const std::vector<std::string>& migrations();

}  // namespace telaah::store
