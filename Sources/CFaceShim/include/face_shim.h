#ifndef PHOTOCHECK_FACE_SHIM_H
#define PHOTOCHECK_FACE_SHIM_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
/* Placeholder until the dlib shim lands. */
int pc_face_shim_version(void);
#ifdef __cplusplus
}
#endif
#endif
