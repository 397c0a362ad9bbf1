#include "face_shim.h"
extern "C" int pc_face_shim_version(void) { return 0; }
