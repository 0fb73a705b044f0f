/* SPDX-License-Identifier: Apache-2.0 */
#include <stdlib.h>
#include "cmhello.h"

const char *cmhello_greeting(void)
{
    const char *custom = getenv("CMHELLO_GREETING");
    return custom != NULL ? custom : "hello from cmake";
}
