// A read-only view of caller-owned grey pixels, usable wherever dlib takes a generic image.
#pragma once

#include <dlib/image_processing/generic_image.h>

#include <cstdint>

namespace photocheck {

struct gray_view {
    const uint8_t *data;
    long columns;
    long rows;
    long stride;
};

inline long num_rows(const gray_view &v) { return v.rows; }
inline long num_columns(const gray_view &v) { return v.columns; }
inline long width_step(const gray_view &v) { return v.stride; }
inline const void *image_data(const gray_view &v) { return v.data; }

}  // namespace photocheck

namespace dlib {
template <> struct image_traits<photocheck::gray_view> { typedef unsigned char pixel_type; };
}  // namespace dlib
