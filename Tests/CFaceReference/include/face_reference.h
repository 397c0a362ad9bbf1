#ifndef PHOTOCHECK_FACE_REFERENCE_H
#define PHOTOCHECK_FACE_REFERENCE_H
/* dlib's own detector and model reader, for the tests only: the references the face shim's faster
 * scan and model reader are held to. Not linked into photocheck. Like the shim, every function
 * catches every C++ exception. */
#include "face_shim.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1 when the shim's compiled-in filters are exactly those of dlib's get_frontal_face_detector()
 * (which this decompresses), 0 when they differ, -1 on error. */
int32_t pc_reference_filters_match_dlib(void);

/* pc_detector_detect's detection done by dlib's own scan, one filter piece at a time: same
 * arguments (less the detector) and the same result. */
int32_t pc_reference_detect(
    const uint8_t *gray, int32_t width, int32_t height, int32_t stride, double adjust_threshold,
    pc_face_box *boxes, int32_t capacity, char *error, size_t error_size);

/* The model file read by dlib's own deserialize only, as a shim model: pc_shape_model_fit and
 * pc_shape_model_destroy take it like one from pc_shape_model_load. */
pc_shape_model *pc_reference_shape_model_load(const char *path, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif
#endif
