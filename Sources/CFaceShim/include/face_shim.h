#ifndef PHOTOCHECK_FACE_SHIM_H
#define PHOTOCHECK_FACE_SHIM_H
/* Plain-C interface to dlib's frontal face detector and 68-point shape predictor.
 * Images are 8-bit grey, row-major, `stride` bytes per row. Every function catches every C++
 * exception; failures return NULL or a negative count and write dlib's message into `error`. */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct pc_face_detector pc_face_detector;
typedef struct pc_shape_model pc_shape_model;

/* One detection: box in the pixels of the image given to the detector. */
typedef struct {
    int32_t left, top, right, bottom; /* inclusive corners, as dlib's rectangle */
    double score;                     /* detection confidence (larger is surer) */
    int32_t sub_detector;             /* 0 front, 1 left, 2 right, 3/4 front rotated */
} pc_face_box;

/* The HOG frontal face detector, built from its filters compiled in (no start-up cost). Holds
 * scratch memory, so it is not thread-safe: one per thread. */
pc_face_detector *pc_detector_create(char *error, size_t error_size);
void pc_detector_destroy(pc_face_detector *detector);

/* Detects faces scoring above `adjust_threshold` (0 is dlib's default). Writes at most `capacity`
 * boxes, best first, and returns how many were found (possibly more than `capacity`), or -1. */
int32_t pc_detector_detect(
    pc_face_detector *detector, const uint8_t *gray, int32_t width, int32_t height, int32_t stride,
    double adjust_threshold, pc_face_box *boxes, int32_t capacity, char *error, size_t error_size);

/* The instruction set the detector's scan was chosen for on this CPU, once per process:
 * "avx512", "avx2" (with FMA) or "baseline" (any x86-64 or arm64). */
const char *pc_detector_instruction_set(void);

/* Loads a shape predictor model file written by dlib (the 68-point model is 100 MB) with our own
 * reader (landmark_model.hpp), falling back to dlib's slower deserialize for a file it does not
 * know. The loaded model is read-only: one instance may serve every thread at once. */
pc_shape_model *pc_shape_model_load(const char *path, char *error, size_t error_size);
void pc_shape_model_destroy(pc_shape_model *model);
/* Number of parts the model places (68 for the iBUG 300-W model). */
int32_t pc_shape_model_parts(const pc_shape_model *model);

/* Places the model's parts inside the box (inclusive corners, image pixels). Writes x0, y0, x1,
 * y1, ... into `xy` (2 × `capacity` doubles) and returns the number of parts, or -1. */
int32_t pc_shape_model_fit(
    const pc_shape_model *model, const uint8_t *gray, int32_t width, int32_t height, int32_t stride,
    int32_t left, int32_t top, int32_t right, int32_t bottom, double *xy, int32_t capacity,
    char *error, size_t error_size);

#ifdef __cplusplus
}
#endif
#endif
