#pragma once
// Everything a front end needs to run a project: the project and its inventory, and one
// function per step (each in its own step_*.hpp). The CLI, the GUI and the tests call these.
#include "core/pipeline/inventory.hpp"
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/pipeline/step_calibrate_settings.hpp"
#include "core/pipeline/step_compile_circuit.hpp"
#include "core/pipeline/step_gen_settings.hpp"
#include "core/pipeline/step_gen_witness.hpp"
#include "core/pipeline/step_mock.hpp"
#include "core/pipeline/step_prove.hpp"
#include "core/pipeline/step_setup.hpp"
#include "core/pipeline/step_srs.hpp"
#include "core/pipeline/step_table.hpp"
#include "core/pipeline/step_verify.hpp"
