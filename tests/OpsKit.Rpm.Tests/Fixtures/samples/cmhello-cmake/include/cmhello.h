/* SPDX-License-Identifier: Apache-2.0 */
#ifndef CMHELLO_H
#define CMHELLO_H
const char *cmhello_greeting(void);
#endif
