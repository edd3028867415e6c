/*
 * render_internal.h - transitional: what view.c and fastlayout.c included
 * before src/render/ was split into one header per topic. Nothing else
 * may include it; delete it once those two files include render/view.h
 * and render/fastlayout.h themselves (they are being rewritten).
 */
#ifndef AM_RENDER_INTERNAL_H
#define AM_RENDER_INTERNAL_H

#include "render/fastlayout.h"
#include "render/view.h"
#include "util/am_internal.h"
#include "util/buf.h"

#endif
